import type { SuggestLanguage } from './types';

/**
 * Where a sentence splits into argumentative units. Annotated argumentative texts split a
 * sentence where a connective after a comma opens a clause of its own („…, denn …“, "…, but …"),
 * where „und“/"and" joins two full clauses (not two words or two verb phrases), after a fronted
 * reason or concession („Da …, sollte …“, "Although …, you should …") and at a semicolon.
 * Conditionals and relative clauses stay with their main clause.
 */

class Token {
	constructor(
		readonly start: number,
		readonly end: number,
		readonly lower: string,
		readonly isWord: boolean,
		/** The first character as written. */
		private readonly first: string
	) {}

	/**
	 * Starts with a lower-case letter (German nouns, capitalised, are never finite verbs).
	 * Worked out only when asked: most tokens never are, and toUpperCase is slow.
	 */
	get isLower(): boolean {
		return this.first === this.lower.charAt(0) && this.first !== this.first.toUpperCase();
	}
}

interface LanguageRules {
	/** Connectives (one or more words) that open a unit of their own after a comma or dash. */
	commaConnectives: Phrases;
	/** Connectives that open a unit even without a comma before them. */
	bareConnectives: Phrases;
	/** Of those, the ones that need a clause after them (they also introduce phrases). */
	needClause: ReadonlySet<string>;
	/** Next words after which the connective does not open a clause ("for example", „da war“). */
	notBefore: Readonly<Record<string, readonly string[]>>;
	and: string;
	/** Words that may stand for a subject (pronouns, demonstratives). */
	subjects: ReadonlySet<string>;
	/** Personal pronouns, which are subjects and always followed by their verb. */
	personalSubjects: ReadonlySet<string>;
	finiteVerbs: ReadonlySet<string>;
	/** German finite verbs are lower case; English ones may open the sentence. */
	verbsAreLowerCase: boolean;
	/** Subordinators whose fronted clause is a unit of its own (reasons, concessions). */
	frontedSubordinators: Phrases;
	/** Subordinators and relative words whose clause stays with its main clause. */
	boundSubordinators: ReadonlySet<string>;
	/** Relative pronouns (German ones double as articles, so they count only after a comma). */
	relativePronouns: ReadonlySet<string>;
	/** Multi-word subordinators („es sei denn“, "as long as") that make a unit a bound clause. */
	boundPhrases: Phrases;
	/** Coordinators that may precede a fronted subordinator („Aber da …“, "But since …"). */
	coordinators: ReadonlySet<string>;
	/** Words that, after a comma, start a question or answer a condition, not a new claim. */
	notMainClauseStart: ReadonlySet<string>;
	/** German „zwar“: the clause after its comma answers the concession („…, ist aber …“). */
	concessiveParticle?: string;
	/** The fewest words a unit split off a sentence may have. */
	minWords: number;
}

function words(list: string): string[] {
	return list.trim().split(/\s+/);
}

/** Phrases (one or more words) by their first word, each group in the order listed. */
type Phrases = ReadonlyMap<string, readonly (readonly string[])[]>;

function phrases(list: string): Phrases {
	const byFirstWord = new Map<string, string[][]>();
	for (const phrase of list.split(',').map((phrase) => words(phrase))) {
		const [first] = phrase;
		if (!first) continue;
		const group = byFirstWord.get(first);
		if (group) group.push(phrase);
		else byFirstWord.set(first, [phrase]);
	}
	return byFirstWord;
}

const GERMAN: LanguageRules = {
	commaConnectives: phrases(`
		aber, doch, jedoch, denn, da, weil, obwohl, obgleich, wenngleich, zumal, sodass, so dass,
		weshalb, weswegen, sonst, andernfalls, also, solange, es sei denn, selbst wenn, auch wenn,
		wobei, gleichwohl, dennoch, trotzdem, deshalb, daher, folglich, was wiederum
	`),
	bareConnectives: phrases('denn'),
	needClause: new Set(['also', 'doch']),
	notBefore: {},
	and: 'und',
	subjects: new Set(words('ich du er sie es wir ihr man das dies nichts niemand jeder')),
	personalSubjects: new Set(words('ich du er sie es wir ihr man')),
	finiteVerbs: new Set(
		words(`
		bin bist ist sind seid war warst waren wäre wären sei seien
		habe hast hat haben habt hatte hatten hätte hätten
		werde wirst wird werden werdet wurde wurden würde würden würdest
		kann kannst können könnt konnte konnten könnte könnten
		muss musst müssen müsst musste mussten müsste müssten
		soll sollst sollen sollt sollte solltest sollten darf darfst dürfen dürfte dürften
		will willst wollen wollte wollten möchte möchten mag mögen
		gibt gab gäbe geht gehen ging kommt kommen kam steht stehen stand bleibt bleiben blieb
		liegt liegen lag hilft helfen half macht machen zeigt zeigen führt führen bringt bringen
		heißt spricht spreche sprechen sieht sehen finde findet finden glaube glaubt glauben
		denke denkt denken weiß wissen meint braucht brauchen lässt lassen hält
		halten fällt fallen kostet kosten fehlt fehlen gehört gehören bietet bieten herrscht
		reicht reichen dient dienen steigt steigen sinkt sinken entsteht entstehen zahlt zahlen
		schadet schaden nützt nutzt verdient verdienen leidet leiden wächst wachsen ergibt
		ergeben sagt sagen behauptet behaupten
	`)
	),
	verbsAreLowerCase: true,
	frontedSubordinators: phrases(`
		da, weil, obwohl, obgleich, wenngleich, auch wenn, selbst wenn, zumal
	`),
	boundSubordinators: new Set(
		words(`wenn falls sofern solange wer was wie wo dass ob nachdem bevor sobald indem seit als
			weil obwohl obgleich wenngleich zumal sodass weshalb weswegen wobei`)
	),
	relativePronouns: new Set(words('der die das dem den dessen deren welche welcher welches')),
	coordinators: new Set(words('und aber doch denn oder')),
	boundPhrases: phrases('es sei denn, auch wenn, selbst wenn'),
	notMainClauseStart: new Set(words('so dann wieso warum weshalb wie was wer wo wann ob')),
	concessiveParticle: 'zwar',
	minWords: 3
};

const ENGLISH: LanguageRules = {
	commaConnectives: phrases(`
		but, because, since, as, for, so, although, though, even though, even if, whereas,
		unless, otherwise, which is why, which means, which in turn, so that, as long as, yet,
		hence, therefore, thus, while
	`),
	bareConnectives: phrases('unless, which is why, which means, for'),
	needClause: new Set(['as', 'for', 'so', 'since', 'yet', 'while', 'but']),
	notBefore: {
		as: words('well such opposed if in to far long soon much many'),
		for: words('example instance one'),
		so: words('far much many called why what how'),
		yet: words('again')
	},
	and: 'and',
	subjects: new Set(
		words(`i you he she it we they one there this that these those nothing nobody everyone
			everybody someone somebody it's that's there's they're we're you're i'm he's she's
			they’re we’re you’re i’m it’s that’s there’s he’s she’s`)
	),
	personalSubjects: new Set(
		words(`i you he she it we they there it's there's they're we're you're i'm he's she's
			they’re we’re you’re i’m it’s there’s he’s she’s`)
	),
	finiteVerbs: new Set(
		words(`
		am is are was were has have had do does did will would can could may might must shall
		should ought isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
		won't wouldn't can't cannot couldn't mustn't shouldn't needn't mightn't
		isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t doesn’t don’t didn’t won’t
		wouldn’t can’t couldn’t mustn’t shouldn’t needn’t mightn’t
	`)
	),
	verbsAreLowerCase: false,
	frontedSubordinators: phrases(`
		since, although, though, even though, even if, as, whereas, given that
	`),
	boundSubordinators: new Set(
		words(`if when whenever unless whether what who whom whose which that why how once
			considering after before until as since because although though while whereas`)
	),
	relativePronouns: new Set(words('which who whom whose that')),
	coordinators: new Set(words('and but so yet or')),
	boundPhrases: phrases('as long as, as soon as, so that, even if, even though'),
	notMainClauseStart: new Set(words('that this these those')),
	minWords: 4
};

/** German lower-case words in -t that are not verbs. */
const NOT_VERBS_DE = new Set(
	words(`nicht jetzt selbst bereits zuerst zuletzt erst recht meist höchst längst sonst fast
		seit mit bist konnt schlecht leicht vielleicht weit breit zunächst insbesondere
		bekannt nächst gut mehrfach oft sogleich samt nebst trotzt laut statt`)
);

const RULES: Record<SuggestLanguage, LanguageRules> = { de: GERMAN, en: ENGLISH };

const TOKEN = /([\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*)|\S/gu;
const BREAKS = new Set([',', ';', ':', '–', '—', '(', ')', '.', '!', '?']);
const DASHES = new Set(['–', '—']);
/** How far the rules look around a split point, in tokens, so long sentences stay linear. */
const LOOK_AHEAD = 40;
const LOOK_BACK = 80;

function tokenize(text: string, start: number, end: number): Token[] {
	const tokens: Token[] = [];
	TOKEN.lastIndex = start;
	for (let match = TOKEN.exec(text); match && match.index < end; match = TOKEN.exec(text)) {
		const matchEnd = Math.min(end, match.index + match[0].length);
		const raw = text.slice(match.index, matchEnd);
		tokens.push(
			new Token(match.index, matchEnd, raw.toLowerCase(), match[1] !== undefined, raw.charAt(0))
		);
	}
	return tokens;
}

/** A sentence being split: its tokens, the rules, and where the current clause began. */
class Sentence {
	readonly tokens: Token[];
	/** Token index where the current unit began. */
	unitStart = 0;
	/** Token index after the last comma, semicolon or dash (or the unit start). */
	clauseStart = 0;

	/** Per token: whether it is a finite verb. */
	private readonly finite: boolean[];
	/** Prefix counts over the tokens (index i = count in [0, i)), so ranges cost nothing. */
	private readonly wordsBefore: number[] = [0];
	private readonly verbsBefore: number[] = [0];

	constructor(
		text: string,
		start: number,
		end: number,
		readonly rules: LanguageRules
	) {
		this.tokens = tokenize(text, start, end);
		this.finite = this.tokens.map(
			(token, index) =>
				rules.finiteVerbs.has(token.lower) &&
				(!rules.verbsAreLowerCase || token.isLower || index === 0)
		);
		let wordCount = 0;
		let verbCount = 0;
		for (let index = 0; index < this.tokens.length; index++) {
			if (this.tokens[index]!.isWord) wordCount++;
			if (this.isVerbLike(index)) verbCount++;
			this.wordsBefore.push(wordCount);
			this.verbsBefore.push(verbCount);
		}
	}

	word(index: number): string {
		return this.tokens[index]?.lower ?? '';
	}

	isWord(index: number): boolean {
		return this.tokens[index]?.isWord === true;
	}

	isFiniteVerb(index: number): boolean {
		return this.finite[index] === true;
	}

	/**
	 * A finite verb, a personal pronoun with a word after it, or a German lower-case word in
	 * -t that is no particle („bricht“, „steigt“).
	 */
	private isVerbLike(index: number): boolean {
		if (this.finite[index]) return true;
		const token = this.tokens[index];
		if (!token) return false;
		if (this.rules.personalSubjects.has(token.lower) && this.isWord(index + 1)) return true;
		if (!this.rules.verbsAreLowerCase || !token.lower.endsWith('t')) return false;
		return /^\p{L}{3,}t$/u.test(token.lower) && !NOT_VERBS_DE.has(token.lower) && token.isLower;
	}

	isBreak(index: number): boolean {
		return BREAKS.has(this.word(index));
	}

	/** Whether the words from `from` up to the next break hold a finite verb or a subject. */
	hasClause(from: number): boolean {
		const to = Math.min(this.tokens.length, from + LOOK_AHEAD);
		for (let index = from; index < to && !this.isBreak(index); index++) {
			if (this.isFiniteVerb(index)) return true;
			if (this.rules.subjects.has(this.word(index)) && this.isWord(index + 1)) return true;
		}
		return false;
	}

	/** Whether [from, to) holds a verb (see isVerbLike). */
	hasVerb(from: number, to: number): boolean {
		return this.verbsBefore[to]! - this.verbsBefore[from]! > 0;
	}

	/** The index of the `count`-th word from `from` on (0 = the first), skipping punctuation. */
	nthWord(from: number, count: number): number {
		let seen = -1;
		for (let index = from; index < this.tokens.length; index++) {
			if (this.isWord(index) && ++seen === count) return index;
		}
		return this.tokens.length;
	}

	hasAny(from: number, to: number, list: ReadonlySet<string>): boolean {
		for (let index = Math.max(from, to - LOOK_BACK); index < to; index++) {
			if (list.has(this.word(index))) return true;
		}
		return false;
	}

	countWords(from: number, to: number): number {
		return this.wordsBefore[to]! - this.wordsBefore[from]!;
	}

	/** The longest of the phrases that starts at `index` (the first listed of equally long ones). */
	matchPhrase(index: number, list: Phrases): readonly string[] | null {
		let best: readonly string[] | null = null;
		const candidates = list.get(this.word(index));
		if (!candidates) return null;
		for (const phrase of candidates) {
			if (best && phrase.length <= best.length) continue;
			if (phrase.every((word, offset) => this.word(index + offset) === word)) best = phrase;
		}
		return best;
	}
}

/**
 * The offsets inside [start, end) of the text (one sentence) where a further unit begins,
 * in increasing order.
 */
export function clauseSplits(
	text: string,
	start: number,
	end: number,
	language: SuggestLanguage
): number[] {
	const sentence = new Sentence(text, start, end, RULES[language]);
	const splits: number[] = [];
	for (let index = 1; index < sentence.tokens.length; index++) {
		if (opensUnit(sentence, index, language)) {
			splits.push(index);
			sentence.unitStart = index;
			sentence.clauseStart = index;
		} else if (isClauseBreak(sentence.word(index - 1))) {
			sentence.clauseStart = index;
		}
	}
	const kept = keepSubstantialParts(sentence, splits);
	const withFronted = [...kept, ...frontedClauseSplits(sentence, kept, language)];
	return keepSubstantialParts(
		sentence,
		withFronted.sort((a, b) => a - b)
	).map((index) => sentence.tokens[index]!.start);
}

function isClauseBreak(word: string): boolean {
	return word === ',' || word === ';' || DASHES.has(word);
}

function opensUnit(sentence: Sentence, index: number, language: SuggestLanguage): boolean {
	const { rules } = sentence;
	const previous = sentence.word(index - 1);
	if (previous === ';') return true;
	if (!sentence.isWord(index)) return false;
	if (previous === ':') return colonOpensClause(sentence, index);
	const afterComma = previous === ',' || DASHES.has(previous);
	const connectives = afterComma ? rules.commaConnectives : rules.bareConnectives;
	const connective = sentence.matchPhrase(index, connectives);
	if (connective && !afterComma && !bareConnectiveOpensClause(sentence, index, language)) {
		return false;
	}
	if (connective) return connectiveOpensClause(sentence, index, connective);
	if (sentence.word(index) === rules.and) {
		if (!afterComma && !sentence.isWord(index - 1)) return false;
		return language === 'de'
			? germanClauseFollows(sentence, index, afterComma)
			: englishClauseFollows(sentence, index, afterComma);
	}
	if (!afterComma) return false;
	return language === 'de'
		? germanMainClauseFollows(sentence, index)
		: englishMainClauseFollows(sentence, index);
}

/**
 * A connective without a comma opens a unit only after a main clause, and the ambiguous ones
 * only with their clause: „denn“ is a particle in questions („Was ist denn …?“) and after a
 * verb or pronoun; "for" is a preposition unless a pronoun and its verb follow ("for it shows").
 */
function bareConnectiveOpensClause(
	sentence: Sentence,
	index: number,
	language: SuggestLanguage
): boolean {
	if (!coordinatesMainClause(sentence, index, language)) return false;
	const word = sentence.word(index);
	const previous = index - 1;
	if (word === 'denn') {
		if (sentence.word(sentence.tokens.length - 1) === '?') return false;
		if (sentence.isFiniteVerb(previous) || sentence.rules.subjects.has(sentence.word(previous))) {
			return false;
		}
		return !COMPARATIVE_DENN.has(sentence.word(previous)) && sentence.word(index + 1) !== 'je';
	}
	if (word === 'for') {
		const verb = sentence.tokens[index + 2];
		if (!sentence.rules.personalSubjects.has(sentence.word(index + 1)) || !verb) return false;
		return sentence.isFiniteVerb(index + 2) || /^\p{Ll}+s$/u.test(verb.lower);
	}
	return true;
}

const COMPARATIVE_DENN = new Set(words('mehr eher als weniger'));

/** A colon between two clauses („…: Die Lebenserwartung steigt …“), not before a list. */
function colonOpensClause(sentence: Sentence, index: number): boolean {
	return sentence.hasVerb(sentence.unitStart, index - 1) && sentence.hasClause(index);
}

function connectiveOpensClause(
	sentence: Sentence,
	index: number,
	connective: readonly string[]
): boolean {
	const { rules } = sentence;
	const head = connective.join(' ');
	const after = index + connective.length;
	if (!sentence.tokens[after]) return false;
	if (rules.notBefore[head]?.includes(sentence.word(after))) return false;
	// „…, da war er weg“: „da“ followed by its verb is the adverb, not „because“.
	if (head === 'da' && sentence.isFiniteVerb(after)) return false;
	if (head === 'but' && correctsNegation(sentence, index)) return false;
	if (!rules.needClause.has(head) || sentence.word(after) === ',') return true;
	return sentence.hasClause(after);
}

/**
 * "not only …, but …" and "isn't singular, but constant" correct what was negated (German
 * „sondern“): one unit, unless a subject opens a clause after "but".
 */
function correctsNegation(sentence: Sentence, index: number): boolean {
	if (sentence.hasAny(sentence.unitStart, index, NOT_ONLY)) return true;
	const next = sentence.word(index + 1);
	if (sentence.rules.subjects.has(next) || DETERMINERS_EN.has(next)) return false;
	return sentence.hasAny(Math.max(sentence.unitStart, index - 4), index, NEGATIONS_EN);
}

const NOT_ONLY = new Set(['only']);
const NEGATIONS_EN = new Set(
	words(`not never no isn't aren't wasn't weren't doesn't don't didn't isn’t aren’t wasn’t
		weren’t doesn’t don’t didn’t`)
);
const DETERMINERS_EN = new Set(words('the a an its their our his her my your some many most'));

/**
 * Whether the words of the current unit before `index` form a main clause of their own: long
 * enough, with a verb, not opened by a conditional or other bound subordinator.
 */
function mainClauseBefore(sentence: Sentence, index: number): boolean {
	const { rules } = sentence;
	const from = sentence.unitStart;
	if (sentence.countWords(from, index) < rules.minWords) return false;
	const opening = sentence.nthWord(from, 3);
	if (sentence.hasAny(from, Math.min(opening, index), rules.boundSubordinators)) return false;
	if (sentence.matchPhrase(from, rules.boundPhrases)) return false;
	return sentence.hasVerb(from, index);
}

/** Whether a conjunction without a comma at `index` follows a main clause of its own. */
function coordinatesMainClause(
	sentence: Sentence,
	index: number,
	language: SuggestLanguage
): boolean {
	if (sentence.countWords(sentence.clauseStart, index) < sentence.rules.minWords) return false;
	return mainClauseBefore(sentence, index) && !inBoundClause(sentence, index, language);
}

/** Whether the clause holding `index` is a subordinate or relative clause. */
function inBoundClause(sentence: Sentence, index: number, language: SuggestLanguage): boolean {
	const { rules } = sentence;
	const from = sentence.clauseStart;
	if (language === 'en') {
		const bound = (word: string) =>
			rules.boundSubordinators.has(word) || rules.relativePronouns.has(word);
		for (let at = Math.max(from, index - LOOK_BACK); at < index; at++) {
			if (bound(sentence.word(at))) return true;
		}
		return false;
	}
	const first = sentence.word(from);
	if (rules.boundSubordinators.has(first)) return true;
	return sentence.word(from - 1) === ',' && rules.relativePronouns.has(first);
}

/**
 * „und“ joins two main clauses when a function word (not a noun, not a verb) follows and the
 * finite verb comes early with more words after it (verb-second: „und deshalb ist …“,
 * „und das Alter steigt …“); a verb right after „und“ joins verb phrases.
 */
function germanClauseFollows(sentence: Sentence, index: number, afterComma: boolean): boolean {
	const first = index + 1;
	const token = sentence.tokens[first];
	if (!token?.isWord || !token.isLower || sentence.isFiniteVerb(first)) return false;
	if (sentence.rules.boundSubordinators.has(token.lower) && !sentence.isFiniteVerb(first + 1)) {
		return false;
	}
	if (!afterComma && !coordinatesMainClause(sentence, index, 'de')) return false;
	for (let at = first + 1; at < Math.min(sentence.tokens.length, first + 6); at++) {
		if (!sentence.isWord(at)) return false;
		if (sentence.isFiniteVerb(at)) return sentence.isWord(at + 1);
	}
	return false;
}

/**
 * "and" joins two clauses when a subject pronoun with its verb, or a subject phrase and an
 * auxiliary, follows ("and too many resources are lost"); not a verb phrase ("and must …").
 */
function englishClauseFollows(sentence: Sentence, index: number, afterComma: boolean): boolean {
	const { rules } = sentence;
	const first = index + 1;
	if (!sentence.isWord(first) || sentence.isFiniteVerb(first)) return false;
	const question = sentence.isFiniteVerb(first + 1);
	if (rules.boundSubordinators.has(sentence.word(first)) && !question) return false;
	if (!afterComma && !coordinatesMainClause(sentence, index, 'en')) return false;
	if (rules.subjects.has(sentence.word(first)) && sentence.isWord(first + 1)) return true;
	for (let at = first + 1; at < Math.min(sentence.tokens.length, first + 8); at++) {
		const word = sentence.word(at);
		if (rules.boundSubordinators.has(word) || word === 'and' || word === 'or') return false;
		if (sentence.isFiniteVerb(at)) return true;
		if (!sentence.isWord(at) && !(afterComma && word === ',')) return false;
	}
	return false;
}

/**
 * A German main clause after a comma: its finite verb second, then more words („…, sie sind
 * …“, „…, das sollte …“, „…, auch die Schulmedizin wird …“); relative clauses put the verb
 * last, reported speech („Sie sagen, das …“) and answers to conditions („…, dann …“) do not count.
 */
function germanMainClauseFollows(sentence: Sentence, index: number): boolean {
	const { rules } = sentence;
	const first = sentence.tokens[index];
	if (!first) return false;
	if (!first.isLower && !rules.subjects.has(first.lower)) return false;
	if (sentence.isFiniteVerb(index) || rules.notMainClauseStart.has(first.lower)) return false;
	if (rules.boundSubordinators.has(first.lower)) return false;
	if (!mainClauseBefore(sentence, index - 1)) return false;
	if (sentence.hasAny(Math.max(0, index - 4), index, SAYING_DE)) return false;
	const relative = rules.relativePronouns.has(first.lower);
	const last = Math.min(sentence.tokens.length, index + (relative ? 2 : 4));
	for (let at = index + 1; at < last; at++) {
		if (!sentence.isWord(at)) return false;
		if (sentence.isFiniteVerb(at)) return sentence.isWord(at + 1);
	}
	return false;
}

/** Verbs of saying and thinking: the clause after their comma is what is said („Sie meinen, …“). */
const SAYING_DE = new Set(
	words(`sagen sagt sagte sagten meinen meint meinte meine glaube glaubt glauben denke denkt
		denken finde findet finden behaupten behauptet warnt warnen schreibt hoffe hofft weiß
		wissen fürchten befürchten zeigt`)
);

/** An English main clause after a comma that opens with a subject pronoun ("…, they are …"). */
function englishMainClauseFollows(sentence: Sentence, index: number): boolean {
	const { rules } = sentence;
	const first = sentence.word(index);
	if (opensWithParticiple(sentence) && rules.personalSubjects.has(first)) return true;
	if (!mainClauseBefore(sentence, index - 1)) return false;
	if (rules.notMainClauseStart.has(first)) return sentence.isFiniteVerb(index + 1);
	return rules.subjects.has(first) && sentence.isWord(index + 1);
}

/** "Being a pharmacist myself, I …": a participle phrase before the subject is a unit. */
function opensWithParticiple(sentence: Sentence): boolean {
	const first = sentence.tokens[sentence.unitStart];
	return (
		first !== undefined &&
		sentence.unitStart === 0 &&
		!first.isLower &&
		/^\p{L}+ing$/u.test(first.lower) &&
		!PREPOSITIONAL_PARTICIPLES.has(first.lower)
	);
}

const PREPOSITIONAL_PARTICIPLES = new Set(
	words('according concerning considering during including regarding assuming following')
);

/**
 * A sentence opening with a reason or concession („Da …“, "Although …") splits where its main
 * clause begins: in German at the comma before the finite verb, in English at the last comma
 * that is followed by a clause.
 */
function frontedClauseSplits(
	sentence: Sentence,
	splits: number[],
	language: SuggestLanguage
): number[] {
	const found: number[] = [];
	const starts = [0, ...splits];
	for (const [position, segmentStart] of starts.entries()) {
		const segmentEnd = starts[position + 1] ?? sentence.tokens.length;
		const fronted = frontedStart(sentence, segmentStart, segmentEnd);
		if (fronted === null) continue;
		let split: number | null = null;
		for (let index = fronted + 1; index < segmentEnd; index++) {
			if (sentence.word(index - 1) !== ',') continue;
			const verbFirst = sentence.isFiniteVerb(index);
			if (language === 'de' ? verbFirst : !verbFirst && sentence.hasClause(index)) {
				split = index;
				if (language === 'de') break;
			}
		}
		if (split !== null) found.push(split);
	}
	return found;
}

/**
 * Where the fronted subordinator ends (an opening connective may precede it: „Denn da …“), or
 * the German „zwar“ whose concession the main clause answers („…, ist aber …“).
 */
function frontedStart(sentence: Sentence, from: number, to: number): number | null {
	const { rules } = sentence;
	const first = sentence.rules.coordinators.has(sentence.word(from)) ? from + 1 : from;
	const phrase = sentence.matchPhrase(first, rules.frontedSubordinators);
	if (phrase) {
		const after = first + phrase.length;
		const head = phrase.join(' ');
		return rules.notBefore[head]?.includes(sentence.word(after)) ? null : after - 1;
	}
	if (!rules.concessiveParticle || rules.boundSubordinators.has(sentence.word(first))) return null;
	for (let index = from; index < to && sentence.word(index) !== ','; index++) {
		if (sentence.word(index) === rules.concessiveParticle) return index;
	}
	return null;
}

/**
 * Drops splits that would leave a part with too few words („Ja, …“, "Sure, …"): a short part
 * joins the part after it; a short last part joins the one before.
 */
function keepSubstantialParts(sentence: Sentence, splits: number[]): number[] {
	const { minWords } = sentence.rules;
	const kept: number[] = [];
	let partStart = 0;
	for (const split of splits) {
		if (sentence.countWords(partStart, split) < minWords) continue;
		kept.push(split);
		partStart = split;
	}
	const lastPart = sentence.countWords(partStart, sentence.tokens.length);
	if (kept.length && lastPart < minWords) kept.pop();
	return kept;
}

import { connectives, cuePatterns, type Connective, type CueKind } from './connectives';
import type { SuggestLanguage } from './types';

/** A connective or other cue found in a unit, with the words as the unit spells them. */
export interface Cue {
	kind: CueKind;
	words: string;
	/** How many words of the unit precede the cue. */
	wordIndex: number;
	atStart: boolean;
}

/** What the rules need to know about one unit. */
export interface UnitCues {
	text: string;
	cues: Cue[];
	/** Continues the sentence of the unit before (starts in lower case after a comma, colon, dash). */
	continuesSentence: boolean;
	/** Ends in a comma or dash, so the sentence goes on in the next unit. */
	sentenceGoesOn: boolean;
	question: boolean;
	/** Starts with „und“/"and" or „oder“/"or": a further part of the same point. */
	coordinated: boolean;
	/** Starts by pointing back to the unit before („Dies …“, "This …"). */
	refersBack: boolean;
}

/** How many words may precede a `start` cue ("and furthermore", „Da aber“). */
const START_WINDOW = 1;

interface Candidate {
	connective: Connective;
	/** Where the connective ends if it starts at `start` (a word's start), else -1. */
	endAt: PhraseMatcher;
	window: number;
}

type PhraseMatcher = (text: string, start: number) => number;

/** The connectives of a language by their first word, longest phrase first („auch wenn“, „auch“). */
const lexicons = new Map<SuggestLanguage, Map<string, Candidate[]>>();

function lexicon(language: SuggestLanguage): Map<string, Candidate[]> {
	let byFirstWord = lexicons.get(language);
	if (!byFirstWord) {
		byFirstWord = new Map();
		const sorted = [...connectives[language]].sort((a, b) => b.phrase.length - a.phrase.length);
		for (const connective of sorted) {
			const phrase = connective.phrase.replace(/^\^/, '');
			const firstWord = phrase.match(/^[\p{L}\p{N}]+/u)![0];
			const candidates = byFirstWord.get(firstWord) ?? [];
			candidates.push({
				connective,
				endAt: phraseMatcher(phrase),
				window: startWindow(connective)
			});
			byFirstWord.set(firstWord, candidates);
		}
		lexicons.set(language, byFirstWord);
	}
	return byFirstWord;
}

/** Sticky: does a word go on at `lastIndex`? */
const WORD_GOES_ON = /[\p{L}\p{N}]/uy;

/**
 * A phrase matches where it is followed by no letter or digit. With a gap (`…`) that check is
 * part of the pattern, where the gap can stretch to satisfy it; a fixed phrase has one possible
 * end, checked after the match. Compiling the check into each of the ~170 patterns made a
 * user's first suggestion about 65 ms slower (Unicode property classes are costly to compile).
 */
function phraseMatcher(phrase: string): PhraseMatcher {
	const parts = phrase.split('…').map((part) => escape(part.trim()));
	if (parts.length > 1) {
		const gapped = new RegExp(`(?:${parts.join('(?:[^.;:!?]{0,80}?)')})(?![\\p{L}\\p{N}])`, 'uy');
		return (text, start) => {
			gapped.lastIndex = start;
			const match = gapped.exec(text);
			return match ? start + match[0].length : -1;
		};
	}
	const fixed = new RegExp(parts[0]!, 'y');
	return (text, start) => {
		fixed.lastIndex = start;
		const match = fixed.exec(text);
		if (!match) return -1;
		const end = start + match[0].length;
		WORD_GOES_ON.lastIndex = end;
		return WORD_GOES_ON.test(text) ? -1 : end;
	};
}

function startWindow(connective: Connective): number {
	if (connective.phrase.startsWith('^')) return 0;
	return connective.position === 'start' ? START_WINDOW : Infinity;
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** Finds the cues of every unit; `units` are the unit texts in order. */
export function describeUnits(units: readonly string[], language: SuggestLanguage): UnitCues[] {
	return units.map((text, index) => {
		const trimmed = text.trim();
		const opening = stripOpening(trimmed);
		return {
			text,
			cues: findCues(trimmed, language),
			continuesSentence:
				index > 0 && /^[\p{Ll}]/u.test(opening) && !/[.!?]$/.test(units[index - 1]!.trim()),
			sentenceGoesOn: /[,–—:-]$/.test(trimmed),
			question: /\?["“”»«']?$/.test(trimmed),
			coordinated: /^(and|or|und|oder)\b/iu.test(opening),
			refersBack: referencePattern[language].test(opening)
		};
	});
}

const referencePattern: Record<SuggestLanguage, RegExp> = {
	de: /^(dies|diese|dieser|dieses|diesen|deren|dessen|solche|solcher|solches)(?![\p{L}])/iu,
	en: /^(this|these|such|their|that(?!'s why)(?= (is|was|would|will|can|could|must)\b))(?![\p{L}])/iu
};

function stripOpening(text: string): string {
	return text.replace(/^[\s"'„“”‚‘’»«(–—-]+/u, '');
}

const WORD = /[\p{L}\p{N}]+/gu;

export function findCues(text: string, language: SuggestLanguage): Cue[] {
	const normalized = text.toLowerCase().replace(/[’‘`]/g, "'");
	const wordStarts: number[] = [];
	const taken: [number, number][] = [];
	const cues: Cue[] = [];
	const take = (kind: CueKind, start: number, end: number, wordIndex: number) => {
		taken.push([start, end]);
		if (kind !== 'neutral') {
			const atStart = wordIndex <= START_WINDOW;
			cues.push({ kind, words: cueWords(text, start, end), wordIndex, atStart });
		}
	};
	const byFirstWord = lexicon(language);
	WORD.lastIndex = 0;
	for (let word = WORD.exec(normalized); word; word = WORD.exec(normalized)) {
		const start = word.index;
		const wordIndex = wordStarts.push(start) - 1;
		const candidates = byFirstWord.get(word[0]);
		if (!candidates || taken.some(([from, to]) => start >= from && start < to)) continue;
		for (const candidate of candidates) {
			if (wordIndex > candidate.window) continue;
			const end = candidate.endAt(normalized, start);
			if (end === -1) continue;
			take(candidate.connective.kind, start, end, wordIndex);
			break;
		}
	}
	for (const { kind, pattern } of cuePatterns[language]) {
		const match = pattern.exec(normalized);
		if (!match) continue;
		const end = match.index + match[0].length;
		if (taken.some(([from, to]) => match.index < to && end > from)) continue;
		const wordIndex = wordStarts.filter((start) => start < match.index).length;
		take(kind, match.index, end, wordIndex);
	}
	// "But one could argue …", „Aber natürlich …“: the answer to the other side, not its voice
	const answers = cues.some((cue) => cue.kind === 'contrast' && cue.atStart);
	return cues
		.filter((cue) => !answers || (cue.kind !== 'concession' && cue.kind !== 'opponent'))
		.sort((a, b) => a.wordIndex - b.wordIndex);
}

function cueWords(text: string, start: number, end: number): string {
	return text
		.slice(start, end)
		.replace(/[,;:]$/, '')
		.replace(/\s+/g, ' ');
}

export function hasCue(unit: UnitCues, ...kinds: CueKind[]): boolean {
	return unit.cues.some((cue) => kinds.includes(cue.kind));
}

export function firstCue(unit: UnitCues, ...kinds: CueKind[]): Cue | undefined {
	return unit.cues.find((cue) => kinds.includes(cue.kind));
}

import type { SuggestLanguage } from './types';

/**
 * What a cue tells about a unit:
 * - `reason`: it gives a reason for what came before („weil“, "because");
 * - `addition`: it adds a further reason to the argument („außerdem“, "besides");
 * - `example`: it gives an example („zum Beispiel“, "for instance");
 * - `conclusion`: it concludes from what came before („deshalb“, "therefore");
 * - `result`: a clause tells what follows from the one before („sodass“, "so that");
 * - `contrast`: it turns against what came before („aber“, "however");
 * - `resumption`: it holds a position against the objections before („trotzdem“, "nevertheless");
 * - `concession`: it grants a point to the other side („zwar“, "of course");
 * - `opponent`: it lets someone else speak („Kritiker“, "some say");
 * - `deontic`: it says what should be done („sollte“, "must");
 * - `opinion`: the author states a view („ich finde“, "I think");
 * - `evaluation`: it judges („ist ungerecht“, "is unfair");
 * - `neutral`: words that contain a cue but mean something else („als ein“, "as long as").
 */
export type CueKind =
	| 'reason'
	| 'addition'
	| 'example'
	| 'conclusion'
	| 'result'
	| 'contrast'
	| 'resumption'
	| 'concession'
	| 'opponent'
	| 'deontic'
	| 'opinion'
	| 'evaluation'
	| 'neutral';

/**
 * Where a cue counts: `start` within the first words of the unit (conjunctions and sentence
 * adverbs that would mean something else inside a clause), `anywhere` in it.
 */
export type CuePosition = 'start' | 'anywhere';

export interface Connective {
	/**
	 * Lower-case words; `…` stands for any words in between (at most a clause); a leading `^`
	 * asks for the very first word.
	 */
	phrase: string;
	kind: CueKind;
	position: CuePosition;
}

type Table = Partial<Record<CueKind, { start?: string[]; anywhere?: string[] }>>;

/** Written for Argumap from general German grammar and usage. */
const german: Table = {
	reason: {
		start: ['weil', 'da', 'denn', 'zumal', 'nicht nur weil'],
		anywhere: ['nämlich', 'schließlich', 'schliesslich', 'ein grund dafür']
	},
	addition: {
		start: ['^auch', 'zum einen', 'zum anderen', 'und zum anderen', 'hinzu kommt', 'dazu kommt'],
		anywhere: [
			'außerdem',
			'ausserdem',
			'zudem',
			'ferner',
			'darüber hinaus',
			'des weiteren',
			'weiterhin',
			'überdies',
			'nicht zuletzt'
		]
	},
	example: {
		anywhere: ['zum beispiel', 'z. b.', 'z.b.', 'beispielsweise', 'etwa', 'so zum beispiel']
	},
	conclusion: {
		start: ['dadurch', 'somit'],
		anywhere: [
			'deshalb',
			'deswegen',
			'daher',
			'darum',
			'folglich',
			'aus diesen gründen',
			'aus diesem grund',
			'infolgedessen',
			'demnach',
			'also',
			'fazit'
		]
	},
	result: {
		anywhere: ['so dass', 'sodass', 'weshalb', 'weswegen', 'was wiederum']
	},
	contrast: {
		start: ['aber', 'doch', 'dabei', 'nur', 'sondern', 'vielmehr', 'andererseits'],
		anywhere: ['jedoch', 'allerdings', 'hingegen', 'dagegen', 'indes', 'aber']
	},
	resumption: {
		anywhere: ['trotzdem', 'dennoch', 'nichtsdestotrotz', 'nichtsdestoweniger', 'gleichwohl']
	},
	concession: {
		start: [
			'natürlich',
			'klar',
			'sicherlich',
			'sicher',
			'gewiss',
			'ja,',
			'zugegeben',
			'obwohl',
			'obgleich',
			'wenngleich',
			'auch wenn',
			'selbst wenn',
			'es sei denn',
			'unbestritten',
			'außer'
		],
		anywhere: [
			'zwar',
			'zugegebenermaßen',
			'mag',
			'mögen',
			'es wäre … denkbar',
			'es bleibt … fragwürdig'
		]
	},
	opponent: {
		start: ['manche', 'einige', 'viele menschen', 'viele leute', 'kritiker', 'gegner'],
		anywhere: [
			'man könnte meinen',
			'man könnte einwenden',
			'man könnte befürchten',
			'man könnte sagen',
			'könnte man meinen',
			'könnte man einwenden',
			'könnte man sagen',
			'man mag',
			'mag man',
			'man … meinen',
			'meinen manche',
			'behauptet',
			'behaupten',
			'warnt',
			'warnen',
			'führen … an',
			'befürchten',
			'kritiker'
		]
	},
	deontic: {
		anywhere: [
			'sollte',
			'sollten',
			'solltest',
			'soll',
			'sollen',
			'muss',
			'müssen',
			'müsste',
			'darf nicht',
			'dürfen nicht',
			'darf kein',
			'dürfen kein',
			'brauchen',
			'braucht',
			'ist … zu befürworten',
			'sind … zu befürworten',
			'nicht in frage',
			'gehört',
			'gehören'
		]
	},
	opinion: {
		anywhere: [
			'ich finde',
			'ich halte',
			'ich glaube',
			'ich meine',
			'ich bin',
			'ich denke',
			'meiner meinung',
			'meines erachtens',
			'spreche ich mich',
			'ich spreche mich',
			'ich werde',
			'werde ich',
			'es ist ganz klar',
			'ich … fände'
		]
	},
	neutral: {
		start: ['da ist', 'da war', 'also,'],
		anywhere: ['wie soll', 'zu müssen']
	},
	evaluation: {
		anywhere: [
			'gerecht',
			'ungerecht',
			'gerechtfertigt',
			'ist richtig',
			'ist falsch',
			'für richtig',
			'für falsch',
			'angemessen',
			'sinnvoll',
			'wünschenswert',
			'unverantwortlich',
			'nicht zu rechtfertigen',
			'keine lösung',
			'das richtige',
			'der richtige',
			'die richtige',
			'wäre es',
			'wäre … sinnvoll'
		]
	}
};

/** Written for Argumap from general English grammar and usage. */
const english: Table = {
	reason: {
		start: ['because', 'since', 'as', 'for', 'given that', 'not only because'],
		anywhere: ['after all', 'one reason for this']
	},
	addition: {
		start: [
			'^also',
			'and also',
			'plus',
			'for one thing',
			'and furthermore',
			'on top of that',
			'what is more'
		],
		anywhere: ['besides', 'furthermore', 'moreover', 'in addition', 'additionally', 'as well']
	},
	example: {
		start: ['including', 'e.g.'],
		anywhere: ['for example', 'for instance', 'such as', 'to name but a few']
	},
	conclusion: {
		start: ['so', 'hence', 'this results in', 'this would mean'],
		anywhere: [
			'therefore',
			"that's why",
			'that is why',
			'this is why',
			'for these reasons',
			'for this reason',
			'consequently',
			'as a result',
			'accordingly',
			'in conclusion',
			'all in all',
			'thus',
			'hence'
		]
	},
	result: {
		anywhere: ['so that', 'which is why', 'which means that', 'which in turn']
	},
	contrast: {
		start: ['but', 'yet', 'only', 'rather', 'on the other hand', 'and yet', 'whereas'],
		anywhere: ['however', 'though', 'in contrast', 'but']
	},
	resumption: {
		start: ['still', 'even so'],
		anywhere: ['nevertheless', 'nonetheless', 'but still', 'all the same']
	},
	concession: {
		start: [
			'of course',
			'admittedly',
			'granted',
			'sure',
			'certainly',
			'clearly',
			'indeed',
			'yes,',
			'although',
			'though',
			'even if',
			'even though',
			'while',
			'unless',
			'true,',
			'naturally',
			'no doubt',
			'it is true',
			'aside from'
		],
		anywhere: [
			'may',
			'might',
			'it is in fact',
			'it is indisputable',
			'it would be conceivable',
			'it remains questionable'
		]
	},
	opponent: {
		start: ['^some', 'many people', 'critics', 'opponents'],
		anywhere: [
			'one could argue',
			'one could say',
			'one could object',
			'one could worry',
			'one might think',
			'one might argue',
			'one might say',
			'one might object',
			'some say',
			'some people',
			'people say',
			'it could be argued',
			'it is often said',
			'point out',
			'points out',
			'warns',
			'insist',
			'claim that',
			'claims that',
			'argue that',
			'one has to point out'
		]
	},
	deontic: {
		anywhere: [
			'should',
			'ought to',
			'must',
			'has to',
			'have to',
			'need to',
			'needs to',
			'had better',
			'we need',
			'needs',
			'is out of the question',
			'is not to be supported'
		]
	},
	opinion: {
		anywhere: [
			'i think',
			'i find',
			'i believe',
			'i argue',
			'i am of the opinion',
			'i am not of the opinion',
			'in my opinion',
			'i will',
			'i would',
			"i'll",
			'it is quite clear'
		]
	},
	neutral: {
		start: [
			'as a',
			'as an',
			'as long as',
			'as soon as',
			'as such',
			'as well as',
			'so far',
			'for years'
		],
		anywhere: ['no one may', 'nobody may', 'may be the case', 'as far as', 'so much']
	},
	evaluation: {
		anywhere: [
			'fair',
			'unfair',
			'unjustifiable',
			'justified',
			'is right',
			'is wrong',
			'find … right',
			'find … wrong',
			'appropriate',
			'wise',
			'sensible',
			'desirable',
			'irresponsible',
			'not a solution',
			'the right way',
			'the right step',
			'the right thing',
			'the right measure',
			'the right approach',
			'the right decision',
			'it would be'
		]
	}
};

function flatten(table: Table): Connective[] {
	return Object.entries(table).flatMap(([kind, positions]) =>
		(['start', 'anywhere'] as const).flatMap((position) =>
			(positions[position] ?? []).map((phrase) => ({
				phrase,
				kind: kind as CueKind,
				position
			}))
		)
	);
}

export const connectives: Record<SuggestLanguage, readonly Connective[]> = {
	de: flatten(german),
	en: flatten(english)
};

/** A cue that a word list cannot express; `pattern` runs on the lower-cased unit. */
export interface CuePattern {
	pattern: RegExp;
	kind: CueKind;
}

export const cuePatterns: Record<SuggestLanguage, readonly CuePattern[]> = {
	de: [
		// someone else's view is reported: „Kritiker behaupten“, „Meine Eltern sagen“
		{
			kind: 'opponent',
			pattern:
				/(?<!(?:ich|wir)\s)(?<![\p{L}])(?:sagen|sagt|behaupten|behauptet|meinen|meint|denken|denkt|glauben|glaubt|befürchten|befürchtet|warnen|warnt|betonen|betont|einwenden)(?=[^.,]{0,25},)/u
		}
	],
	en: [
		// emphatic "do" grants a point: "they do offer", "he did use to"
		{
			kind: 'concession',
			pattern:
				/(?<![\p{L}])(?<!(?:what|how|why|where|who|you|i|we)\s)(?<!(?:when|if)\s[^,.]{0,40})(?:do|does|did)\s+(?!(?:not|n't|that|this|it|so|the|a|an|you|we|they|i|to|with|without|little|much|more|less|good|harm|nothing|something|anything|everything|well|what)\b)[a-z]+/u
		},
		// someone else's view is reported: "critics say", "my parents think"
		{
			kind: 'opponent',
			pattern:
				/(?<!(?:i|we|you)\s)(?<![\p{L}])(?:says?|claims?|argues?|insists?|thinks?|believes?|worr(?:y|ies)|warns?|assumes?|fears?|points? out)(?=\s+(?:that|this|it|about|so)\b|\s*[,:]|\s+\p{L}+\s+(?:that|about)\b)/u
		}
	]
};

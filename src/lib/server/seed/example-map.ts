import type { Anchor, ArgumentMap, Relation, Statement, StatementRole } from '$lib/argument';

interface ExampleStatement {
	id: string;
	role: StatementRole;
	text: string;
	/** Verbatim passages of the commentary; their offsets are looked up, so edits to the text show. */
	quotes: string[];
	implicit?: boolean;
}

// A reconstruction of Schiermeyer's argument: the main claim is the commentary's closing demand.
const STATEMENTS: ExampleStatement[] = [
	{
		id: 'claim',
		role: 'main_claim',
		text: 'Die Bundesregierung muss den Gesprächsfaden zum Kreml aufrechterhalten.',
		quotes: [
			'Die Bundesregierung muss den Gesprächsfaden zum Kreml dennoch aufrecht erhalten, wenn andere es nicht tun.'
		]
	},
	{
		id: 'talking',
		role: 'intermediate_conclusion',
		text: 'Allein miteinander reden bringt Fortschritte bei den großen Krisenherden.',
		quotes: ['dass allein miteinander reden noch Fortschritte für die großen Krisenherde bringt']
	},
	{
		id: 'steinmeier',
		role: 'premise',
		text: 'Die Zusage der Russen ist ein nachträglicher Erfolg von Steinmeiers Bemühungen.',
		quotes: [
			'Insofern muss die Absichtserklärung der Russen auch als nachträglicher Erfolg von Bundesaußenminister Frank-Walter Steinmeier gewertet werden'
		]
	},
	{
		id: 'hope',
		role: 'premise',
		text: 'Die angekündigte Feuerpause ist ein – wenn auch minimaler – Hoffnungsschimmer.',
		quotes: ['Doch sie ist ein minimaler Hoffnungsschimmer']
	},
	{
		id: 'lavrov',
		role: 'objection',
		text: 'Lawrow hatte Steinmeier zunächst auflaufen lassen.',
		quotes: [
			'obwohl ihn der Amtskollege Sergej Lawrow Anfang dieser Woche noch in Jekaterinburg scheinbar hatte auflaufen lassen'
		]
	},
	{
		id: 'fruitless',
		role: 'objection',
		text: 'Viele Gespräche scheinen ergebnislos zu sein.',
		quotes: ['selbst wenn viele Gespräche ergebnislos zu sein scheinen']
	},
	{
		id: 'guarantor',
		role: 'premise',
		text: 'Russland kann Stabilität garantieren, wenn es ihm nützt.',
		quotes: [
			'zugleich sind sie aber Garanten einer Stabilität, wenn sie diese denn wollen, weil es ihnen nützt'
		]
	},
	{
		id: 'no-peace-without-russia',
		role: 'premise',
		text: 'Ohne Russlands Mitwirkung gibt es in Syrien keine Waffenruhe.',
		quotes: [],
		implicit: true
	},
	{
		id: 'warmonger',
		role: 'objection',
		text: 'Russland ist in Syrien Kriegstreiber und handelt aus Machtkalkül.',
		quotes: [
			'So wie die Russen sich in Syrien aufführen, sind sie Kriegstreiber',
			'Sie agieren nicht aus einer humanitären Verantwortung heraus, sondern aus Machtkalkül.'
		]
	},
	{
		id: 'suffering',
		role: 'premise',
		text: 'Die Notleidenden in Aleppo brauchen Unterstützung mit aller Macht.',
		quotes: ['sie brauchen nicht nur Mitgefühl, sondern eine Unterstützung mit aller Macht']
	}
];

const RELATIONS: Relation[] = [
	{ id: 'talking-supports-claim', kind: 'support', premiseIds: ['talking'], conclusionId: 'claim' },
	{
		id: 'success-supports-talking',
		kind: 'support',
		premiseIds: ['steinmeier', 'hope'],
		conclusionId: 'talking'
	},
	{
		id: 'lavrov-undercuts-success',
		kind: 'attack',
		attackerId: 'lavrov',
		target: { kind: 'relation', id: 'success-supports-talking' }
	},
	{
		id: 'fruitless-rebuts-talking',
		kind: 'attack',
		attackerId: 'fruitless',
		target: { kind: 'statement', id: 'talking' }
	},
	{
		id: 'stability-supports-claim',
		kind: 'support',
		premiseIds: ['guarantor', 'no-peace-without-russia'],
		conclusionId: 'claim'
	},
	{
		id: 'warmonger-rebuts-claim',
		kind: 'attack',
		attackerId: 'warmonger',
		target: { kind: 'statement', id: 'claim' }
	},
	{
		id: 'suffering-supports-claim',
		kind: 'support',
		premiseIds: ['suffering'],
		conclusionId: 'claim'
	}
];

function anchorFor(text: string, quote: string): Anchor {
	const start = text.indexOf(quote);
	if (start < 0) throw new Error(`Example map: quote not found in the commentary: ${quote}`);
	return { start, end: start + quote.length, quote };
}

/** The example map of the Aleppo commentary, anchored in `text`; throws if a quote is missing. */
export function buildExampleMap(text: string): ArgumentMap {
	const statements: Statement[] = STATEMENTS.map((statement) => ({
		id: statement.id,
		text: statement.text,
		role: statement.role,
		implicit: statement.implicit ?? false,
		anchors: statement.quotes.map((quote) => anchorFor(text, quote)),
		note: ''
	}));
	return { statements, relations: RELATIONS };
}

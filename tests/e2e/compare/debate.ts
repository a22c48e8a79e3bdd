import type { ArgumentMap, Statement, StatementRole } from '$lib/argument';

/*
 * Two short commentaries on one question with opposite stances, written for these tests, and a
 * map of each. Statements are anchored on their exact words in the text.
 */

export const PRO = {
	title: 'Tempo 130 rettet Leben',
	body:
		'Ein Tempolimit auf Autobahnen ist überfällig. Ein Tempolimit senkt die Zahl der ' +
		'Verkehrstoten, denn bei geringerer Geschwindigkeit sind Unfälle weniger schwer. Zudem spart ' +
		'langsameres Fahren Sprit und schont das Klima. Wer einwendet, die Freiheit der Fahrer gehe ' +
		'vor, übersieht: Die Freiheit endet dort, wo andere gefährdet werden.'
};

export const CONTRA = {
	title: 'Freie Fahrt mit Verstand',
	body:
		'Ein generelles Tempolimit auf Autobahnen ist unnötig. Dass ein Tempolimit die Zahl der ' +
		'Verkehrstoten senkt, ist kaum belegt, denn die meisten tödlichen Unfälle geschehen auf ' +
		'Landstraßen. Die Autobahnen sind schon heute die sichersten Straßen des Landes. Wer ' +
		'Klimaschutz will, sollte auf bessere Antriebe setzen statt auf Verbote.'
};

function statementIn(body: string, id: string, quote: string, role: StatementRole): Statement {
	const start = body.indexOf(quote);
	if (start < 0) throw new Error(`"${quote}" is not in the text`);
	return {
		id,
		text: quote,
		role,
		implicit: false,
		anchors: [{ start, end: start + quote.length, quote }],
		note: ''
	};
}

export const PRO_MAP: ArgumentMap = {
	statements: [
		statementIn(PRO.body, 'claim', 'Ein Tempolimit auf Autobahnen ist überfällig', 'main_claim'),
		statementIn(
			PRO.body,
			'deaths',
			'Ein Tempolimit senkt die Zahl der Verkehrstoten',
			'intermediate_conclusion'
		),
		statementIn(
			PRO.body,
			'severity',
			'bei geringerer Geschwindigkeit sind Unfälle weniger schwer',
			'premise'
		),
		statementIn(
			PRO.body,
			'climate',
			'spart langsameres Fahren Sprit und schont das Klima',
			'premise'
		),
		statementIn(PRO.body, 'freedom', 'die Freiheit der Fahrer gehe vor', 'objection'),
		statementIn(PRO.body, 'limit', 'Die Freiheit endet dort, wo andere gefährdet werden', 'premise')
	],
	relations: [
		{ id: 's1', kind: 'support', premiseIds: ['deaths'], conclusionId: 'claim' },
		{ id: 's2', kind: 'support', premiseIds: ['severity'], conclusionId: 'deaths' },
		{ id: 's3', kind: 'support', premiseIds: ['climate'], conclusionId: 'claim' },
		{ id: 'a1', kind: 'attack', attackerId: 'freedom', target: { kind: 'statement', id: 'claim' } },
		{ id: 'a2', kind: 'attack', attackerId: 'limit', target: { kind: 'statement', id: 'freedom' } }
	]
};

export const CONTRA_MAP: ArgumentMap = {
	statements: [
		statementIn(
			CONTRA.body,
			'claim',
			'Ein generelles Tempolimit auf Autobahnen ist unnötig',
			'main_claim'
		),
		statementIn(
			CONTRA.body,
			'deaths',
			'Dass ein Tempolimit die Zahl der Verkehrstoten senkt, ist kaum belegt',
			'intermediate_conclusion'
		),
		statementIn(
			CONTRA.body,
			'rural',
			'die meisten tödlichen Unfälle geschehen auf Landstraßen',
			'premise'
		),
		statementIn(
			CONTRA.body,
			'safest',
			'Die Autobahnen sind schon heute die sichersten Straßen des Landes',
			'premise'
		),
		statementIn(
			CONTRA.body,
			'engines',
			'Wer Klimaschutz will, sollte auf bessere Antriebe setzen statt auf Verbote',
			'premise'
		)
	],
	relations: [
		{ id: 's1', kind: 'support', premiseIds: ['deaths'], conclusionId: 'claim' },
		{ id: 's2', kind: 'support', premiseIds: ['rural'], conclusionId: 'deaths' },
		{ id: 's3', kind: 'support', premiseIds: ['safest'], conclusionId: 'claim' },
		{ id: 's4', kind: 'support', premiseIds: ['engines'], conclusionId: 'claim' }
	]
};

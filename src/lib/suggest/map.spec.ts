import { describe, expect, it } from 'vitest';
import { draftMap, passageWords } from './map';
import type { StructureSuggestion, UnitAnalysis } from './types';

const TEXT =
	'Wir sollten mehr Radwege bauen. Radfahren hält gesund. Gesunde Menschen arbeiten gern. ' +
	'Manche sagen, Radwege seien zu teuer. Doch sie sparen Kosten im Gesundheitswesen.';

/** The suggestion for TEXT, one unit per sentence, with the analyses given. */
function suggestion(analyses: UnitAnalysis[], centralClaim = 0): StructureSuggestion {
	const sentences = TEXT.match(/[^.]+\./g)!.map((sentence) => sentence.trim());
	let from = 0;
	const units = sentences.map((sentence) => {
		const start = TEXT.indexOf(sentence, from);
		from = start + sentence.length;
		return { start, end: from, text: sentence };
	});
	return { units, analyses, centralClaim };
}

const why = (code: string) => [{ code }];

const ANALYSES: UnitAnalysis[] = [
	{ function: 'central_claim', target: null, stance: 'pro', reasons: why('first_unit') },
	{ function: 'support', target: 0, stance: 'pro', reasons: why('default_support') },
	{ function: 'support', target: 1, stance: 'pro', reasons: why('default_support') },
	{ function: 'attack', target: 0, stance: 'opp', reasons: why('opponent_voice') },
	{ function: 'attack', target: 3, stance: 'pro', reasons: why('counter_connective') }
];

describe('draftMap', () => {
	const draft = draftMap(suggestion(ANALYSES), TEXT);

	it('gives each unit the role of our model its function, stance and supporters call for', () => {
		expect(draft.statements.map((statement) => statement.role)).toEqual([
			'main_claim',
			'intermediate_conclusion',
			'premise',
			'objection',
			'premise'
		]);
	});

	it('turns supports into one-premise supports and attacks into attacks on statements', () => {
		const ids = draft.statements.map((statement) => statement.draftId);
		expect(
			draft.relations.map(({ kind, sourceId, targetId }) => [
				kind,
				ids.indexOf(sourceId),
				ids.indexOf(targetId)
			])
		).toEqual([
			['support', 1, 0],
			['support', 2, 1],
			['attack', 3, 0],
			['attack', 4, 3]
		]);
	});

	it('anchors each statement on its unit and keeps the reasons', () => {
		const objection = draft.statements[3]!;
		expect(objection.anchor).toEqual({
			start: TEXT.indexOf('Manche'),
			end: TEXT.indexOf(' Doch'),
			quote: 'Manche sagen, Radwege seien zu teuer.'
		});
		expect(objection.text).toBe('Manche sagen, Radwege seien zu teuer.');
		expect(objection.reasons).toEqual([{ code: 'opponent_voice' }]);
		expect(draft.relations[2]!.reasons).toEqual([{ code: 'opponent_voice' }]);
	});

	it('gives the same suggestion the same draft ids, distinct for statements and relations', () => {
		const again = draftMap(suggestion(ANALYSES), TEXT);
		expect(again).toEqual(draft);
		const ids = [...draft.statements, ...draft.relations].map((item) => item.draftId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(true);
	});

	it('follows the central claim index and drops targets that point nowhere', () => {
		const odd = draftMap(
			suggestion(
				[
					{ function: 'support', target: 1, stance: 'pro', reasons: [] },
					{ function: 'central_claim', target: null, stance: 'pro', reasons: [] },
					{ function: 'support', target: 2, stance: 'pro', reasons: [] },
					{ function: 'support', target: 9, stance: 'pro', reasons: [] },
					{ function: 'attack', target: 1, stance: 'opp', reasons: [] }
				],
				1
			),
			TEXT
		);
		expect(odd.statements.map((statement) => statement.role)).toEqual([
			'premise',
			'main_claim',
			'premise',
			'premise',
			'objection'
		]);
		expect(odd.relations.map((relation) => relation.kind)).toEqual(['support', 'attack']);
	});
});

describe('passageWords', () => {
	it('compares words only, whatever the case, spacing and punctuation', () => {
		expect(passageWords('  Radfahren hält\ngesund.')).toBe(passageWords('radfahren hält gesund'));
		expect(passageWords('Äpfel, 3 Birnen!')).toBe('äpfel 3 birnen');
	});
});

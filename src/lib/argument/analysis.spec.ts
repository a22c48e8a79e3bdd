import { describe, expect, it } from 'vitest';
import { anchorCoverage, checkMap } from './analysis';
import type { MapCheck } from './analysis';
import { anchorFor, commentary, sampleMap, statement } from './spec-fixtures';
import { splitSentences } from './sentences';
import type { ArgumentMap, Relation, Statement } from './types';

function checksOf(map: ArgumentMap, code: MapCheck['code'], text?: string): MapCheck[] {
	return checkMap(map, text).filter((check) => check.code === code);
}

function support(id: string, premiseIds: string[], conclusionId: string): Relation {
	return { id, kind: 'support', premiseIds, conclusionId };
}

function rebuttal(id: string, attackerId: string, targetId: string): Relation {
	return { id, kind: 'attack', attackerId, target: { kind: 'statement', id: targetId } };
}

/** Anchors don't matter to the structural checks; implicit statements need none. */
function implicit(id: string, role: Statement['role']): Statement {
	return statement(id, role, { implicit: true });
}

describe('checkMap', () => {
	it('finds nothing to criticise in a complete argument, also against its text', () => {
		expect(checkMap(sampleMap())).toEqual([]);
		expect(checkMap(sampleMap(), commentary)).toEqual([]);
	});

	it('asks for a main claim, and for just one', () => {
		const none: ArgumentMap = {
			statements: [implicit('a', 'premise'), implicit('b', 'intermediate_conclusion')],
			relations: [support('s', ['a'], 'b')]
		};
		expect(checkMap(none)).toEqual([{ code: 'no_main_claim' }]);
		expect(checkMap({ statements: [], relations: [] })).toEqual([{ code: 'no_main_claim' }]);

		const two: ArgumentMap = {
			statements: [
				implicit('a', 'main_claim'),
				implicit('p', 'premise'),
				implicit('b', 'main_claim')
			],
			relations: [support('s1', ['p'], 'a'), support('s2', ['p'], 'b')]
		};
		expect(checkMap(two)).toEqual([{ code: 'several_main_claims', statementIds: ['a', 'b'] }]);
	});

	it('reports a main claim used as a premise, with the supports concerned', () => {
		const map: ArgumentMap = {
			statements: [
				implicit('main', 'main_claim'),
				implicit('other', 'premise'),
				implicit('x', 'premise')
			],
			relations: [support('s1', ['main'], 'other'), support('s2', ['x', 'main'], 'other')]
		};
		expect(checksOf(map, 'main_claim_supports_other')).toEqual([
			{ code: 'main_claim_supports_other', statementIds: ['main'], relationIds: ['s1', 's2'] }
		]);
	});

	it('reports an intermediate conclusion nothing supports, even if it is attacked', () => {
		const map: ArgumentMap = {
			statements: [
				implicit('main', 'main_claim'),
				implicit('mid', 'intermediate_conclusion'),
				implicit('backed', 'intermediate_conclusion'),
				implicit('p', 'premise'),
				implicit('o', 'objection')
			],
			relations: [
				support('s1', ['mid'], 'main'),
				support('s2', ['backed'], 'main'),
				support('s3', ['p'], 'backed'),
				rebuttal('a1', 'o', 'mid')
			]
		};
		expect(checkMap(map)).toEqual([{ code: 'unsupported_conclusion', statementIds: ['mid'] }]);
	});

	it('reports each statement without any relation, but not an undercutter', () => {
		const map: ArgumentMap = {
			statements: [
				implicit('main', 'main_claim'),
				implicit('p', 'premise'),
				implicit('loose', 'premise'),
				implicit('u', 'objection'),
				implicit('alone', 'main_claim')
			],
			relations: [
				support('s1', ['p'], 'main'),
				{ id: 'x', kind: 'attack', attackerId: 'u', target: { kind: 'relation', id: 's1' } }
			]
		};
		expect(checksOf(map, 'isolated_statement')).toEqual([
			{ code: 'isolated_statement', statementIds: ['loose'] },
			{ code: 'isolated_statement', statementIds: ['alone'] }
		]);
	});

	it('reports each support cycle with its statements and supports, in map order', () => {
		const map: ArgumentMap = {
			statements: ['main', 'a', 'b', 'c', 'd', 'e', 'x'].map((id) =>
				implicit(id, id === 'main' ? 'main_claim' : 'premise')
			),
			relations: [
				support('s-out', ['a'], 'main'),
				support('s1', ['a'], 'b'),
				support('s2', ['b', 'x'], 'c'),
				support('s3', ['c'], 'a'),
				support('s4', ['d'], 'e'),
				support('s5', ['e'], 'd')
			]
		};
		expect(checksOf(map, 'cycle')).toEqual([
			{ code: 'cycle', statementIds: ['a', 'b', 'c'], relationIds: ['s1', 's2', 's3'] },
			{ code: 'cycle', statementIds: ['d', 'e'], relationIds: ['s4', 's5'] }
		]);
	});

	it('finds no cycle where two arguments merely share a premise', () => {
		const map: ArgumentMap = {
			statements: [
				implicit('main', 'main_claim'),
				implicit('a', 'premise'),
				implicit('b', 'premise')
			],
			relations: [
				support('s1', ['a'], 'main'),
				support('s2', ['a'], 'b'),
				support('s3', ['b'], 'main')
			]
		};
		expect(checksOf(map, 'cycle')).toEqual([]);
	});

	it('handles a chain of twenty thousand supports without overflowing the stack', () => {
		const count = 20_000;
		const statements = Array.from({ length: count }, (_, i) =>
			implicit(`s${i}`, i === 0 ? 'main_claim' : 'premise')
		);
		const relations = Array.from({ length: count - 1 }, (_, i) =>
			support(`r${i}`, [`s${i + 1}`], `s${i}`)
		);
		relations.push(support('back', ['s0'], `s${count - 1}`));
		const [cycle] = checksOf({ statements, relations }, 'cycle');
		expect(cycle?.statementIds).toHaveLength(count);
		expect(cycle?.relationIds).toHaveLength(count);
	});

	it('reports an objection that attacks nothing', () => {
		const map = sampleMap();
		map.relations = map.relations.filter((relation) => relation.id !== 'a-reply');
		expect(checksOf(map, 'objection_not_attacking')).toEqual([
			{ code: 'objection_not_attacking', statementIds: ['reply'] }
		]);
	});

	it('reports explicit statements without an anchor, but not implicit ones', () => {
		const map = sampleMap();
		map.statements = map.statements.map((s) => (s.id === 'quote' ? { ...s, anchors: [] } : s));
		expect(checksOf(map, 'unanchored_statement')).toEqual([
			{ code: 'unanchored_statement', statementIds: ['quote'] }
		]);
	});

	it('reports, given the text, anchors that moved and anchors whose quote is gone', () => {
		const edited = commentary.replace('Die Schuldenbremse', 'Die deutsche Schuldenbremse');
		expect(checkMap(sampleMap(), edited)).toEqual([
			{ code: 'anchor_stale', statementIds: ['invest'] },
			{ code: 'anchor_stale', statementIds: ['quote'] },
			{ code: 'anchor_stale', statementIds: ['objection'] },
			{ code: 'anchor_stale', statementIds: ['reply'] },
			{ code: 'anchor_lost', statementIds: ['claim'] }
		]);
	});
});

describe('splitSentences', () => {
	it('finds sentences with German quotes and emoji, as trimmed ranges into the text', () => {
		const text = '  Er sagt: „Wir schaffen das.“ Wirklich 🙂?\n\nJa!  ';
		const sentences = splitSentences(text, 'de');
		expect(sentences.map(({ start, end }) => text.slice(start, end))).toEqual([
			'Er sagt: „Wir schaffen das.“',
			'Wirklich 🙂?',
			'Ja!'
		]);
	});

	it('finds none in blank text', () => {
		expect(splitSentences(' \n ')).toEqual([]);
	});
});

describe('anchorCoverage', () => {
	it('counts the sentences that overlap an anchor', () => {
		expect(splitSentences(commentary, 'de')).toHaveLength(5);
		// The sample anchors touch every sentence.
		expect(anchorCoverage(sampleMap(), commentary, 'de')).toEqual({ covered: 5, total: 5 });

		const map = sampleMap();
		map.statements = map.statements.filter((s) => s.id !== 'objection' && s.id !== 'reply');
		expect(anchorCoverage(map, commentary, 'de')).toEqual({ covered: 3, total: 5 });
	});

	it('counts a sentence once however many anchors overlap it, and one anchor for every sentence it spans', () => {
		const spanning = anchorFor('reformiert. Marode');
		const emoji = anchorFor('🙂');
		const map: ArgumentMap = {
			statements: [
				statement('a', 'premise', { anchors: [spanning, emoji] }),
				statement('b', 'premise', { anchors: [anchorFor('Marode Schulen')] })
			],
			relations: []
		};
		expect(anchorCoverage(map, commentary, 'de')).toEqual({ covered: 3, total: 5 });
	});

	it('does not count an anchor that only touches the whitespace between sentences', () => {
		const gap = commentary.indexOf(' Marode');
		const map: ArgumentMap = {
			statements: [
				statement('a', 'premise', { anchors: [{ start: gap, end: gap + 1, quote: ' ' }] })
			],
			relations: []
		};
		expect(anchorCoverage(map, commentary, 'de')).toEqual({ covered: 0, total: 5 });
	});

	it('reports an empty text as nothing to cover', () => {
		expect(anchorCoverage(sampleMap(), '')).toEqual({ covered: 0, total: 0 });
	});
});

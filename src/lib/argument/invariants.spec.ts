import { describe, expect, it } from 'vitest';
import { commentary, sampleMap, statement } from './spec-fixtures';
import { findInvariantViolations, isAnchorInRange } from './invariants';
import type { ArgumentMap, Relation } from './types';

function withRelations(...relations: Relation[]): ArgumentMap {
	return {
		statements: [statement('a', 'premise'), statement('b', 'main_claim')],
		relations
	};
}

describe('findInvariantViolations', () => {
	it('finds nothing wrong with a well-formed map, also against its commentary', () => {
		expect(findInvariantViolations(sampleMap())).toEqual([]);
		expect(findInvariantViolations(sampleMap(), commentary.length)).toEqual([]);
		expect(findInvariantViolations({ statements: [], relations: [] })).toEqual([]);
	});

	it('reports an id used twice, among statements or across statements and relations', () => {
		const map: ArgumentMap = {
			statements: [
				statement('a', 'premise'),
				statement('a', 'premise'),
				statement('b', 'main_claim')
			],
			relations: [{ id: 'b', kind: 'support', premiseIds: ['a'], conclusionId: 'b' }]
		};
		expect(findInvariantViolations(map)).toEqual([
			{ code: 'duplicate_id', path: ['statements', 1, 'id'], ids: ['a'] },
			{ code: 'duplicate_id', path: ['relations', 0, 'id'], ids: ['b'] }
		]);
	});

	it('reports references to statements and relations that do not exist', () => {
		const map = withRelations(
			{ id: 's1', kind: 'support', premiseIds: ['a', 'ghost'], conclusionId: 'nowhere' },
			{ id: 'x1', kind: 'attack', attackerId: 'phantom', target: { kind: 'statement', id: 'b' } },
			{ id: 'x2', kind: 'attack', attackerId: 'a', target: { kind: 'statement', id: 'gone' } },
			{ id: 'x3', kind: 'attack', attackerId: 'a', target: { kind: 'relation', id: 'lost' } }
		);
		expect(findInvariantViolations(map)).toEqual([
			{ code: 'dangling_reference', path: ['relations', 0, 'premiseIds', 1], ids: ['s1', 'ghost'] },
			{
				code: 'dangling_reference',
				path: ['relations', 0, 'conclusionId'],
				ids: ['s1', 'nowhere']
			},
			{ code: 'dangling_reference', path: ['relations', 1, 'attackerId'], ids: ['x1', 'phantom'] },
			{ code: 'dangling_reference', path: ['relations', 2, 'target', 'id'], ids: ['x2', 'gone'] },
			{ code: 'dangling_reference', path: ['relations', 3, 'target', 'id'], ids: ['x3', 'lost'] }
		]);
	});

	it('does not accept a relation id where a statement is expected', () => {
		const map = withRelations(
			{ id: 's1', kind: 'support', premiseIds: ['a'], conclusionId: 'b' },
			{ id: 's2', kind: 'support', premiseIds: ['s1'], conclusionId: 'b' }
		);
		expect(findInvariantViolations(map).map((issue) => issue.code)).toEqual(['dangling_reference']);
	});

	it('reports a statement that is premise and conclusion of the same support', () => {
		const map = withRelations({
			id: 's1',
			kind: 'support',
			premiseIds: ['b', 'a'],
			conclusionId: 'a'
		});
		expect(findInvariantViolations(map)).toEqual([
			{ code: 'self_support', path: ['relations', 0, 'premiseIds', 1], ids: ['s1', 'a'] }
		]);
	});

	it('reports a statement attacking itself', () => {
		const map = withRelations({
			id: 'x1',
			kind: 'attack',
			attackerId: 'a',
			target: { kind: 'statement', id: 'a' }
		});
		expect(findInvariantViolations(map)).toEqual([
			{ code: 'self_attack', path: ['relations', 0, 'target', 'id'], ids: ['x1', 'a'] }
		]);
	});

	it('accepts an undercut of a support but not of another attack', () => {
		const map = withRelations(
			{ id: 's1', kind: 'support', premiseIds: ['a'], conclusionId: 'b' },
			{ id: 'x1', kind: 'attack', attackerId: 'b', target: { kind: 'relation', id: 's1' } },
			{ id: 'x2', kind: 'attack', attackerId: 'a', target: { kind: 'relation', id: 'x1' } }
		);
		expect(findInvariantViolations(map)).toEqual([
			{
				code: 'undercut_target_not_support',
				path: ['relations', 2, 'target', 'id'],
				ids: ['x2', 'x1']
			}
		]);
	});

	it('reports a support without premises and a premise listed twice', () => {
		const map = withRelations(
			{ id: 's1', kind: 'support', premiseIds: [], conclusionId: 'b' },
			{ id: 's2', kind: 'support', premiseIds: ['a', 'a'], conclusionId: 'b' }
		);
		expect(findInvariantViolations(map)).toEqual([
			{ code: 'empty_premises', path: ['relations', 0, 'premiseIds'], ids: ['s1'] },
			{ code: 'duplicate_premise', path: ['relations', 1, 'premiseIds', 1], ids: ['s2', 'a'] }
		]);
	});

	it('reports empty, reversed, negative and (given the text length) overlong anchors', () => {
		const map: ArgumentMap = {
			statements: [
				statement('a', 'premise', {
					anchors: [
						{ start: 3, end: 3, quote: '' },
						{ start: 5, end: 2, quote: 'abc' },
						{ start: -1, end: 2, quote: 'abc' },
						{ start: 0, end: 10, quote: '0123456789' },
						{ start: 1.5, end: 4, quote: 'abc' }
					]
				})
			],
			relations: []
		};
		const outOfRange = (textLength?: number) =>
			findInvariantViolations(map, textLength).map((issue) => issue.path[3]);
		expect(outOfRange()).toEqual([0, 1, 2, 4]);
		expect(outOfRange(10)).toEqual([0, 1, 2, 4]);
		expect(outOfRange(9)).toEqual([0, 1, 2, 3, 4]);
		expect(findInvariantViolations(map)[0]).toEqual({
			code: 'anchor_out_of_range',
			path: ['statements', 0, 'anchors', 0],
			ids: ['a']
		});
	});
});

describe('isAnchorInRange', () => {
	it('accepts a range ending exactly at the end of the text, counted in UTF-16 units', () => {
		const text = 'Klima „jetzt“ 🌍';
		expect(text.length).toBe(16);
		expect(isAnchorInRange({ start: 14, end: 16, quote: '🌍' }, text.length)).toBe(true);
		expect(isAnchorInRange({ start: 14, end: 17, quote: '🌍' }, text.length)).toBe(false);
	});
});

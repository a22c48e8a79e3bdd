import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { compareMaps } from './agreement';
import { anchored, range, rebuttal, sampleMap, support, withPrefixedIds } from './spec-fixtures';

const copy = () => withPrefixedIds(sampleMap(), 'b-');
const without = (map: ArgumentMap, ...ids: string[]): ArgumentMap => ({
	statements: map.statements.filter((s) => !ids.includes(s.id)),
	relations: map.relations.filter((r) => !ids.includes(r.id))
});

describe('compareMaps', () => {
	it('finds identical maps in full agreement, even with other ids', () => {
		const agreement = compareMaps(sampleMap(), copy(), { language: 'de' });
		expect(agreement).toMatchObject({
			onlyInA: [],
			onlyInB: [],
			roleDisagreements: [],
			relationsOnlyInA: [],
			relationsOnlyInB: [],
			statementF1: 1,
			relationF1: 1,
			score: 1,
			explanation: 'compare_agreement_statements_and_relations'
		});
		expect(agreement.alignment).toHaveLength(sampleMap().statements.length);
	});

	it('has no score for empty maps', () => {
		const empty = { statements: [], relations: [] };
		expect(compareMaps(empty, empty)).toEqual({
			alignment: [],
			onlyInA: [],
			onlyInB: [],
			roleDisagreements: [],
			relationsOnlyInA: [],
			relationsOnlyInB: [],
			statementF1: null,
			relationF1: null,
			score: null,
			explanation: 'compare_agreement_empty'
		});
		expect(compareMaps(sampleMap(), empty)).toMatchObject({
			onlyInA: sampleMap().statements.map((s) => s.id),
			relationsOnlyInA: sampleMap().relations.map((r) => r.id),
			statementF1: 0,
			relationF1: null,
			score: 0,
			explanation: 'compare_agreement_statements_only'
		});
	});

	it('scores maps without anchors by the relations between alike statements alone', () => {
		const unanchored = (map: ArgumentMap): ArgumentMap => ({
			...map,
			statements: map.statements.map((s) => ({ ...s, anchors: [] }))
		});
		expect(
			compareMaps(unanchored(sampleMap()), unanchored(copy()), { language: 'de' })
		).toMatchObject({
			statementF1: null,
			relationF1: 1,
			score: 1,
			explanation: 'compare_agreement_no_anchors'
		});

		const reworded = unanchored(copy());
		reworded.statements = reworded.statements.map((s) => ({ ...s, text: `Anders: ${s.id}` }));
		expect(compareMaps(unanchored(sampleMap()), reworded, { language: 'de' })).toMatchObject({
			alignment: [],
			statementF1: null,
			relationF1: null,
			score: null,
			explanation: 'compare_agreement_no_anchors'
		});
	});

	it('lists a statement only one map has and scores it against the statement F1', () => {
		const agreement = compareMaps(sampleMap(), without(copy(), 'b-reply', 'b-a-reply'), {
			language: 'de'
		});
		expect(agreement.onlyInA).toEqual(['reply']);
		expect(agreement.onlyInB).toEqual([]);
		expect(agreement.relationsOnlyInA).toEqual(['a-reply']);
		// A has 5 anchored statements, B 4, all 4 aligned: precision 4/5, recall 1.
		expect(agreement.statementF1).toBeCloseTo((2 * 0.8) / 1.8);
		// a-reply leads from a statement B lacks, so it is not among the relations compared.
		expect(agreement.relationF1).toBe(1);
	});

	it('reports a role disagreement without lowering the score', () => {
		const b = copy();
		b.statements = b.statements.map((s) => (s.id === 'b-invest' ? { ...s, role: 'premise' } : s));
		const agreement = compareMaps(sampleMap(), b, { language: 'de' });
		expect(agreement.roleDisagreements).toEqual([
			{ aId: 'invest', bId: 'b-invest', roleA: 'intermediate_conclusion', roleB: 'premise' }
		]);
		expect(agreement.score).toBe(1);
	});

	it('lists a relation only one map draws and scores it against the relation F1', () => {
		const agreement = compareMaps(sampleMap(), without(copy(), 'b-a-objection'), {
			language: 'de'
		});
		expect(agreement.relationsOnlyInA).toEqual(['a-objection']);
		expect(agreement.relationsOnlyInB).toEqual([]);
		expect(agreement.statementF1).toBe(1);
		// 5 relations between aligned statements in A, 4 in B, all of B's matched.
		expect(agreement.relationF1).toBeCloseTo((2 * 0.8) / 1.8);
		expect(agreement.score).toBeCloseTo((1 + (2 * 0.8) / 1.8) / 2);
	});

	it('does not match a support with an attack between the same statements', () => {
		const a: ArgumentMap = {
			statements: [
				anchored('claim', 'main_claim', '', range(0, 10)),
				anchored('reason', 'premise', '', range(20, 30))
			],
			relations: [support('s', ['reason'], 'claim')]
		};
		const b: ArgumentMap = { ...a, relations: [rebuttal('r', 'reason', 'claim')] };
		expect(compareMaps(a, b)).toMatchObject({
			relationsOnlyInA: ['s'],
			relationsOnlyInB: ['r'],
			statementF1: 1,
			relationF1: 0,
			score: 0.5
		});
	});

	it('matches a linked argument with the same premises drawn as separate supports', () => {
		const statements = [
			anchored('claim', 'main_claim', '', range(0, 10)),
			anchored('p1', 'premise', '', range(20, 30)),
			anchored('p2', 'premise', '', range(40, 50))
		];
		const linked: ArgumentMap = { statements, relations: [support('s', ['p1', 'p2'], 'claim')] };
		const separate: ArgumentMap = {
			statements,
			relations: [support('s1', ['p1'], 'claim'), support('s2', ['p2'], 'claim')]
		};
		expect(compareMaps(linked, separate)).toMatchObject({
			relationsOnlyInA: [],
			relationsOnlyInB: [],
			relationF1: 1
		});
	});
});

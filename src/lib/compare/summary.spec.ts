import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { argumentDepth, summarizeMap, textCoverage } from './summary';
import {
	anchored,
	commentary,
	range,
	rebuttal,
	sampleMap,
	statement,
	support
} from './spec-fixtures';

describe('summarizeMap', () => {
	it('summarises the sample argument', () => {
		const summary = summarizeMap(sampleMap(), commentary);
		expect(summary).toMatchObject({
			statementsByRole: { main_claim: 1, intermediate_conclusion: 1, premise: 2, objection: 3 },
			depth: 2,
			unsupportedConclusionIds: [],
			objectionIds: ['source', 'objection', 'reply'],
			answeredObjectionIds: ['objection']
		});
		expect(summary.coverage.total).toBe(commentary.length);
		expect(summary.coverage.share).toBeGreaterThan(0);
		expect(summary.coverage.share).toBeLessThan(1);
	});

	it('summarises an empty map as zeros', () => {
		expect(summarizeMap({ statements: [], relations: [] }, '')).toEqual({
			statementsByRole: { main_claim: 0, intermediate_conclusion: 0, premise: 0, objection: 0 },
			depth: 0,
			unsupportedConclusionIds: [],
			objectionIds: [],
			answeredObjectionIds: [],
			coverage: { covered: 0, total: 0, share: 0 }
		});
	});

	it('finds main claims and intermediate conclusions without support', () => {
		const map: ArgumentMap = {
			statements: [
				statement('claim', 'main_claim'),
				statement('step', 'intermediate_conclusion'),
				statement('backed', 'intermediate_conclusion'),
				statement('reason', 'premise')
			],
			relations: [support('s', ['reason'], 'backed'), support('t', ['step', 'backed'], 'claim')]
		};
		expect(summarizeMap(map, '').unsupportedConclusionIds).toEqual(['step']);
		const lonelyClaim = { statements: [statement('claim', 'main_claim')], relations: [] };
		expect(summarizeMap(lonelyClaim, '').unsupportedConclusionIds).toEqual(['claim']);
	});
});

describe('argumentDepth', () => {
	it('counts the longest chain of supports and attacks to the main claim', () => {
		const map: ArgumentMap = {
			statements: [
				statement('claim', 'main_claim'),
				statement('near', 'premise'),
				statement('step', 'intermediate_conclusion'),
				statement('reason', 'premise'),
				statement('doubt', 'objection')
			],
			relations: [
				support('s-near', ['near'], 'claim'),
				support('s-step', ['step'], 'claim'),
				support('s-reason', ['reason'], 'step'),
				rebuttal('r-doubt', 'doubt', 'reason')
			]
		};
		expect(argumentDepth(map)).toBe(3);
	});

	it('is 0 without a main claim or relations, and stops at a cycle', () => {
		expect(argumentDepth({ statements: [], relations: [] })).toBe(0);
		expect(argumentDepth({ statements: [statement('a', 'premise')], relations: [] })).toBe(0);
		const cycle: ArgumentMap = {
			statements: [statement('claim', 'main_claim'), statement('a', 'intermediate_conclusion')],
			relations: [support('s1', ['a'], 'claim'), support('s2', ['claim'], 'a')]
		};
		expect(argumentDepth(cycle)).toBe(2);
	});
});

describe('textCoverage', () => {
	it('counts overlapping anchors once', () => {
		const map: ArgumentMap = {
			statements: [
				anchored('a', 'premise', '', range(0, 4), range(8, 10)),
				anchored('b', 'premise', '', range(2, 6))
			],
			relations: []
		};
		// [0, 6) and [8, 10): 8 of 10 characters.
		expect(textCoverage(map, 'abcdefghij')).toEqual({ covered: 8, total: 10, share: 0.8 });
	});

	it('is 0 for maps without anchors and ignores anchors past the end of the text', () => {
		const implicit = { statements: [statement('a', 'premise')], relations: [] };
		expect(textCoverage(implicit, 'abcdefghij').share).toBe(0);
		const stale = { statements: [anchored('a', 'premise', '', range(5, 20))], relations: [] };
		expect(textCoverage(stale, 'abcdefghij')).toEqual({ covered: 5, total: 10, share: 0.5 });
	});
});

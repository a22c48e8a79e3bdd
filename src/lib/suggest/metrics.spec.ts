import { describe, expect, it } from 'vitest';
import type { TreeNode } from './gold';
import { boundaries, boundaryScores, macroF1, structureScores, textEnd } from './metrics';

const claim: TreeNode = { function: 'central_claim', target: null, stance: 'pro' };
const supports = (target: number): TreeNode => ({ function: 'support', target, stance: 'pro' });
const attacks = (target: number): TreeNode => ({ function: 'attack', target, stance: 'opp' });

describe('macroF1', () => {
	it('is 1 when every label is right', () => {
		expect(
			macroF1([
				['pro', 'pro'],
				['opp', 'opp'],
				['pro', 'pro']
			])
		).toBe(1);
	});

	it('is 0 when every label is wrong', () => {
		expect(
			macroF1([
				['pro', 'opp'],
				['opp', 'pro']
			])
		).toBe(0);
	});

	it('averages the F1 of each class after one mistake', () => {
		// pro: tp 3, fp 1, fn 0 -> 6/7; opp: tp 0, fn 1 -> 0; mean 3/7
		expect(
			macroF1([
				['pro', 'pro'],
				['pro', 'pro'],
				['pro', 'pro'],
				['opp', 'pro']
			])
		).toBeCloseTo(3 / 7, 10);
	});

	it('leaves out classes that occur nowhere and is NaN without labels', () => {
		expect(macroF1([['pro', 'pro']])).toBe(1);
		expect(macroF1([])).toBeNaN();
	});
});

describe('structureScores', () => {
	it('is perfect for the gold tree itself', () => {
		const gold = [claim, supports(0), attacks(0), attacks(2)];
		expect(structureScores([{ gold, predicted: gold }])).toEqual({
			texts: 1,
			ccAccuracy: 1,
			cc: 1,
			ro: 1,
			fu: 1,
			at: 1
		});
	});

	it('scores each level of a tree with one unit attached wrongly', () => {
		const scores = structureScores([
			{ gold: [claim, supports(0), attacks(0)], predicted: [claim, supports(0), supports(1)] }
		]);
		expect(scores.ccAccuracy).toBe(1);
		expect(scores.cc).toBe(1);
		// pro: tp 2, fp 1 -> 4/5; opp: fn 1 -> 0
		expect(scores.ro).toBeCloseTo(0.4, 10);
		// central_claim 1; support: tp 1, fp 1 -> 2/3; attack: fn 1 -> 0
		expect(scores.fu).toBeCloseTo(5 / 9, 10);
		// 6 ordered pairs. attaches: tp 1 (1->0), fn 1 (2->0), fp 1 (2->1) -> 1/2;
		// does not attach: tp 3 (0->1, 0->2, 1->2), fp 1, fn 1 -> 6/8
		expect(scores.at).toBeCloseTo(0.625, 10);
	});

	it('pools the units of all texts and counts the texts whose central claim was found', () => {
		const scores = structureScores([
			{ gold: [claim, supports(0)], predicted: [claim, supports(0)] },
			{ gold: [supports(1), claim], predicted: [claim, supports(0)] }
		]);
		expect(scores.texts).toBe(2);
		expect(scores.ccAccuracy).toBe(0.5);
		// is claim: tp 1, fp 1, fn 1 -> 1/2; is not: tp 1, fp 1, fn 1 -> 1/2
		expect(scores.cc).toBeCloseTo(0.5, 10);
		// every pair of the second text is wrong; the first text's two pairs are right:
		// attaches: tp 1, fp 1, fn 1 -> 1/2; does not: tp 1, fp 1, fn 1 -> 1/2
		expect(scores.at).toBeCloseTo(0.5, 10);
	});

	it('refuses a prediction over other units than the gold tree', () => {
		expect(() => structureScores([{ gold: [claim, supports(0)], predicted: [claim] }])).toThrow(
			/1 predicted units for 2 gold units/
		);
	});
});

describe('boundaries', () => {
	it('are the unit ends before the end of the text', () => {
		const text = 'One claim. Two reasons. Three.\n';
		const spans = [
			{ start: 0, end: 10 },
			{ start: 11, end: 23 },
			{ start: 24, end: 30 }
		];
		expect(textEnd(text)).toBe(30);
		expect([...boundaries(spans, textEnd(text))]).toEqual([10, 23]);
	});

	it('are scored by exact offset and pooled over texts', () => {
		const one = { gold: new Set([10, 20, 30]), predicted: new Set([10, 25]) };
		expect(boundaryScores([one])).toMatchObject({
			precision: 0.5,
			recall: 1 / 3,
			f1: 0.4,
			truePositives: 1,
			falsePositives: 1,
			falseNegatives: 2
		});
		const perfect = { gold: new Set([5]), predicted: new Set([5]) };
		// tp 2, fp 1, fn 2 -> P 2/3, R 1/2, F1 4/7
		const pooled = boundaryScores([one, perfect]);
		expect(pooled.precision).toBeCloseTo(2 / 3, 10);
		expect(pooled.recall).toBe(0.5);
		expect(pooled.f1).toBeCloseTo(4 / 7, 10);
	});

	it('are perfect when there is nothing to find and nothing found, and 0 when all are missed', () => {
		expect(boundaryScores([{ gold: new Set(), predicted: new Set() }])).toMatchObject({
			precision: 1,
			recall: 1,
			f1: 1
		});
		expect(boundaryScores([{ gold: new Set([3]), predicted: new Set() }])).toMatchObject({
			precision: 0,
			recall: 0,
			f1: 0
		});
	});
});

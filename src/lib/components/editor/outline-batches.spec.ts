import { afterEach, describe, expect, it, vi } from 'vitest';
import { outlineTree, type ArgumentMap } from '$lib/argument';
import {
	claimOutlineSlot,
	nextBatchEnd,
	outlineSize,
	STATEMENTS_PER_TASK
} from './outline-batches';

function statement(id: string, role: 'main_claim' | 'premise' = 'premise') {
	return { id, text: id, role, implicit: false, anchors: [], note: '' };
}

/** `claims` main claims, each supported by a chain of `depth` premises. */
function chains(claims: number, depth: number): ArgumentMap {
	const map: ArgumentMap = { statements: [], relations: [] };
	for (let c = 0; c < claims; c++) {
		map.statements.push(statement(`c${c}`, 'main_claim'));
		for (let d = 1; d <= depth; d++) {
			map.statements.push(statement(`c${c}s${d}`));
			map.relations.push({
				id: `c${c}r${d}`,
				kind: 'support',
				premiseIds: [`c${c}s${d}`],
				conclusionId: d === 1 ? `c${c}` : `c${c}s${d - 1}`
			});
		}
	}
	return map;
}

describe('outline batches', () => {
	it('counts a 3,000-statement chain without overflowing the stack', () => {
		const [root] = outlineTree(chains(1, 2999));
		expect(root && outlineSize(root)).toBe(3000);
	});

	it('hands out roots in batches of about STATEMENTS_PER_TASK statements until all are shown', () => {
		const roots = outlineTree(chains(10, 4));
		const ends: number[] = [];
		for (let end = 0; end < roots.length;) ends.push((end = nextBatchEnd(roots, end)));
		expect(ends).toEqual([5, 10]);
		expect(5 * 5).toBeLessThanOrEqual(STATEMENTS_PER_TASK);
	});

	it('shows a root larger than a batch on its own', () => {
		const roots = outlineTree(chains(2, 500));
		expect(nextBatchEnd(roots, 0)).toBe(1);
		expect(nextBatchEnd(roots, 1)).toBe(2);
		expect(nextBatchEnd(roots, 2)).toBe(2);
	});
});

describe('outline slots', () => {
	afterEach(() => vi.useRealTimers());

	it('gives each task its share of statements, and the next task a new share', () => {
		vi.useFakeTimers();
		const firstTask = Array.from({ length: STATEMENTS_PER_TASK + 5 }, claimOutlineSlot);
		expect(firstTask.filter(Boolean)).toHaveLength(STATEMENTS_PER_TASK);
		expect(firstTask.slice(STATEMENTS_PER_TASK)).toEqual([false, false, false, false, false]);
		vi.runOnlyPendingTimers();
		expect(claimOutlineSlot()).toBe(true);
		vi.runOnlyPendingTimers();
	});
});

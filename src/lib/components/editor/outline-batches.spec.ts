import { describe, expect, it } from 'vitest';
import { outlineTree, type ArgumentMap } from '$lib/argument';
import { nextBatchEnd, outlineSize, STATEMENTS_PER_BATCH } from './outline-batches';

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

	it('hands out roots in batches of about STATEMENTS_PER_BATCH statements until all are shown', () => {
		const roots = outlineTree(chains(10, 49));
		const ends: number[] = [];
		for (let end = 0; end < roots.length;) ends.push((end = nextBatchEnd(roots, end)));
		expect(ends).toEqual([4, 8, 10]);
		expect(4 * 50).toBeLessThanOrEqual(STATEMENTS_PER_BATCH);
	});

	it('shows a root larger than a batch on its own', () => {
		const roots = outlineTree(chains(2, 500));
		expect(nextBatchEnd(roots, 0)).toBe(1);
		expect(nextBatchEnd(roots, 1)).toBe(2);
		expect(nextBatchEnd(roots, 2)).toBe(2);
	});
});

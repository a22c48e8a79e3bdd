import type { OutlineStatementNode } from '$lib/argument';

/** About this many statements are added to the outline per task. */
export const STATEMENTS_PER_BATCH = 200;

/** Statements in a sub-tree, counted without recursion (chains can be hundreds deep). */
export function outlineSize(root: OutlineStatementNode): number {
	let count = 0;
	const pending = [root];
	for (let node = pending.pop(); node; node = pending.pop()) {
		count += 1;
		for (const support of node.supports) {
			pending.push(...support.premises, ...support.undercuts.map((attack) => attack.attacker));
		}
		for (const rebuttal of node.rebuttals) pending.push(rebuttal.attacker);
	}
	return count;
}

/**
 * Where the next batch of roots ends, starting at `start`: at least one root, and more while the
 * batch stays within STATEMENTS_PER_BATCH statements.
 */
export function nextBatchEnd(roots: readonly OutlineStatementNode[], start: number): number {
	let end = start;
	let statements = 0;
	while (end < roots.length) {
		const root = roots[end];
		if (!root) break;
		statements += outlineSize(root);
		if (end > start && statements > STATEMENTS_PER_BATCH) break;
		end += 1;
	}
	return end;
}

import type { OutlineStatementNode } from '$lib/argument';

/**
 * About this many statements are added to the outline per task. Each takes about a millisecond
 * to create on a slow machine, and a drag of the graph that starts meanwhile waits for the task
 * under way: larger shares made panning a 3,000-statement map stutter while its outline grew.
 */
export const STATEMENTS_PER_TASK = 25;

let createdThisTask = 0;

/**
 * Counts one outline statement created in the current task; false once the task has created its
 * share, and the statement should then leave its branches to a later task.
 */
export function claimOutlineSlot(): boolean {
	if (createdThisTask === 0) setTimeout(() => (createdThisTask = 0));
	createdThisTask += 1;
	return createdThisTask <= STATEMENTS_PER_TASK;
}

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
 * batch stays within STATEMENTS_PER_TASK statements.
 */
export function nextBatchEnd(roots: readonly OutlineStatementNode[], start: number): number {
	let end = start;
	let statements = 0;
	while (end < roots.length) {
		const root = roots[end];
		if (!root) break;
		statements += outlineSize(root);
		if (end > start && statements > STATEMENTS_PER_TASK) break;
		end += 1;
	}
	return end;
}

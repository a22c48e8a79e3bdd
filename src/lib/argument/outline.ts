import type { ArgumentMap, Attack, Statement, Support } from './types';

/**
 * A statement in the outline. Sibling nodes always have distinct ids, so a keyed `{#each}` can
 * key statements by `statement.id` and supports and attacks by their relation's id.
 */
export interface OutlineStatementNode {
	kind: 'statement';
	statement: Statement;
	/**
	 * Shown without its supports and rebuttals because it already appears higher up on the same
	 * branch (a support cycle), or, in a huge map, because the outline reached its size limit.
	 */
	reference: boolean;
	supports: OutlineSupportNode[];
	rebuttals: OutlineAttackNode[];
}

export interface OutlineSupportNode {
	kind: 'support';
	support: Support;
	premises: OutlineStatementNode[];
	undercuts: OutlineAttackNode[];
}

export interface OutlineAttackNode {
	kind: 'attack';
	attack: Attack;
	attacker: OutlineStatementNode;
}

// A statement that supports several conclusions is expanded under each; in a contrived map that
// doubles at every level, so expansion stops here rather than exhaust memory.
const MAX_EXPANDED_STATEMENTS = 100_000;

/**
 * The map as a tree for an outline view. Roots are the main claims, then the other statements
 * that support and attack nothing, then, so nothing is left out, any statement still missing
 * (one only reachable through a cycle). Under a statement come its supports, each with its
 * premises and the undercuts against it, and the rebuttals against it, each with its attacker.
 */
export function outlineTree(map: ArgumentMap): OutlineStatementNode[] {
	const statementsById = new Map(map.statements.map((statement) => [statement.id, statement]));
	const supportsOf = new Map<string, Support[]>();
	const rebuttalsOf = new Map<string, Attack[]>();
	const undercutsOf = new Map<string, Attack[]>();
	const supportsOrAttacks = new Set<string>();
	for (const relation of map.relations) {
		if (relation.kind === 'support') {
			append(supportsOf, relation.conclusionId, relation);
			relation.premiseIds.forEach((id) => supportsOrAttacks.add(id));
		} else {
			append(
				relation.target.kind === 'statement' ? rebuttalsOf : undercutsOf,
				relation.target.id,
				relation
			);
			supportsOrAttacks.add(relation.attackerId);
		}
	}

	const reached = new Set<string>();
	const onBranch = new Set<string>();
	let expansionsLeft = MAX_EXPANDED_STATEMENTS;

	const attackNode = (attack: Attack): OutlineAttackNode[] => {
		const attacker = statementsById.get(attack.attackerId);
		return attacker ? [{ kind: 'attack', attack, attacker: statementNode(attacker) }] : [];
	};

	// Depth-first with an explicit stack, so a long chain of supports cannot overflow the call stack.
	const expand = (root: OutlineStatementNode) => {
		const tasks: ({ enter: OutlineStatementNode } | { leave: string })[] = [{ enter: root }];
		for (let task = tasks.pop(); task; task = tasks.pop()) {
			if ('leave' in task) {
				onBranch.delete(task.leave);
				continue;
			}
			const node = task.enter;
			const id = node.statement.id;
			reached.add(id);
			if (onBranch.has(id) || expansionsLeft <= 0) {
				node.reference = true;
				continue;
			}
			expansionsLeft--;
			onBranch.add(id);
			tasks.push({ leave: id });

			const children: OutlineStatementNode[] = [];
			for (const support of supportsOf.get(id) ?? []) {
				const premises = support.premiseIds.flatMap((premiseId) => {
					const premise = statementsById.get(premiseId);
					return premise ? [statementNode(premise)] : [];
				});
				const undercuts = (undercutsOf.get(support.id) ?? []).flatMap(attackNode);
				node.supports.push({ kind: 'support', support, premises, undercuts });
				children.push(...premises, ...undercuts.map((undercut) => undercut.attacker));
			}
			for (const rebuttal of (rebuttalsOf.get(id) ?? []).flatMap(attackNode)) {
				node.rebuttals.push(rebuttal);
				children.push(rebuttal.attacker);
			}
			// Reversed, so the stack hands the children out in reading order.
			for (const child of children.reverse()) tasks.push({ enter: child });
		}
	};

	const roots: OutlineStatementNode[] = [];
	const addRoot = (statement: Statement) => {
		const root = statementNode(statement);
		roots.push(root);
		expand(root);
	};
	const mainClaims = map.statements.filter((statement) => statement.role === 'main_claim');
	mainClaims.forEach(addRoot);
	map.statements
		.filter((statement) => statement.role !== 'main_claim' && !supportsOrAttacks.has(statement.id))
		.forEach(addRoot);
	for (const statement of map.statements) {
		if (!reached.has(statement.id)) addRoot(statement);
	}
	return roots;
}

function statementNode(statement: Statement): OutlineStatementNode {
	return { kind: 'statement', statement, reference: false, supports: [], rebuttals: [] };
}

function append<T>(lists: Map<string, T[]>, key: string, item: T) {
	const list = lists.get(key);
	if (list) list.push(item);
	else lists.set(key, [item]);
}

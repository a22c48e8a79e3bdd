import {
	outlineTree,
	STATEMENT_ROLES,
	type ArgumentMap,
	type OutlineStatementNode,
	type StatementRole
} from '$lib/argument';
import { mergeAnchors } from './spans';

export interface TextCoverage {
	/** UTF-16 code units of the text inside at least one anchor. */
	covered: number;
	total: number;
	/** covered / total; 0 for an empty text. */
	share: number;
}

/** One column of the side-by-side summary table. */
export interface MapSummary {
	statementsByRole: Record<StatementRole, number>;
	/** Relations on the longest chain that leads to a main claim; 0 without one. */
	depth: number;
	/** Main claims and intermediate conclusions no support leads to, in map order. */
	unsupportedConclusionIds: string[];
	/** Statements in the role of an objection, in map order. */
	objectionIds: string[];
	/** The objections something attacks in turn. */
	answeredObjectionIds: string[];
	coverage: TextCoverage;
}

export function summarizeMap(map: ArgumentMap, text: string): MapSummary {
	const concluded = new Set<string>();
	const attacked = new Set<string>();
	for (const relation of map.relations) {
		if (relation.kind === 'support') concluded.add(relation.conclusionId);
		else if (relation.target.kind === 'statement') attacked.add(relation.target.id);
	}
	const objectionIds = map.statements
		.filter((statement) => statement.role === 'objection')
		.map((statement) => statement.id);
	return {
		statementsByRole: countByRole(map),
		depth: argumentDepth(map),
		unsupportedConclusionIds: map.statements
			.filter(
				(statement) =>
					statement.role === 'main_claim' || statement.role === 'intermediate_conclusion'
			)
			.filter((statement) => !concluded.has(statement.id))
			.map((statement) => statement.id),
		objectionIds,
		answeredObjectionIds: objectionIds.filter((id) => attacked.has(id)),
		coverage: textCoverage(map, text)
	};
}

function countByRole(map: ArgumentMap): Record<StatementRole, number> {
	const counts = Object.fromEntries(STATEMENT_ROLES.map((role) => [role, 0])) as Record<
		StatementRole,
		number
	>;
	for (const statement of map.statements) counts[statement.role]++;
	return counts;
}

/**
 * The depth of the outline under the main claims: a premise, the attacker of a statement and the
 * attacker of a support each sit one level below the statement they lead to. A statement met again
 * on its own branch (a cycle) ends the branch.
 */
export function argumentDepth(map: ArgumentMap): number {
	const stack: { node: OutlineStatementNode; depth: number }[] = outlineTree(map)
		.filter((root) => root.statement.role === 'main_claim')
		.map((node) => ({ node, depth: 0 }));
	let deepest = 0;
	for (let item = stack.pop(); item; item = stack.pop()) {
		const { node, depth } = item;
		deepest = Math.max(deepest, depth);
		const children = [
			...node.supports.flatMap((support) => [
				...support.premises,
				...support.undercuts.map((undercut) => undercut.attacker)
			]),
			...node.rebuttals.map((rebuttal) => rebuttal.attacker)
		];
		for (const child of children) stack.push({ node: child, depth: depth + 1 });
	}
	return deepest;
}

/** How much of `text` the map's anchors cover; overlapping anchors count once. */
export function textCoverage(map: ArgumentMap, text: string): TextCoverage {
	const total = text.length;
	const spans = mergeAnchors(map.statements.flatMap((statement) => statement.anchors));
	// Stale anchors may reach past the end of an edited text; only the part inside counts.
	const covered = spans.reduce(
		(sum, span) => sum + Math.max(0, Math.min(span.end, total) - Math.max(span.start, 0)),
		0
	);
	return { covered, total, share: total > 0 ? covered / total : 0 };
}

import type { ArgumentMap, StatementRole } from '$lib/argument';
import { statementLabelHeight } from '$lib/components/graph/graph-style';

export const LABEL_MAX_LENGTH = 120;

export interface StatementNodeData {
	id: string;
	kind: 'statement';
	label: string;
	/** The label's height in pixels: the node is sized without measuring text. */
	height: number;
	role: StatementRole;
	implicit: boolean;
	/** Comments on the statement; the graph marks commented ones. */
	comments: number;
	/** The numbers of its cross-map links in a comparison, e.g. "#1 #3"; empty without any. */
	badge: string;
	/** A suggestion not yet in the map, drawn dashed. */
	draft?: boolean;
}

/** A support is drawn as a small inference node (AIF's RA node), so an undercut has something to point at. */
export interface SupportNodeData {
	id: string;
	kind: 'support';
	label: string;
	linked: boolean;
	comments: number;
}

export interface GraphEdgeData {
	id: string;
	kind: 'premise' | 'conclusion' | 'attack';
	source: string;
	target: string;
	/** The relation this edge draws, so selecting the edge selects the relation. */
	relationId: string;
	/** Comments on an attack, drawn on its edge; a support's are on its inference node. */
	comments: number;
	draft?: boolean;
}

/**
 * Suggestions not yet in the map (the draft layer). A draft support is drawn as one edge from
 * premise to conclusion; relation ends are ids of map statements or of draft statements.
 */
export interface GraphDrafts {
	statements: { id: string; text: string; role: StatementRole }[];
	relations: { id: string; kind: 'support' | 'attack'; source: string; target: string }[];
}

export interface GraphNode {
	group: 'nodes';
	data: StatementNodeData | SupportNodeData;
	position?: { x: number; y: number };
}

export interface GraphEdge {
	group: 'edges';
	data: GraphEdgeData;
}

export type GraphElement = GraphNode | GraphEdge;

export interface Point {
	x: number;
	y: number;
}

/** Where an inference node sits: a third of the way from its premises' centre to its conclusion. */
export function supportNodePosition(premises: readonly Point[], conclusion: Point): Point {
	const from = premises.reduce((sum, point) => ({ x: sum.x + point.x, y: sum.y + point.y }), {
		x: 0,
		y: 0
	});
	const count = Math.max(premises.length, 1);
	return {
		x: ((from.x / count) * 2 + conclusion.x) / 3,
		y: ((from.y / count) * 2 + conclusion.y) / 3
	};
}

export function shortLabel(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= LABEL_MAX_LENGTH ? flat : `${flat.slice(0, LABEL_MAX_LENGTH - 1)}…`;
}

/** The badge of a statement's cross-map links: their numbers, as the link list shows them. */
export function badgeText(numbers: readonly number[] = []): string {
	return numbers.map((number) => `#${number}`).join(' ');
}

/**
 * The cytoscape elements for a map: statement nodes, one inference node per support, edges.
 * `commentCounts` (by statement or relation id) lets the style mark commented elements;
 * `drafts` adds the suggestions of the draft layer; `linkBadges` (link numbers by statement id)
 * puts the numbers of a comparison's cross-map links on their statements.
 */
export function graphElements(
	map: ArgumentMap,
	commentCounts: ReadonlyMap<string, number> = new Map(),
	drafts?: GraphDrafts,
	linkBadges: ReadonlyMap<string, readonly number[]> = new Map()
): GraphElement[] {
	const comments = (id: string) => commentCounts.get(id) ?? 0;
	const elements: GraphElement[] = [];
	const stored = new Map<string, Point>();
	for (const statement of map.statements) {
		if (statement.position) stored.set(statement.id, statement.position);
	}
	for (const statement of map.statements) {
		const badge = badgeText(linkBadges.get(statement.id));
		const label = badge ? `${badge}\n${shortLabel(statement.text)}` : shortLabel(statement.text);
		elements.push({
			group: 'nodes',
			data: {
				id: statement.id,
				kind: 'statement',
				label,
				height: statementLabelHeight(label),
				role: statement.role,
				implicit: statement.implicit,
				comments: comments(statement.id),
				badge
			},
			...(statement.position ? { position: { ...statement.position } } : {})
		});
	}
	for (const relation of map.relations) {
		if (relation.kind === 'support') {
			// Placed here when its statements have stored places, so opening a map places nothing.
			const premises = relation.premiseIds.flatMap((id) => stored.get(id) ?? []);
			const conclusion = stored.get(relation.conclusionId);
			const placed = conclusion && premises.length === relation.premiseIds.length;
			elements.push({
				group: 'nodes',
				data: {
					id: relation.id,
					kind: 'support',
					label: '',
					linked: relation.premiseIds.length > 1,
					comments: comments(relation.id)
				},
				...(placed ? { position: supportNodePosition(premises, conclusion) } : {})
			});
			for (const premiseId of relation.premiseIds) {
				elements.push({
					group: 'edges',
					data: {
						id: `${relation.id}__p__${premiseId}`,
						kind: 'premise',
						source: premiseId,
						target: relation.id,
						relationId: relation.id,
						comments: 0
					}
				});
			}
			elements.push({
				group: 'edges',
				data: {
					id: `${relation.id}__c`,
					kind: 'conclusion',
					source: relation.id,
					target: relation.conclusionId,
					relationId: relation.id,
					comments: 0
				}
			});
		} else {
			elements.push({
				group: 'edges',
				data: {
					id: relation.id,
					kind: 'attack',
					source: relation.attackerId,
					target: relation.target.id,
					relationId: relation.id,
					comments: comments(relation.id)
				}
			});
		}
	}
	if (drafts) elements.push(...draftElements(drafts));
	return elements;
}

function draftElements(drafts: GraphDrafts): GraphElement[] {
	return [
		...drafts.statements.map((statement): GraphNode => ({
			group: 'nodes',
			data: {
				id: statement.id,
				kind: 'statement',
				label: shortLabel(statement.text),
				height: statementLabelHeight(shortLabel(statement.text)),
				role: statement.role,
				implicit: false,
				comments: 0,
				badge: '',
				draft: true
			}
		})),
		...drafts.relations.map((relation): GraphEdge => ({
			group: 'edges',
			data: {
				id: relation.id,
				kind: relation.kind === 'support' ? 'conclusion' : 'attack',
				source: relation.source,
				target: relation.target,
				relationId: relation.id,
				comments: 0,
				draft: true
			}
		}))
	];
}

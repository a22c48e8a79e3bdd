import type { ArgumentMap, Relation, Statement } from '$lib/argument';
import type { CommentTarget } from './rules';

/** A comment as a page shows it: the author's display name only, and whether it is the reader's. */
export interface CommentView {
	id: string;
	target: CommentTarget;
	body: string;
	authorName: string;
	createdAt: number;
	/** The reader wrote it, so they may delete it. */
	mine: boolean;
}

export type CommentGroup =
	| { key: string; kind: 'map'; comments: CommentView[] }
	| { key: string; kind: 'statement'; statement: Statement; comments: CommentView[] }
	| { key: string; kind: 'relation'; relation: Relation; comments: CommentView[] }
	/** Comments on a statement or relation that has since been removed from the map. */
	| { key: string; kind: 'removed'; comments: CommentView[] };

/** How many comments each statement and relation has (statements and relations share ids). */
export function commentCounts(comments: readonly CommentView[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const comment of comments) {
		const id = comment.target.id;
		if (comment.target.kind !== 'map' && id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/** The comments on one target, in the order given. */
export function commentsOn(comments: readonly CommentView[], target: CommentTarget): CommentView[] {
	return comments.filter(
		(comment) =>
			comment.target.kind === target.kind &&
			(target.kind === 'map' || comment.target.id === target.id)
	);
}

/**
 * Comments grouped by what they are about, in reading order: the whole map, then statements and
 * relations in map order, then comments whose statement or relation is gone. Empty groups are left out.
 */
export function groupComments(comments: readonly CommentView[], map: ArgumentMap): CommentGroup[] {
	const groups: CommentGroup[] = [];
	const onMap = commentsOn(comments, { kind: 'map', id: null });
	if (onMap.length > 0) groups.push({ key: 'map', kind: 'map', comments: onMap });
	for (const statement of map.statements) {
		const on = commentsOn(comments, { kind: 'statement', id: statement.id });
		if (on.length > 0) {
			groups.push({ key: `statement:${statement.id}`, kind: 'statement', statement, comments: on });
		}
	}
	for (const relation of map.relations) {
		const on = commentsOn(comments, { kind: 'relation', id: relation.id });
		if (on.length > 0) {
			groups.push({ key: `relation:${relation.id}`, kind: 'relation', relation, comments: on });
		}
	}
	const present = new Set([
		...map.statements.map((statement) => `statement:${statement.id}`),
		...map.relations.map((relation) => `relation:${relation.id}`)
	]);
	const removed = comments.filter(
		(comment) =>
			comment.target.kind !== 'map' && !present.has(`${comment.target.kind}:${comment.target.id}`)
	);
	if (removed.length > 0) groups.push({ key: 'removed', kind: 'removed', comments: removed });
	return groups;
}

/** The statement a relation is about, to name the relation: what it supports or attacks. */
export function relationFocus(map: ArgumentMap, relation: Relation): Statement | undefined {
	const find = (id: string) => map.statements.find((statement) => statement.id === id);
	if (relation.kind === 'support') return find(relation.conclusionId);
	if (relation.target.kind === 'statement') return find(relation.target.id);
	const undercut = map.relations.find((other) => other.id === relation.target.id);
	return undercut ? relationFocus(map, undercut) : undefined;
}

import type { ArgumentMap, Relation } from '$lib/argument';
import type { CommentGroup } from '$lib/comments/group';
import { relationFocus } from '$lib/comments/group';
import { shortLabel } from '$lib/editor/graph-elements';
import { roleName } from '$lib/i18n/roles';
import { m } from '$lib/paraglide/messages.js';

/** What kind of relation this is, as the outline names it. */
export function relationName(relation: Relation): string {
	if (relation.kind === 'support') {
		return relation.premiseIds.length > 1 ? m.outline_linked_support() : m.outline_support();
	}
	return relation.target.kind === 'relation' ? m.outline_undercut() : m.outline_rebuttal();
}

/** A relation with the statement it supports or attacks, e.g. "Rebuttal → “…”". */
export function relationLabel(map: ArgumentMap, relation: Relation): string {
	return m.comments_on_relation({
		relation: relationName(relation),
		text: shortLabel(relationFocus(map, relation)?.text ?? '')
	});
}

/** The heading of a group of comments: what they are about. */
export function commentGroupLabel(map: ArgumentMap, group: CommentGroup): string {
	switch (group.kind) {
		case 'map':
			return m.comments_on_map();
		case 'statement':
			return m.comments_on_statement({
				role: roleName(group.statement.role),
				text: shortLabel(group.statement.text)
			});
		case 'relation':
			return relationLabel(map, group.relation);
		case 'removed':
			return m.comments_on_removed();
	}
}

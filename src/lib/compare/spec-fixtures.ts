// Shared by the specs beside this file; not part of the public API.
import type { Anchor, ArgumentMap, Relation, Statement, StatementRole } from '$lib/argument';
import { statement } from '$lib/argument/spec-fixtures';

export { anchorFor, commentary, sampleMap, statement } from '$lib/argument/spec-fixtures';

/** An anchor by offsets alone, for specs about lengths; the quote is filler of the right length. */
export function range(start: number, end: number): Anchor {
	return { start, end, quote: 'x'.repeat(Math.max(end - start, 0)) };
}

export function anchored(
	id: string,
	role: StatementRole,
	text: string,
	...anchors: Anchor[]
): Statement {
	return statement(id, role, { text, anchors });
}

export function support(id: string, premiseIds: string[], conclusionId: string): Relation {
	return { id, kind: 'support', premiseIds, conclusionId };
}

export function rebuttal(id: string, attackerId: string, targetId: string): Relation {
	return { id, kind: 'attack', attackerId, target: { kind: 'statement', id: targetId } };
}

/**
 * The same map with every statement and relation id prefixed, as another student's map of the
 * same text would have its own ids: comparing must go by anchors and text, never by id.
 */
export function withPrefixedIds(map: ArgumentMap, prefix: string): ArgumentMap {
	const id = (value: string) => `${prefix}${value}`;
	return {
		statements: map.statements.map((s) => ({ ...s, id: id(s.id) })),
		relations: map.relations.map((relation) =>
			relation.kind === 'support'
				? {
						...relation,
						id: id(relation.id),
						premiseIds: relation.premiseIds.map(id),
						conclusionId: id(relation.conclusionId)
					}
				: {
						...relation,
						id: id(relation.id),
						attackerId: id(relation.attackerId),
						target: { ...relation.target, id: id(relation.target.id) }
					}
		)
	};
}

import type { Anchor, ArgumentMap, Attack, Support } from './types';

export type InvariantCode =
	| 'duplicate_id'
	| 'dangling_reference'
	| 'self_support'
	| 'self_attack'
	| 'undercut_target_not_support'
	| 'empty_premises'
	| 'duplicate_premise'
	| 'anchor_out_of_range';

export type IssuePath = (string | number)[];

export interface InvariantViolation {
	code: InvariantCode;
	/** Where in the map the problem sits, e.g. `['relations', 3, 'premiseIds', 1]`. */
	path: IssuePath;
	/** The ids the problem is about, for highlighting. */
	ids: string[];
}

/** Whether the anchor is a non-empty range inside a text of `textLength` (when known). */
export function isAnchorInRange(anchor: Anchor, textLength?: number): boolean {
	return (
		Number.isInteger(anchor.start) &&
		Number.isInteger(anchor.end) &&
		anchor.start >= 0 &&
		anchor.start < anchor.end &&
		(textLength === undefined || anchor.end <= textLength)
	);
}

/**
 * Every structural rule the map breaks. An empty list means the map is well-formed; whether the
 * argument it describes is sound is the business of `checkMap`.
 */
export function findInvariantViolations(
	map: ArgumentMap,
	textLength?: number
): InvariantViolation[] {
	const violations: InvariantViolation[] = [];
	const statementIds = new Set(map.statements.map((statement) => statement.id));
	const relationsById = new Map(map.relations.map((relation) => [relation.id, relation]));
	const seenIds = new Set<string>();

	const checkUnique = (id: string, path: IssuePath) => {
		if (seenIds.has(id)) violations.push({ code: 'duplicate_id', path, ids: [id] });
		seenIds.add(id);
	};

	map.statements.forEach((statement, index) => {
		checkUnique(statement.id, ['statements', index, 'id']);
		statement.anchors.forEach((anchor, anchorIndex) => {
			if (!isAnchorInRange(anchor, textLength)) {
				violations.push({
					code: 'anchor_out_of_range',
					path: ['statements', index, 'anchors', anchorIndex],
					ids: [statement.id]
				});
			}
		});
	});

	map.relations.forEach((relation, index) => {
		checkUnique(relation.id, ['relations', index, 'id']);
		const path = ['relations', index];
		if (relation.kind === 'support') {
			violations.push(...supportViolations(relation, path, statementIds));
		} else {
			violations.push(...attackViolations(relation, path, statementIds, relationsById));
		}
	});

	return violations;
}

export function supportViolations(
	support: Support,
	path: IssuePath,
	statementIds: ReadonlySet<string>
): InvariantViolation[] {
	const violations: InvariantViolation[] = [];
	if (support.premiseIds.length === 0) {
		violations.push({ code: 'empty_premises', path: [...path, 'premiseIds'], ids: [support.id] });
	}
	const seenPremises = new Set<string>();
	support.premiseIds.forEach((premiseId, premiseIndex) => {
		const premisePath = [...path, 'premiseIds', premiseIndex];
		if (seenPremises.has(premiseId)) {
			violations.push({
				code: 'duplicate_premise',
				path: premisePath,
				ids: [support.id, premiseId]
			});
		}
		seenPremises.add(premiseId);
		if (!statementIds.has(premiseId)) {
			violations.push({
				code: 'dangling_reference',
				path: premisePath,
				ids: [support.id, premiseId]
			});
		}
		if (premiseId === support.conclusionId) {
			violations.push({ code: 'self_support', path: premisePath, ids: [support.id, premiseId] });
		}
	});
	if (!statementIds.has(support.conclusionId)) {
		violations.push({
			code: 'dangling_reference',
			path: [...path, 'conclusionId'],
			ids: [support.id, support.conclusionId]
		});
	}
	return violations;
}

export function attackViolations(
	attack: Attack,
	path: IssuePath,
	statementIds: ReadonlySet<string>,
	relationsById: ReadonlyMap<string, { kind: string }>
): InvariantViolation[] {
	const violations: InvariantViolation[] = [];
	if (!statementIds.has(attack.attackerId)) {
		violations.push({
			code: 'dangling_reference',
			path: [...path, 'attackerId'],
			ids: [attack.id, attack.attackerId]
		});
	}
	const targetPath = [...path, 'target', 'id'];
	const ids = [attack.id, attack.target.id];
	if (attack.target.kind === 'statement') {
		if (!statementIds.has(attack.target.id)) {
			violations.push({ code: 'dangling_reference', path: targetPath, ids });
		} else if (attack.target.id === attack.attackerId) {
			violations.push({ code: 'self_attack', path: targetPath, ids });
		}
	} else {
		const target = relationsById.get(attack.target.id);
		if (!target) {
			violations.push({ code: 'dangling_reference', path: targetPath, ids });
		} else if (target.kind !== 'support') {
			violations.push({ code: 'undercut_target_not_support', path: targetPath, ids });
		}
	}
	return violations;
}

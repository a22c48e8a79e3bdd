import { attackViolations, isAnchorInRange, supportViolations } from './invariants';
import type { InvariantCode } from './invariants';
import { isValidId, MAP_LIMITS } from './limits';
import type {
	Anchor,
	ArgumentMap,
	Attack,
	AttackTarget,
	Position,
	Relation,
	Statement,
	StatementRole,
	Support
} from './types';

export type ModelErrorCode =
	| InvariantCode
	| 'invalid_id'
	| 'text_too_long'
	| 'invalid_position'
	| 'limit_exceeded'
	| 'statement_not_found'
	| 'relation_not_found'
	| 'not_a_support'
	| 'premise_not_found'
	| 'anchor_not_found';

export type OperationResult = { ok: true; map: ArgumentMap } | { ok: false; code: ModelErrorCode };

export type NewStatement = Pick<Statement, 'id' | 'text' | 'role'> &
	Partial<Pick<Statement, 'implicit' | 'anchors' | 'note' | 'position'>>;

export interface StatementChanges {
	text?: string;
	role?: StatementRole;
	implicit?: boolean;
	note?: string;
}

export interface NewSupport {
	id: string;
	premiseIds: string[];
	conclusionId: string;
}

export interface NewAttack {
	id: string;
	attackerId: string;
	target: AttackTarget;
}

export function emptyMap(): ArgumentMap {
	return { statements: [], relations: [] };
}

function ok(map: ArgumentMap): OperationResult {
	return { ok: true, map };
}

function fail(code: ModelErrorCode): OperationResult {
	return { ok: false, code };
}

/** The first reason a new id cannot be used in the map, or null when it can. */
function idProblem(map: ArgumentMap, id: string): ModelErrorCode | null {
	if (!isValidId(id)) return 'invalid_id';
	const taken =
		map.statements.some((statement) => statement.id === id) ||
		map.relations.some((relation) => relation.id === id);
	return taken ? 'duplicate_id' : null;
}

function statementIdSet(map: ArgumentMap): Set<string> {
	return new Set(map.statements.map((statement) => statement.id));
}

/** Anchors are kept in text order, so an outline and a highlight list read top to bottom. */
function inTextOrder(anchors: Anchor[]): Anchor[] {
	return [...anchors].sort((a, b) => a.start - b.start || a.end - b.end);
}

function copyAnchor(anchor: Anchor): Anchor {
	return { start: anchor.start, end: anchor.end, quote: anchor.quote };
}

function anchorProblem(anchor: Anchor, textLength?: number): ModelErrorCode | null {
	if (!isAnchorInRange(anchor, textLength) || anchor.end > MAP_LIMITS.textOffset) {
		return 'anchor_out_of_range';
	}
	return anchor.quote.length > MAP_LIMITS.quoteLength ? 'text_too_long' : null;
}

function isFinitePosition(position: Position): boolean {
	return Number.isFinite(position.x) && Number.isFinite(position.y);
}

function replaceStatement(
	map: ArgumentMap,
	id: string,
	change: (statement: Statement) => Statement | ModelErrorCode
): OperationResult {
	const index = map.statements.findIndex((statement) => statement.id === id);
	const statement = map.statements[index];
	if (!statement) return fail('statement_not_found');
	const changed = change(statement);
	if (typeof changed === 'string') return fail(changed);
	const statements = map.statements.map((existing, i) => (i === index ? changed : existing));
	return ok({ ...map, statements });
}

/** `textLength`, when given, also bounds the statement's anchors. */
export function addStatement(
	map: ArgumentMap,
	input: NewStatement,
	textLength?: number
): OperationResult {
	const problem = idProblem(map, input.id);
	if (problem) return fail(problem);
	if (map.statements.length >= MAP_LIMITS.statements) return fail('limit_exceeded');
	const statement: Statement = {
		id: input.id,
		text: input.text,
		role: input.role,
		implicit: input.implicit ?? false,
		anchors: inTextOrder((input.anchors ?? []).map(copyAnchor)),
		note: input.note ?? ''
	};
	if (input.position) statement.position = { x: input.position.x, y: input.position.y };

	if (statement.text.length > MAP_LIMITS.statementTextLength) return fail('text_too_long');
	if (statement.note.length > MAP_LIMITS.noteLength) return fail('text_too_long');
	if (statement.anchors.length > MAP_LIMITS.anchorsPerStatement) return fail('limit_exceeded');
	for (const anchor of statement.anchors) {
		const anchorIssue = anchorProblem(anchor, textLength);
		if (anchorIssue) return fail(anchorIssue);
	}
	if (statement.position && !isFinitePosition(statement.position)) {
		return fail('invalid_position');
	}
	return ok({ ...map, statements: [...map.statements, statement] });
}

/** Changes only the fields given; anchors and position have their own operations. */
export function updateStatement(
	map: ArgumentMap,
	id: string,
	changes: StatementChanges
): OperationResult {
	return replaceStatement(map, id, (statement) => {
		const updated: Statement = {
			...statement,
			text: changes.text ?? statement.text,
			role: changes.role ?? statement.role,
			implicit: changes.implicit ?? statement.implicit,
			note: changes.note ?? statement.note
		};
		if (updated.text.length > MAP_LIMITS.statementTextLength) return 'text_too_long';
		if (updated.note.length > MAP_LIMITS.noteLength) return 'text_too_long';
		return updated;
	});
}

/**
 * Removes the statement and every relation that would dangle without it: supports of it, attacks
 * by or on it, and attacks on those relations in turn. A linked support only loses the premise,
 * unless it was the last one.
 */
export function removeStatement(map: ArgumentMap, id: string): OperationResult {
	if (!map.statements.some((statement) => statement.id === id)) {
		return fail('statement_not_found');
	}
	const removedIds = new Set<string>();
	const relations: Relation[] = [];
	for (const relation of map.relations) {
		if (relation.kind === 'support') {
			const premiseIds = relation.premiseIds.filter((premiseId) => premiseId !== id);
			if (relation.conclusionId === id || premiseIds.length === 0) {
				removedIds.add(relation.id);
			} else if (premiseIds.length < relation.premiseIds.length) {
				relations.push({ ...relation, premiseIds });
			} else {
				relations.push(relation);
			}
		} else if (
			relation.attackerId === id ||
			(relation.target.kind === 'statement' && relation.target.id === id)
		) {
			removedIds.add(relation.id);
		} else {
			relations.push(relation);
		}
	}
	return ok({
		statements: map.statements.filter((statement) => statement.id !== id),
		relations: withoutAttacksOnRemoved(relations, removedIds)
	});
}

/** Drops attacks whose target relation is gone, and the attacks on those, until none is left. */
function withoutAttacksOnRemoved(relations: Relation[], removedIds: Set<string>): Relation[] {
	let remaining = relations;
	let removedThisRound = removedIds;
	while (removedThisRound.size > 0) {
		const removedNow = new Set<string>();
		remaining = remaining.filter((relation) => {
			const orphaned =
				relation.kind === 'attack' &&
				relation.target.kind === 'relation' &&
				removedThisRound.has(relation.target.id);
			if (orphaned) removedNow.add(relation.id);
			return !orphaned;
		});
		removedThisRound = removedNow;
	}
	return remaining;
}

/** Anchors stay in text order; adding one the statement already has changes nothing. */
export function addAnchor(
	map: ArgumentMap,
	statementId: string,
	anchor: Anchor,
	textLength?: number
): OperationResult {
	const problem = anchorProblem(anchor, textLength);
	if (problem) return fail(problem);
	return replaceStatement(map, statementId, (statement) => {
		const known = statement.anchors.some(
			(existing) =>
				existing.start === anchor.start &&
				existing.end === anchor.end &&
				existing.quote === anchor.quote
		);
		if (known) return statement;
		if (statement.anchors.length >= MAP_LIMITS.anchorsPerStatement) return 'limit_exceeded';
		return { ...statement, anchors: inTextOrder([...statement.anchors, copyAnchor(anchor)]) };
	});
}

/** `anchorIndex` counts in the statement's anchors, which are kept in text order. */
export function removeAnchor(
	map: ArgumentMap,
	statementId: string,
	anchorIndex: number
): OperationResult {
	return replaceStatement(map, statementId, (statement) => {
		if (!Number.isInteger(anchorIndex) || !statement.anchors[anchorIndex]) {
			return 'anchor_not_found';
		}
		return { ...statement, anchors: statement.anchors.filter((_, i) => i !== anchorIndex) };
	});
}

export function moveStatement(map: ArgumentMap, id: string, position: Position): OperationResult {
	if (!isFinitePosition(position)) return fail('invalid_position');
	return replaceStatement(map, id, (statement) => ({
		...statement,
		position: { x: position.x, y: position.y }
	}));
}

function newRelationProblem(map: ArgumentMap, id: string): ModelErrorCode | null {
	const problem = idProblem(map, id);
	if (problem) return problem;
	return map.relations.length >= MAP_LIMITS.relations ? 'limit_exceeded' : null;
}

/** Several premises make a linked argument: they support the conclusion only together. */
export function addSupport(map: ArgumentMap, input: NewSupport): OperationResult {
	const problem = newRelationProblem(map, input.id);
	if (problem) return fail(problem);
	const support: Support = {
		id: input.id,
		kind: 'support',
		premiseIds: [...input.premiseIds],
		conclusionId: input.conclusionId
	};
	const violation = supportViolations(support, [], statementIdSet(map))[0];
	if (violation) return fail(violation.code);
	if (support.premiseIds.length > MAP_LIMITS.premisesPerSupport) return fail('limit_exceeded');
	return ok({ ...map, relations: [...map.relations, support] });
}

/** Adds a premise to an existing support, which makes (or widens) a linked argument. */
export function addPremiseToSupport(
	map: ArgumentMap,
	supportId: string,
	premiseId: string
): OperationResult {
	return replaceSupport(map, supportId, (support) => {
		if (support.premiseIds.length >= MAP_LIMITS.premisesPerSupport) return 'limit_exceeded';
		const widened = { ...support, premiseIds: [...support.premiseIds, premiseId] };
		return supportViolations(widened, [], statementIdSet(map))[0]?.code ?? widened;
	});
}

/** Refuses to take away the last premise (`empty_premises`): remove the support instead. */
export function removePremiseFromSupport(
	map: ArgumentMap,
	supportId: string,
	premiseId: string
): OperationResult {
	return replaceSupport(map, supportId, (support) => {
		if (!support.premiseIds.includes(premiseId)) return 'premise_not_found';
		const premiseIds = support.premiseIds.filter((id) => id !== premiseId);
		return premiseIds.length === 0 ? 'empty_premises' : { ...support, premiseIds };
	});
}

function replaceSupport(
	map: ArgumentMap,
	supportId: string,
	change: (support: Support) => Support | ModelErrorCode
): OperationResult {
	const index = map.relations.findIndex((relation) => relation.id === supportId);
	const relation = map.relations[index];
	if (!relation) return fail('relation_not_found');
	if (relation.kind !== 'support') return fail('not_a_support');
	const changed = change(relation);
	if (typeof changed === 'string') return fail(changed);
	const relations = map.relations.map((existing, i) => (i === index ? changed : existing));
	return ok({ ...map, relations });
}

/**
 * A statement target makes a rebuttal, a relation target an undercut; only a support can be
 * undercut (`undercut_target_not_support`).
 */
export function addAttack(map: ArgumentMap, input: NewAttack): OperationResult {
	const problem = newRelationProblem(map, input.id);
	if (problem) return fail(problem);
	const attack: Attack = {
		id: input.id,
		kind: 'attack',
		attackerId: input.attackerId,
		target: { kind: input.target.kind, id: input.target.id }
	};
	const relationsById = new Map(map.relations.map((relation) => [relation.id, relation]));
	const violation = attackViolations(attack, [], statementIdSet(map), relationsById)[0];
	if (violation) return fail(violation.code);
	return ok({ ...map, relations: [...map.relations, attack] });
}

/** Removes the relation and, since they would dangle, the undercuts aimed at it. */
export function removeRelation(map: ArgumentMap, id: string): OperationResult {
	if (!map.relations.some((relation) => relation.id === id)) return fail('relation_not_found');
	const relations = map.relations.filter((relation) => relation.id !== id);
	return ok({ ...map, relations: withoutAttacksOnRemoved(relations, new Set([id])) });
}

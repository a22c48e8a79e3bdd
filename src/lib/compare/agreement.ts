import type { ArgumentMap, Attack, Relation, StatementRole, Support } from '$lib/argument';
import type { CommentaryLanguage } from '$lib/commentary/rules';
import { alignMaps, type AlignedPair } from './alignment';

export interface RoleDisagreement {
	aId: string;
	bId: string;
	roleA: StatementRole;
	roleB: StatementRole;
}

/**
 * How the agreement score came about, as a message key the compare view translates: `empty`, no
 * statements at all; `no_anchors`, no anchored statement, so at most the relations between
 * statements worded alike count; `statements_only`, no relation between aligned statements;
 * otherwise both F1 scores.
 */
export type AgreementExplanation =
	| 'compare_agreement_empty'
	| 'compare_agreement_no_anchors'
	| 'compare_agreement_statements_only'
	| 'compare_agreement_statements_and_relations';

export interface MapAgreement {
	alignment: AlignedPair[];
	/** Statements, in map order, that no statement of the other map is aligned with. */
	onlyInA: string[];
	onlyInB: string[];
	roleDisagreements: RoleDisagreement[];
	/** Relations, in map order, that the other map does not draw between the aligned statements. */
	relationsOnlyInA: string[];
	relationsOnlyInB: string[];
	/** F1 of the anchored statements, a statement matched when aligned; null if neither has any. */
	statementF1: number | null;
	/** F1 of the relations between aligned statements; null if neither map has such a relation. */
	relationF1: number | null;
	/** The mean of the F1 scores there are; null if there are none. */
	score: number | null;
	explanation: AgreementExplanation;
}

/**
 * Compares two maps of the same commentary: aligns their statements by anchors, then lists what
 * only one map has and scores how far they agree.
 */
export function compareMaps(
	a: ArgumentMap,
	b: ArgumentMap,
	options: { language?: CommentaryLanguage } = {}
): MapAgreement {
	const alignment = alignMaps(a, b, options);
	const aToB = new Map(alignment.map((pair) => [pair.aId, pair.bId]));
	const bToA = new Map(alignment.map((pair) => [pair.bId, pair.aId]));
	const relationsA = matchRelations(a, b, aToB);
	const relationsB = matchRelations(b, a, bToA);

	const anchoredPairs = alignment.filter((pair) => pair.basis === 'anchors').length;
	const statementF1 = f1FromCounts(
		anchoredPairs,
		anchoredCount(a),
		anchoredPairs,
		anchoredCount(b)
	);
	const relationF1 = f1FromCounts(
		relationsA.matched.size,
		relationsA.comparable,
		relationsB.matched.size,
		relationsB.comparable
	);
	const scores = [statementF1, relationF1].filter((score) => score !== null);

	return {
		alignment,
		onlyInA: a.statements.map((s) => s.id).filter((id) => !aToB.has(id)),
		onlyInB: b.statements.map((s) => s.id).filter((id) => !bToA.has(id)),
		roleDisagreements: roleDisagreements(a, b, alignment),
		relationsOnlyInA: a.relations.map((r) => r.id).filter((id) => !relationsA.matched.has(id)),
		relationsOnlyInB: b.relations.map((r) => r.id).filter((id) => !relationsB.matched.has(id)),
		statementF1,
		relationF1,
		score: scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null,
		explanation: explain(a, b, statementF1, relationF1)
	};
}

function explain(
	a: ArgumentMap,
	b: ArgumentMap,
	statementF1: number | null,
	relationF1: number | null
): AgreementExplanation {
	if (a.statements.length === 0 && b.statements.length === 0) return 'compare_agreement_empty';
	if (statementF1 === null) return 'compare_agreement_no_anchors';
	if (relationF1 === null) return 'compare_agreement_statements_only';
	return 'compare_agreement_statements_and_relations';
}

function anchoredCount(map: ArgumentMap): number {
	return map.statements.filter((statement) =>
		statement.anchors.some((anchor) => anchor.start < anchor.end)
	).length;
}

/**
 * F1 from both sides' counts: precision is the share of A's items matched, recall the share of
 * B's. Null when neither side has an item to match.
 */
function f1FromCounts(
	matchedA: number,
	totalA: number,
	matchedB: number,
	totalB: number
): number | null {
	if (totalA + totalB === 0) return null;
	const precision = totalA > 0 ? matchedA / totalA : 0;
	const recall = totalB > 0 ? matchedB / totalB : 0;
	return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function roleDisagreements(
	a: ArgumentMap,
	b: ArgumentMap,
	alignment: readonly AlignedPair[]
): RoleDisagreement[] {
	const rolesA = new Map(a.statements.map((statement) => [statement.id, statement.role]));
	const rolesB = new Map(b.statements.map((statement) => [statement.id, statement.role]));
	return alignment.flatMap(({ aId, bId }) => {
		const roleA = rolesA.get(aId);
		const roleB = rolesB.get(bId);
		return roleA && roleB && roleA !== roleB ? [{ aId, bId, roleA, roleB }] : [];
	});
}

/**
 * Which relations of `from` the map `to` also draws, reading statement ids through `aligned`.
 * A support matches when its conclusion and at least one of its premises are aligned with those
 * of a support of `to` (so a linked argument still matches the same reasons drawn as separate
 * supports); an attack matches one with the aligned attacker and the aligned or matching target.
 * `comparable` counts the relations whose ends are aligned, the only ones `to` could match.
 */
function matchRelations(
	from: ArgumentMap,
	to: ArgumentMap,
	aligned: ReadonlyMap<string, string>
): { matched: Set<string>; comparable: number } {
	const supportsFrom = supportsById(from.relations);
	const supportsTo = supportsById(to.relations);
	const matched = new Set<string>();
	let comparable = 0;

	const supportMatches = (support: Support, other: Support) =>
		aligned.get(support.conclusionId) === other.conclusionId &&
		support.premiseIds.some((id) => {
			const alignedId = aligned.get(id);
			return alignedId !== undefined && other.premiseIds.includes(alignedId);
		});
	const supportComparable = (support: Support) =>
		aligned.has(support.conclusionId) && support.premiseIds.some((id) => aligned.has(id));
	const attackComparable = (attack: Attack) => {
		if (!aligned.has(attack.attackerId)) return false;
		if (attack.target.kind === 'statement') return aligned.has(attack.target.id);
		const target = supportsFrom.get(attack.target.id);
		return target !== undefined && supportComparable(target);
	};
	const attackMatches = (attack: Attack, other: Attack) => {
		if (aligned.get(attack.attackerId) !== other.attackerId) return false;
		if (attack.target.kind === 'statement') {
			return other.target.kind === 'statement' && aligned.get(attack.target.id) === other.target.id;
		}
		const target = supportsFrom.get(attack.target.id);
		const otherTarget = supportsTo.get(other.target.id);
		return (
			other.target.kind === 'relation' &&
			target !== undefined &&
			otherTarget !== undefined &&
			supportMatches(target, otherTarget)
		);
	};

	for (const relation of from.relations) {
		const isComparable =
			relation.kind === 'support' ? supportComparable(relation) : attackComparable(relation);
		if (!isComparable) continue;
		comparable++;
		const found = to.relations.some((other) => {
			if (relation.kind === 'support') {
				return other.kind === 'support' && supportMatches(relation, other);
			}
			return other.kind === 'attack' && attackMatches(relation, other);
		});
		if (found) matched.add(relation.id);
	}
	return { matched, comparable };
}

function supportsById(relations: readonly Relation[]): Map<string, Support> {
	const supports = new Map<string, Support>();
	for (const relation of relations) {
		if (relation.kind === 'support') supports.set(relation.id, relation);
	}
	return supports;
}

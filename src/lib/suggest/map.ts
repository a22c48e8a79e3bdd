import { MAP_LIMITS } from '$lib/argument/limits';
import {
	addAttack,
	addStatement,
	addSupport,
	type OperationResult
} from '$lib/argument/operations';
import type { Anchor, ArgumentMap, StatementRole } from '$lib/argument/types';
import type { Reason, StructureSuggestion, Unit } from './types';

/** A statement the suggester proposes for one unit, not yet part of the map. */
export interface DraftStatement {
	kind: 'statement';
	/** Stable for the unit's place in the text, so the same suggestion keeps its id. */
	draftId: string;
	text: string;
	role: StatementRole;
	anchor: Anchor;
	reasons: Reason[];
}

/** A support (one premise) or a rebuttal between two draft statements, by their draft ids. */
export interface DraftRelation {
	kind: 'support' | 'attack';
	draftId: string;
	/** The premise of a support, the attacker of an attack. */
	sourceId: string;
	/** The conclusion of a support, the attacked statement of an attack. */
	targetId: string;
	reasons: Reason[];
}

export interface DraftMap {
	statements: DraftStatement[];
	relations: DraftRelation[];
}

/**
 * Turns a suggested structure into draft statements and relations of our argument model: the
 * central claim is the main claim; a supporting unit a premise, or an intermediate conclusion
 * when something supports it; an attack in the opponent's voice an objection, and one in the
 * author's voice (a rebuttal of an objection) a premise attacking it. `text` is the commentary
 * the suggestion was made for; anchors quote it.
 */
export function draftMap(suggestion: StructureSuggestion, text: string): DraftMap {
	const { units, analyses, centralClaim } = suggestion;
	const targetOf = (index: number): number | null => {
		const target = analyses[index]?.target ?? null;
		const valid = index !== centralClaim && target !== null && target !== index && units[target];
		return valid ? target : null;
	};
	const supported = new Set(
		units.flatMap((_, index) =>
			analyses[index]?.function === 'support' && targetOf(index) !== null ? [targetOf(index)] : []
		)
	);

	const roleOf = (index: number): StatementRole => {
		const analysis = analyses[index];
		if (index === centralClaim) return 'main_claim';
		if (analysis?.function === 'attack' && analysis.stance === 'opp') return 'objection';
		return supported.has(index) ? 'intermediate_conclusion' : 'premise';
	};

	const statements = units.map((unit, index): DraftStatement => ({
		kind: 'statement',
		draftId: statementDraftId(unit),
		text: unit.text.replace(/\s+/g, ' ').trim().slice(0, MAP_LIMITS.statementTextLength),
		role: roleOf(index),
		anchor: { start: unit.start, end: unit.end, quote: text.slice(unit.start, unit.end) },
		reasons: analyses[index]?.reasons ?? []
	}));
	const relations = units.flatMap((unit, index): DraftRelation[] => {
		const target = targetOf(index);
		if (target === null) return [];
		return [
			{
				kind: analyses[index]!.function === 'attack' ? 'attack' : 'support',
				draftId: `dr-${unit.start}-${unit.end}`,
				sourceId: statementDraftId(unit),
				targetId: statementDraftId(units[target]!),
				reasons: analyses[index]!.reasons
			}
		];
	});
	return { statements, relations };
}

function statementDraftId(unit: Unit): string {
	return `ds-${unit.start}-${unit.end}`;
}

/** The words of a passage, lower-cased, without punctuation or spacing: what "the same words" means. */
export function passageWords(passage: string): string {
	return (passage.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** A relation on offer, with the words of its ends for listing it. */
export interface OfferedRelation extends DraftRelation {
	sourceText: string;
	targetText: string;
}

export type OfferedItem = DraftStatement | OfferedRelation;

/** What of a draft is still on offer against the map as it is now. */
export interface DraftOffer {
	statements: DraftStatement[];
	relations: OfferedRelation[];
	/** Draft statements the map already has (anchored on the same words), to their statement ids. */
	inMap: ReadonlyMap<string, string>;
	/** Statements, each followed by its relation, in text order: how a list shows them. */
	items: OfferedItem[];
}

/**
 * What of the draft is still on offer: not rejected, not already in the map. A statement is in
 * the map when one of the map's statements is anchored on the same words; a relation when its
 * ends are and the map relates them so already. A relation whose end is gone is withdrawn.
 */
export function draftOffer(
	draft: DraftMap,
	map: ArgumentMap,
	rejectedIds: readonly string[]
): DraftOffer {
	const rejected = new Set(rejectedIds);
	const inMap = statementsOnSameWords(draft.statements, map);
	const statements = draft.statements.filter(
		(statement) => !inMap.has(statement.draftId) && !rejected.has(statement.draftId)
	);
	const offered = new Map(statements.map((statement) => [statement.draftId, statement.text]));
	const mapTexts = new Map(map.statements.map((statement) => [statement.id, statement.text]));
	const textOf = (draftId: string) =>
		offered.get(draftId) ?? mapTexts.get(inMap.get(draftId) ?? '') ?? '';
	const relations = draft.relations
		.filter((relation) => {
			if (rejected.has(relation.draftId)) return false;
			const ends = [relation.sourceId, relation.targetId];
			if (!ends.every((end) => offered.has(end) || inMap.has(end))) return false;
			const source = inMap.get(relation.sourceId);
			const target = inMap.get(relation.targetId);
			if (!source || !target) return true;
			return source !== target && !hasRelation(map, relation.kind, source, target);
		})
		.map((relation) => ({
			...relation,
			sourceText: textOf(relation.sourceId),
			targetText: textOf(relation.targetId)
		}));

	const relationFrom = new Map(relations.map((relation) => [relation.sourceId, relation]));
	const items = draft.statements.flatMap((statement): OfferedItem[] => {
		const relation = relationFrom.get(statement.draftId);
		return [
			...(offered.has(statement.draftId) ? [statement] : []),
			...(relation ? [relation] : [])
		];
	});
	return { statements, relations, inMap, items };
}

/**
 * The operations that add the statements and relations to the map, new ids from `newId`. The
 * relations' ends must be among the statements or already in the map (`offer.inMap`).
 */
export function acceptOperations(
	offer: DraftOffer,
	statements: readonly DraftStatement[],
	relations: readonly DraftRelation[],
	textLength: number,
	newId: (prefix: 's' | 'r') => string
): ((map: ArgumentMap) => OperationResult)[] {
	const ids = new Map(offer.inMap);
	const operations = statements.map((statement) => {
		const id = newId('s');
		ids.set(statement.draftId, id);
		const { text, role, anchor } = statement;
		return (map: ArgumentMap) =>
			addStatement(map, { id, text, role, anchors: [anchor] }, textLength);
	});
	for (const relation of relations) {
		const source = ids.get(relation.sourceId)!;
		const target = ids.get(relation.targetId)!;
		const id = newId('r');
		operations.push((map) =>
			relation.kind === 'support'
				? addSupport(map, { id, premiseIds: [source], conclusionId: target })
				: addAttack(map, { id, attackerId: source, target: { kind: 'statement', id: target } })
		);
	}
	return operations;
}

/** Each draft statement whose words a statement of the map is already anchored on, to that statement. */
function statementsOnSameWords(
	drafts: readonly DraftStatement[],
	map: ArgumentMap
): Map<string, string> {
	const anchored = new Map<string, { id: string; start: number; end: number }[]>();
	for (const statement of map.statements) {
		for (const anchor of statement.anchors) {
			const words = passageWords(anchor.quote);
			const list = anchored.get(words) ?? [];
			list.push({ id: statement.id, start: anchor.start, end: anchor.end });
			anchored.set(words, list);
		}
	}
	const found = new Map<string, string>();
	for (const draft of drafts) {
		const words = passageWords(draft.anchor.quote);
		if (!words) continue;
		const { start, end } = draft.anchor;
		const match = anchored.get(words)?.find((anchor) => anchor.start < end && start < anchor.end);
		if (match) found.set(draft.draftId, match.id);
	}
	return found;
}

function hasRelation(
	map: ArgumentMap,
	kind: DraftRelation['kind'],
	source: string,
	target: string
): boolean {
	return map.relations.some((relation) =>
		relation.kind === 'support'
			? kind === 'support' &&
				relation.conclusionId === target &&
				relation.premiseIds.includes(source)
			: kind === 'attack' &&
				relation.attackerId === source &&
				relation.target.kind === 'statement' &&
				relation.target.id === target
	);
}

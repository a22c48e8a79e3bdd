import { relocateAnchor } from './anchors';
import { splitSentences } from './sentences';
import type { ArgumentMap, Support } from './types';

export type MapCheckCode =
	| 'no_main_claim'
	| 'several_main_claims'
	| 'main_claim_supports_other'
	| 'unsupported_conclusion'
	| 'isolated_statement'
	| 'cycle'
	| 'objection_not_attacking'
	| 'unanchored_statement'
	| 'anchor_stale'
	| 'anchor_lost';

/** A weakness of the argument as mapped, for the student to look at; the map itself is valid. */
export interface MapCheck {
	code: MapCheckCode;
	statementIds?: string[];
	relationIds?: string[];
}

/**
 * Checks the statements' roles against the structure the relations give them. With the
 * commentary `text`, it also reports anchors whose quote has moved (`anchor_stale`, fixable with
 * `relocateMapAnchors`) or disappeared (`anchor_lost`). Results come grouped by code, each group
 * in map order.
 */
export function checkMap(map: ArgumentMap, text?: string): MapCheck[] {
	const checks: MapCheck[] = [];
	const supports = map.relations.filter((relation) => relation.kind === 'support');
	const attacks = map.relations.filter((relation) => relation.kind === 'attack');
	const mainClaims = map.statements.filter((statement) => statement.role === 'main_claim');

	if (mainClaims.length === 0) checks.push({ code: 'no_main_claim' });
	if (mainClaims.length > 1) {
		checks.push({
			code: 'several_main_claims',
			statementIds: mainClaims.map((statement) => statement.id)
		});
	}

	for (const mainClaim of mainClaims) {
		const supported = supports.filter((support) => support.premiseIds.includes(mainClaim.id));
		if (supported.length > 0) {
			checks.push({
				code: 'main_claim_supports_other',
				statementIds: [mainClaim.id],
				relationIds: supported.map((support) => support.id)
			});
		}
	}

	const supportedIds = new Set(supports.map((support) => support.conclusionId));
	for (const statement of map.statements) {
		if (statement.role === 'intermediate_conclusion' && !supportedIds.has(statement.id)) {
			checks.push({ code: 'unsupported_conclusion', statementIds: [statement.id] });
		}
	}

	const relatedIds = new Set<string>();
	for (const support of supports) {
		support.premiseIds.forEach((id) => relatedIds.add(id));
		relatedIds.add(support.conclusionId);
	}
	for (const attack of attacks) {
		relatedIds.add(attack.attackerId);
		if (attack.target.kind === 'statement') relatedIds.add(attack.target.id);
	}
	for (const statement of map.statements) {
		if (!relatedIds.has(statement.id)) {
			checks.push({ code: 'isolated_statement', statementIds: [statement.id] });
		}
	}

	checks.push(
		...supportCycles(
			map.statements.map((statement) => statement.id),
			supports
		)
	);

	const attackerIds = new Set(attacks.map((attack) => attack.attackerId));
	for (const statement of map.statements) {
		if (statement.role === 'objection' && !attackerIds.has(statement.id)) {
			checks.push({ code: 'objection_not_attacking', statementIds: [statement.id] });
		}
	}

	for (const statement of map.statements) {
		if (!statement.implicit && statement.anchors.length === 0) {
			checks.push({ code: 'unanchored_statement', statementIds: [statement.id] });
		}
	}

	if (text !== undefined) checks.push(...anchorChecks(map, text));
	return checks;
}

function anchorChecks(map: ArgumentMap, text: string): MapCheck[] {
	const stale: string[] = [];
	const lost: string[] = [];
	for (const statement of map.statements) {
		const relocated = statement.anchors.map((anchor) => relocateAnchor(anchor, text));
		if (relocated.includes(null)) lost.push(statement.id);
		else if (relocated.some((anchor, index) => anchor !== statement.anchors[index])) {
			stale.push(statement.id);
		}
	}
	return [
		...stale.map((id) => ({ code: 'anchor_stale' as const, statementIds: [id] })),
		...lost.map((id) => ({ code: 'anchor_lost' as const, statementIds: [id] }))
	];
}

/**
 * Circular reasoning: the strongly connected groups of statements in the graph whose edges lead
 * from each premise to its conclusion (Tarjan's algorithm, iterative so long chains cannot
 * overflow the stack).
 */
function supportCycles(statementIds: string[], supports: Support[]): MapCheck[] {
	const conclusionsOf = new Map<string, string[]>();
	for (const support of supports) {
		for (const premiseId of support.premiseIds) {
			const conclusions = conclusionsOf.get(premiseId) ?? [];
			conclusions.push(support.conclusionId);
			conclusionsOf.set(premiseId, conclusions);
		}
	}

	const order = new Map<string, number>();
	const lowLink = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: Set<string>[] = [];

	const visit = (id: string) => {
		const index = order.size;
		order.set(id, index);
		lowLink.set(id, index);
		stack.push(id);
		onStack.add(id);
	};
	const lowerLink = (id: string, candidate: number) => {
		lowLink.set(id, Math.min(lowLink.get(id) ?? candidate, candidate));
	};

	for (const rootId of statementIds) {
		if (order.has(rootId)) continue;
		visit(rootId);
		const frames = [{ id: rootId, next: 0 }];
		while (frames.length > 0) {
			const frame = frames[frames.length - 1];
			if (!frame) break;
			const successorId = conclusionsOf.get(frame.id)?.[frame.next];
			if (successorId !== undefined) {
				frame.next++;
				if (!order.has(successorId)) {
					visit(successorId);
					frames.push({ id: successorId, next: 0 });
				} else if (onStack.has(successorId)) {
					lowerLink(frame.id, order.get(successorId) ?? 0);
				}
				continue;
			}
			frames.pop();
			const parent = frames[frames.length - 1];
			if (parent) lowerLink(parent.id, lowLink.get(frame.id) ?? 0);
			if (lowLink.get(frame.id) === order.get(frame.id)) {
				const component = new Set<string>();
				let memberId: string | undefined;
				do {
					memberId = stack.pop();
					if (memberId === undefined) break;
					onStack.delete(memberId);
					component.add(memberId);
				} while (memberId !== frame.id);
				components.push(component);
			}
		}
	}

	const checks: MapCheck[] = [];
	for (const component of components) {
		const inCycle = supports.filter(
			(support) =>
				component.has(support.conclusionId) &&
				support.premiseIds.some((premiseId) => component.has(premiseId))
		);
		if (inCycle.length === 0) continue;
		checks.push({
			code: 'cycle',
			statementIds: statementIds.filter((id) => component.has(id)),
			relationIds: inCycle.map((support) => support.id)
		});
	}
	// Tarjan finds components in reverse topological order; map order reads better.
	const position = new Map(statementIds.map((id, index) => [id, index]));
	const firstPosition = (check: MapCheck) => position.get(check.statementIds?.[0] ?? '') ?? 0;
	return checks.sort((a, b) => firstPosition(a) - firstPosition(b));
}

/**
 * How many of the commentary's sentences overlap at least one anchor of any statement: a rough
 * measure of how much of the text the student has mapped.
 */
export function anchorCoverage(
	map: ArgumentMap,
	text: string,
	locale?: string
): { covered: number; total: number } {
	const sentences = splitSentences(text, locale);
	const ranges = map.statements
		.flatMap((statement) => statement.anchors)
		.filter((anchor) => anchor.start < anchor.end)
		.sort((a, b) => a.start - b.start);

	// Both lists are in text order and sentences do not overlap, so one pass over each suffices.
	let covered = 0;
	let rangeIndex = 0;
	let reach = -1;
	for (const sentence of sentences) {
		while (reach <= sentence.start && rangeIndex < ranges.length) {
			const range = ranges[rangeIndex];
			if (!range || range.start >= sentence.end) break;
			reach = Math.max(reach, range.end);
			rangeIndex++;
		}
		if (reach > sentence.start) covered++;
	}
	return { covered, total: sentences.length };
}

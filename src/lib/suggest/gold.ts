import type { ImportError } from '$lib/interchange/types';
import {
	aduEdus,
	parseArggraph,
	type ArggraphEdge,
	type ArggraphGraph
} from '$lib/interchange/arggraph';
import type { Stance, UnitFunction } from './types';

/** What a unit does in a text's argument tree: the part of a UnitAnalysis that is scored. */
export interface TreeNode {
	function: UnitFunction;
	/** Index of the unit this one supports or attacks; null for the central claim. */
	target: number | null;
	stance: Stance;
}

/** An ADU of a gold graph with its place in the reduced tree. */
export interface GoldUnit extends TreeNode {
	aduId: string;
	/** Its EDUs in text order; an ADU made of several EDUs was joined by `seg` edges. */
	eduIds: string[];
	/** The texts of its EDUs joined by single spaces. */
	text: string;
}

export interface GoldText {
	/** The `id` of `<arggraph>`, e.g. `micro_b001`; empty when it has none. */
	id: string;
	edus: { id: string; text: string }[];
	/** The ADUs in text order (by their first EDU; ADUs without text come last). */
	units: GoldUnit[];
}

export type GoldParse = { ok: true; gold: GoldText } | { ok: false; error: ImportError };

/**
 * Reads an arggraph document into its units and the tree of the standard reduction
 * (Peldszus & Stede 2015): `sup`/`exa`/`add` edges support, `reb`/`und` edges attack, and an edge
 * that targets an edge (`und`, `add`) attaches to the source unit of that edge. The stance of a unit
 * is its ADU type (pro/opp).
 */
export function readGold(xml: string): GoldParse {
	const parsed = parseArggraph(xml);
	if (!parsed.ok) return parsed;
	const { graph, root } = parsed;
	const rootId = root['@_id'];

	const edusOf = aduEdus(graph);
	const eduOrder = new Map(graph.edus.map((edu, index) => [edu.id, index]));
	const eduText = new Map(graph.edus.map((edu) => [edu.id, edu.text]));
	const firstEdu = (aduId: string) => {
		const first = edusOf.get(aduId)?.[0];
		return first === undefined ? Infinity : (eduOrder.get(first) ?? Infinity);
	};
	const adus = graph.adus
		.map((adu, index) => ({ adu, index }))
		.sort((a, b) => firstEdu(a.adu.id) - firstEdu(b.adu.id) || a.index - b.index)
		.map(({ adu }) => adu);
	const unitIndex = new Map(adus.map((adu, index) => [adu.id, index]));

	const units = adus.map((adu): GoldUnit => {
		const eduIds = edusOf.get(adu.id) ?? [];
		return {
			aduId: adu.id,
			eduIds,
			text: eduIds.map((eduId) => eduText.get(eduId) ?? '').join(' '),
			function: 'central_claim',
			target: null,
			stance: adu.type
		};
	});

	for (const edge of graph.edges) {
		const unit = units[unitIndex.get(edge.src) ?? -1];
		const target = reducedTarget(graph, edge);
		if (!unit || target === undefined) continue;
		unit.function = edge.type === 'reb' || edge.type === 'und' ? 'attack' : 'support';
		unit.target = unitIndex.get(target) ?? null;
	}

	return {
		ok: true,
		gold: {
			id: typeof rootId === 'string' ? rootId.trim() : '',
			edus: graph.edus.map(({ id, text }) => ({ id, text })),
			units
		}
	};
}

/** The ADU an argumentative edge attaches its source to; undefined for `seg` edges. */
function reducedTarget(graph: ArggraphGraph, edge: ArggraphEdge): string | undefined {
	if (edge.type === 'seg') return undefined;
	const targetEdge = graph.edgesById.get(edge.trg);
	return targetEdge ? targetEdge.src : edge.trg;
}

/** A span [start, end) of a text. */
export interface Span {
	start: number;
	end: number;
}

/**
 * Where each gold unit stands in the text: every EDU is searched for from where the previous one
 * ended (whitespace may differ), and a unit runs from its first EDU's start to its last EDU's end.
 * A unit none of whose EDUs is found gets null, and so does one with an EDU that is not found.
 */
export function locateUnits(text: string, gold: GoldText): (Span | null)[] {
	const spans = new Map<string, Span>();
	let from = 0;
	for (const edu of gold.edus) {
		const span = findFrom(text, edu.text, from);
		if (!span) continue;
		spans.set(edu.id, span);
		from = span.end;
	}
	return gold.units.map((unit) => {
		const eduSpans = unit.eduIds.map((eduId) => spans.get(eduId));
		const first = eduSpans[0];
		const last = eduSpans[eduSpans.length - 1];
		if (!first || !last || eduSpans.some((span) => !span)) return null;
		return { start: first.start, end: last.end };
	});
}

function findFrom(text: string, needle: string, from: number): Span | null {
	const words = needle.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return null;
	const pattern = new RegExp(
		words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'),
		'gu'
	);
	pattern.lastIndex = from;
	const match = pattern.exec(text);
	return match ? { start: match.index, end: match.index + match[0].length } : null;
}

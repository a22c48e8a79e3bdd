import type { Anchor, ArgumentMap, StatementRole } from '$lib/argument';
import { splitParagraphs } from '$lib/text/paragraphs';

export interface TextSegment {
	/** Offset of the segment in the whole commentary. */
	start: number;
	text: string;
	/** Statements with an anchor covering this segment, in map order. */
	statementIds: string[];
	role: StatementRole | null;
	/** A pending suggestion (the draft layer) covers this segment. */
	suggested: boolean;
}

export interface AnchoredParagraph {
	start: number;
	segments: TextSegment[];
}

/**
 * Cuts each paragraph of the commentary at every anchor boundary, so each piece of text knows
 * which statements (and suggestions, `drafts`) it belongs to. Sweeps sorted boundaries:
 * O((n + a) log a) for a anchors.
 */
export function anchoredParagraphs(
	text: string,
	map: ArgumentMap,
	drafts: readonly { anchors: Anchor[] }[] = []
): AnchoredParagraph[] {
	const events: { at: number; statementIndex: number; delta: 1 | -1 }[] = [];
	// Indices past the map's statements are the drafts'.
	[...map.statements, ...drafts].forEach((statement, statementIndex) => {
		for (const anchor of statement.anchors) {
			if (anchor.end <= anchor.start) continue;
			events.push({ at: anchor.start, statementIndex, delta: 1 });
			events.push({ at: anchor.end, statementIndex, delta: -1 });
		}
	});
	events.sort((a, b) => a.at - b.at);

	const active = new Map<number, number>();
	let next = 0;
	const advanceTo = (offset: number) => {
		while (next < events.length && events[next]!.at <= offset) {
			const { statementIndex, delta } = events[next]!;
			const count = (active.get(statementIndex) ?? 0) + delta;
			if (count > 0) active.set(statementIndex, count);
			else active.delete(statementIndex);
			next += 1;
		}
	};
	const covering = () =>
		[...active.keys()]
			.sort((a, b) => a - b)
			.filter((i) => i < map.statements.length)
			.map((i) => map.statements[i]!);
	const suggested = () => [...active.keys()].some((i) => i >= map.statements.length);

	return splitParagraphs(text).map((paragraph) => {
		const end = paragraph.start + paragraph.text.length;
		const cuts = new Set([paragraph.start, end]);
		for (const event of events) {
			if (event.at > paragraph.start && event.at < end) cuts.add(event.at);
		}
		const points = [...cuts].sort((a, b) => a - b);
		const segments: TextSegment[] = [];
		for (let i = 0; i < points.length - 1; i += 1) {
			const from = points[i]!;
			advanceTo(from);
			const statements = covering();
			segments.push({
				start: from,
				text: text.slice(from, points[i + 1]),
				statementIds: statements.map((statement) => statement.id),
				role: statements.at(-1)?.role ?? null,
				suggested: suggested()
			});
		}
		return { start: paragraph.start, segments };
	});
}

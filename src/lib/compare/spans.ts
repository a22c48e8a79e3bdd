import type { Anchor } from '$lib/argument';

/** A stretch of the commentary, as a UTF-16 range [start, end) with the words it covers. */
export type Span = Anchor;

/** The anchors as disjoint spans in text order: overlapping or touching anchors become one. */
export function mergeAnchors(anchors: readonly Anchor[]): Span[] {
	const sorted = anchors
		.filter((anchor) => anchor.start < anchor.end)
		.sort((a, b) => a.start - b.start || a.end - b.end);
	const spans: Span[] = [];
	for (const anchor of sorted) {
		const last = spans[spans.length - 1];
		if (last && anchor.start <= last.end) {
			if (anchor.end > last.end) {
				last.quote += anchor.quote.slice(last.end - anchor.start);
				last.end = anchor.end;
			}
		} else {
			spans.push({ ...anchor });
		}
	}
	return spans;
}

/** Where two lists of disjoint spans in text order overlap, with the words of `a`. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
	const shared: Span[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const spanA = a[i] as Span;
		const spanB = b[j] as Span;
		const start = Math.max(spanA.start, spanB.start);
		const end = Math.min(spanA.end, spanB.end);
		if (start < end) {
			shared.push({
				start,
				end,
				quote: spanA.quote.slice(start - spanA.start, end - spanA.start)
			});
		}
		if (spanA.end <= spanB.end) i++;
		else j++;
	}
	return shared;
}

export function spanLength(spans: readonly Span[]): number {
	return spans.reduce((length, span) => length + span.end - span.start, 0);
}

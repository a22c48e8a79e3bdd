import type { Anchor, ArgumentMap } from './types';

/**
 * The anchor in `text` as it is now: unchanged if its range still holds the quote, otherwise the
 * occurrence of the quote nearest to where it was (the earlier one on a tie), or null when the
 * quote is no longer in the text.
 */
export function relocateAnchor(anchor: Anchor, text: string): Anchor | null {
	if (anchor.quote === '') return null;
	if (text.slice(anchor.start, anchor.end) === anchor.quote) return anchor;
	let nearest = -1;
	for (
		let found = text.indexOf(anchor.quote);
		found !== -1;
		found = text.indexOf(anchor.quote, found + 1)
	) {
		if (nearest === -1 || Math.abs(found - anchor.start) < Math.abs(nearest - anchor.start)) {
			nearest = found;
		}
		// Occurrences only move further away once they lie past the old start.
		if (found > anchor.start) break;
	}
	if (nearest === -1) return null;
	return { start: nearest, end: nearest + anchor.quote.length, quote: anchor.quote };
}

export interface LostAnchor {
	statementId: string;
	anchor: Anchor;
}

/**
 * Re-finds every anchor after the commentary text changed. Anchors whose quote is gone are taken
 * out of the map and returned as `lost`, so the editor can tell the student.
 */
export function relocateMapAnchors(
	map: ArgumentMap,
	text: string
): { map: ArgumentMap; lost: LostAnchor[] } {
	const lost: LostAnchor[] = [];
	const statements = map.statements.map((statement) => {
		const anchors: Anchor[] = [];
		for (const anchor of statement.anchors) {
			const relocated = relocateAnchor(anchor, text);
			if (relocated) anchors.push(relocated);
			else lost.push({ statementId: statement.id, anchor });
		}
		const unchanged =
			anchors.length === statement.anchors.length &&
			anchors.every((anchor, index) => anchor === statement.anchors[index]);
		if (unchanged) return statement;
		anchors.sort((a, b) => a.start - b.start || a.end - b.end);
		return { ...statement, anchors };
	});
	return { map: { ...map, statements }, lost };
}

/**
 * An anchor for the selected range [start, end) of `text`, without surrounding whitespace; null
 * when nothing but whitespace is selected. A backwards selection is accepted, offsets are clamped
 * to the text, and a range that would split an emoji's surrogate pair is widened to include it.
 */
export function anchorFromSelection(text: string, start: number, end: number): Anchor | null {
	if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
	let from = clamp(Math.floor(Math.min(start, end)), 0, text.length);
	let to = clamp(Math.ceil(Math.max(start, end)), 0, text.length);
	if (isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from--;
	if (isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to++;
	while (from < to && /\s/u.test(text.charAt(from))) from++;
	while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
	if (from === to) return null;
	return { start: from, end: to, quote: text.slice(from, to) };
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

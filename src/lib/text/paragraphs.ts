export interface Paragraph {
	/** Offset of the paragraph's first character in the whole text, so anchors can map into it. */
	start: number;
	text: string;
}

/** Splits a text at blank lines, keeping each paragraph's offset into the original. */
export function splitParagraphs(text: string): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	const separator = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;
	let start = 0;
	for (const match of text.matchAll(separator)) {
		pushTrimmed(paragraphs, text, start, match.index);
		start = match.index + match[0].length;
	}
	pushTrimmed(paragraphs, text, start, text.length);
	return paragraphs;
}

function pushTrimmed(paragraphs: Paragraph[], text: string, from: number, to: number) {
	const slice = text.slice(from, to);
	const leading = slice.length - slice.trimStart().length;
	const trimmed = slice.trim();
	if (trimmed) paragraphs.push({ start: from + leading, text: trimmed });
}

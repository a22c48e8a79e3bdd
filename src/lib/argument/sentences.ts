export interface SentenceRange {
	start: number;
	end: number;
}

/**
 * The sentences of `text` as UTF-16 ranges without surrounding whitespace, as Intl.Segmenter
 * finds them. Approximate: abbreviations such as „z. B.“ may end a sentence early.
 */
export function splitSentences(text: string, locale?: string): SentenceRange[] {
	const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
	const sentences: SentenceRange[] = [];
	for (const { segment, index } of segmenter.segment(text)) {
		const leading = segment.length - segment.trimStart().length;
		const trimmed = segment.trim();
		if (trimmed) sentences.push({ start: index + leading, end: index + leading + trimmed.length });
	}
	return sentences;
}

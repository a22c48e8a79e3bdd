import { segmentSentences } from '$lib/suggest/sentence-split';

export interface SentenceRange {
	start: number;
	end: number;
}

/**
 * The sentences of `text` as UTF-16 ranges without surrounding whitespace. The suggester's
 * splitter serves here too, so „z. B.“, „Dr.“ and „3. Oktober“ do not end a sentence.
 */
export function splitSentences(text: string, locale?: string): SentenceRange[] {
	const language = locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
	return segmentSentences(text, language).map(({ start, end }) => ({ start, end }));
}

import { clauseSplits } from './clause-split';
import { pushTrimmed, sentenceRanges } from './sentence-split';
import type { SuggestLanguage, Unit } from './types';

/**
 * Splits a commentary into argumentative units: sentences (see segmentSentences), then clauses
 * at connectives. Offsets are UTF-16 indices into `text`; every unit is trimmed and non-empty.
 */
export function segmentText(text: string, language: SuggestLanguage): Unit[] {
	const units: Unit[] = [];
	for (const { start, end } of sentenceRanges(text, language)) {
		const starts = [start, ...clauseSplits(text, start, end, language)];
		for (const [position, unitStart] of starts.entries()) {
			pushTrimmed(units, text, unitStart, starts[position + 1] ?? end);
		}
	}
	return units;
}

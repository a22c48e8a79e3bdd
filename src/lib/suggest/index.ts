import { segmentText } from './segment';
import { analyseStructure } from './structure';
import type { StructureSuggestion, SuggestLanguage } from './types';

export type * from './types';
export { segmentText } from './segment';
export { analyseStructure } from './structure';

/** The language whose rules apply to a commentary's language code. */
export function suggestLanguage(language: string): SuggestLanguage {
	return language === 'de' ? 'de' : 'en';
}

/** Segments the text and suggests its structure: the whole pipeline, pure and offline. */
export function suggestStructure(text: string, language: SuggestLanguage): StructureSuggestion {
	const units = segmentText(text, language);
	const analyses = analyseStructure(
		units.map((unit) => unit.text),
		language
	);
	const centralClaim = Math.max(
		0,
		analyses.findIndex((analysis) => analysis.function === 'central_claim')
	);
	return { units, analyses, centralClaim };
}

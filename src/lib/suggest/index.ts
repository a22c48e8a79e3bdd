import { furnitureUnits } from './page-furniture';
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

/**
 * Segments the text and suggests its structure: the whole pipeline, pure and offline.
 * Captions, credits, subheadings and addresses are left out before the analysis.
 */
export function suggestStructure(text: string, language: SuggestLanguage): StructureSuggestion {
	const segmented = segmentText(text, language);
	const furniture = furnitureUnits(text, segmented);
	const units = segmented.filter((_, index) => !furniture.has(index));
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

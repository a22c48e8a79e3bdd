import { compareMaps } from './agreement';
import { suggestSameClaims } from './alignment';
import { summarizeMap } from './summary';
import type { ComparedMap, ComparisonAnalysis } from './view';

/** At most this many same-claim suggestions reach the page, best first. */
export const MAX_SUGGESTIONS = 60;

/** Everything the compare view computes from the two maps (server-side: the stemmers are large). */
export function analyzeComparison(
	a: ComparedMap,
	b: ComparedMap,
	sameCommentary: boolean
): ComparisonAnalysis {
	const languageA = a.commentary.language;
	const languageB = b.commentary.language;
	return {
		sameCommentary,
		suggestions: suggestSameClaims(a.map, b.map, {
			languageA,
			languageB,
			sameCommentary,
			limit: MAX_SUGGESTIONS
		}),
		agreement: sameCommentary ? compareMaps(a.map, b.map, { language: languageA }) : null,
		summaries: {
			a: summarizeMap(a.map, a.commentary.body),
			b: summarizeMap(b.map, b.commentary.body)
		}
	};
}

export type { SharedWord, TextProfile, TextSimilarity, Token } from './text-similarity';
export {
	guessLanguage,
	inverseDocumentFrequency,
	textProfile,
	textSimilarity,
	tokenize
} from './text-similarity';
export type { Span } from './spans';
export type {
	AlignedPair,
	AnchorOverlap,
	SameClaimSuggestion,
	StatementPair,
	SuggestionOptions,
	SuggestionReason
} from './alignment';
export {
	ALIGNMENT_THRESHOLD,
	alignMaps,
	anchorOverlap,
	MIN_SUGGESTION_SCORE,
	suggestSameClaims
} from './alignment';
export type { AgreementExplanation, MapAgreement, RoleDisagreement } from './agreement';
export { compareMaps } from './agreement';
export type { MapSummary, TextCoverage } from './summary';
export { argumentDepth, summarizeMap, textCoverage } from './summary';
export type {
	CrossLink,
	CrossLinkDirection,
	CrossLinkKind,
	CrossLinksProblem
} from './cross-links';
export {
	COMPARISON_LIMITS,
	CROSS_LINK_KINDS,
	linkBadges,
	linkKey,
	liveLinks,
	parseCrossLinks,
	withLink,
	withoutLink
} from './cross-links';
export type { ComparedMap, ComparisonAnalysis, SavedComparison } from './view';
export { analyzeComparison, MAX_SUGGESTIONS } from './analysis';

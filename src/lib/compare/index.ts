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

/** The languages the suggester has rules for; other texts are treated as English. */
export type SuggestLanguage = 'de' | 'en';

/** An argumentative unit: the UTF-16 range [start, end) of the commentary and its words. */
export interface Unit {
	start: number;
	end: number;
	text: string;
}

/** What a unit does in the argument (Peldszus & Stede 2015's "function"). */
export type UnitFunction = 'central_claim' | 'support' | 'attack';

/** Whose side a unit is on: the author's (pro) or the opponent's voice the author answers (opp). */
export type Stance = 'pro' | 'opp';

/**
 * Why a rule decided as it did, as a code and parameters; the UI translates it
 * (src/lib/i18n/suggest-reasons.ts), so the pure rules never hold UI text.
 */
export interface Reason {
	code: string;
	params?: Record<string, string>;
}

export interface UnitAnalysis {
	function: UnitFunction;
	/** Index of the unit this one supports or attacks; null for the central claim. */
	target: number | null;
	stance: Stance;
	reasons: Reason[];
}

/** The suggested structure over a text's units: one analysis per unit, in unit order. */
export interface StructureSuggestion {
	units: Unit[];
	analyses: UnitAnalysis[];
	centralClaim: number;
}

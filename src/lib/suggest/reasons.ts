/**
 * The reasons the structure rules give, as codes; src/lib/i18n/suggest-reasons.ts translates
 * each. The one parameter, `connective`, holds the words of the unit that decided.
 */
export const reasonCodes = [
	// central claim
	'claim_conclusion',
	'claim_deontic',
	'claim_opinion',
	'claim_evaluation',
	'claim_resumption',
	'claim_first_unit',
	'claim_last_unit',
	'claim_only_unit',
	'claim_no_better_candidate',
	// function and target
	'connective_reason',
	'connective_addition',
	'connective_example',
	'fronted_clause',
	'next_concludes',
	'consequence_of_claim',
	'coordinated',
	'same_sentence',
	'refers_back',
	'concession',
	'opponent_voice',
	'contrast_objection',
	'answered_objection',
	'counter_attack',
	'outweighs_objection',
	'answers_concession',
	'continues_objection',
	'default_support',
	// stance
	'stance_claim',
	'stance_pro_support',
	'stance_opp_support',
	'stance_pro_attack',
	'stance_opp_attack'
] as const;

export type ReasonCode = (typeof reasonCodes)[number];

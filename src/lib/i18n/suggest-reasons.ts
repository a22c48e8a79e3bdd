import { m } from '$lib/paraglide/messages.js';
import type { ReasonCode } from '$lib/suggest/reasons';
import type { Reason } from '$lib/suggest/types';

const messages: Record<ReasonCode, (connective: string) => string> = {
	claim_conclusion: (connective) => m.suggest_reason_claim_conclusion({ connective }),
	claim_deontic: (connective) => m.suggest_reason_claim_deontic({ connective }),
	claim_opinion: (connective) => m.suggest_reason_claim_opinion({ connective }),
	claim_evaluation: (connective) => m.suggest_reason_claim_evaluation({ connective }),
	claim_resumption: (connective) => m.suggest_reason_claim_resumption({ connective }),
	claim_first_unit: () => m.suggest_reason_claim_first_unit(),
	claim_last_unit: () => m.suggest_reason_claim_last_unit(),
	claim_only_unit: () => m.suggest_reason_claim_only_unit(),
	claim_no_better_candidate: () => m.suggest_reason_claim_no_better_candidate(),
	connective_reason: (connective) => m.suggest_reason_connective_reason({ connective }),
	connective_addition: (connective) => m.suggest_reason_connective_addition({ connective }),
	connective_example: (connective) => m.suggest_reason_connective_example({ connective }),
	fronted_clause: (connective) => m.suggest_reason_fronted_clause({ connective }),
	next_concludes: (connective) => m.suggest_reason_next_concludes({ connective }),
	consequence_of_claim: (connective) => m.suggest_reason_consequence_of_claim({ connective }),
	coordinated: () => m.suggest_reason_coordinated(),
	same_sentence: () => m.suggest_reason_same_sentence(),
	refers_back: () => m.suggest_reason_refers_back(),
	concession: (connective) => m.suggest_reason_concession({ connective }),
	opponent_voice: (connective) => m.suggest_reason_opponent_voice({ connective }),
	contrast_objection: (connective) => m.suggest_reason_contrast_objection({ connective }),
	answered_objection: () => m.suggest_reason_answered_objection(),
	counter_attack: (connective) => m.suggest_reason_counter_attack({ connective }),
	outweighs_objection: (connective) => m.suggest_reason_outweighs_objection({ connective }),
	answers_concession: () => m.suggest_reason_answers_concession(),
	continues_objection: () => m.suggest_reason_continues_objection(),
	default_support: () => m.suggest_reason_default_support(),
	stance_claim: () => m.suggest_reason_stance_claim(),
	stance_pro_support: () => m.suggest_reason_stance_pro_support(),
	stance_opp_support: () => m.suggest_reason_stance_opp_support(),
	stance_pro_attack: () => m.suggest_reason_stance_pro_attack(),
	stance_opp_attack: () => m.suggest_reason_stance_opp_attack()
};

function isReasonCode(code: string): code is ReasonCode {
	return Object.hasOwn(messages, code);
}

/** A suggestion's reason in the UI language; an unknown code is shown as it is. */
export function reasonMessage(reason: Reason): string {
	if (!isReasonCode(reason.code)) return reason.code;
	return messages[reason.code](reason.params?.connective ?? '');
}

import type { ModelErrorCode } from '$lib/argument';
import { m } from '$lib/paraglide/messages.js';

const specific: Partial<Record<ModelErrorCode, () => string>> = {
	self_support: () => m.model_self_support(),
	self_attack: () => m.model_self_attack(),
	undercut_target_not_support: () => m.model_undercut_target_not_support(),
	duplicate_premise: () => m.model_duplicate_premise(),
	text_too_long: () => m.model_text_too_long(),
	limit_exceeded: () => m.model_limit_exceeded()
};

/** Why an editing step was refused, in the UI language. */
export function modelErrorMessage(code: ModelErrorCode): string {
	return specific[code]?.() ?? m.editor_error();
}

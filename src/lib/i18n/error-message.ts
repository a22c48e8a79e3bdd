import type { AccountErrorCode } from '$lib/account/rules';
import type { AssignmentErrorCode } from '$lib/assignments/rules';
import { CLASS_NAME_MAX_LENGTH, type ClassErrorCode } from '$lib/classes/rules';
import type { CommentaryErrorCode } from '$lib/commentary/rules';
import type { CommentErrorCode } from '$lib/comments/rules';
import type { CrossLinksProblem } from '$lib/compare/cross-links';
import { COMPARISON_LIMITS } from '$lib/compare/limits';
import { m } from '$lib/paraglide/messages.js';

export type ErrorCode =
	| AccountErrorCode
	| AssignmentErrorCode
	| ClassErrorCode
	| CommentaryErrorCode
	| 'commentary_delete_unconfirmed'
	| 'commentary_in_use'
	| 'map_title_invalid'
	| 'share_class_missing'
	| 'share_link_unknown'
	| 'comparison_title_missing'
	| 'comparison_title_too_long'
	| 'comparison_note_too_long'
	| CrossLinksProblem
	| CommentErrorCode;

export interface ErrorDetails {
	retryAfterSeconds?: number;
}

const messages: Record<ErrorCode, (details: ErrorDetails) => string> = {
	account_username_invalid: () => m.account_username_invalid(),
	account_username_taken: () => m.account_username_taken(),
	account_display_name_invalid: () => m.account_display_name_invalid(),
	account_email_invalid: () => m.account_email_invalid(),
	account_password_too_short: () => m.account_password_too_short(),
	account_password_too_long: () => m.account_password_too_long(),
	account_password_common: () => m.account_password_common(),
	account_password_mismatch: () => m.account_password_mismatch(),
	account_password_wrong: () => m.account_password_wrong(),
	account_delete_unconfirmed: () => m.account_delete_unconfirmed(),
	assignment_title_invalid: () => m.assignment_title_invalid(),
	assignment_instructions_too_long: () => m.assignment_instructions_too_long(),
	assignment_due_date_invalid: () => m.assignment_due_date_invalid(),
	assignment_commentary_invalid: () => m.assignment_commentary_invalid(),
	assignment_starting_map_invalid: () => m.assignment_starting_map_invalid(),
	assignment_reference_map_invalid: () => m.assignment_reference_map_invalid(),
	assignment_class_archived: () => m.assignment_class_archived(),
	assignment_work_closed: () => m.assignment_work_closed(),
	assignment_feedback_too_long: () => m.assignment_feedback_too_long(),
	assignment_not_returnable: () => m.assignment_not_returnable(),
	assignment_not_started: () => m.assignment_not_started(),
	assignment_delete_unconfirmed: () => m.assignment_delete_unconfirmed(),
	auth_invalid_credentials: () => m.auth_invalid_credentials(),
	classes_name_invalid: () => m.classes_name_invalid({ max: CLASS_NAME_MAX_LENGTH }),
	join_code_invalid: () => m.join_code_invalid(),
	join_too_many_attempts: ({ retryAfterSeconds = 60 }) =>
		m.join_too_many_attempts({ minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }),
	commentary_title_invalid: () => m.commentary_title_invalid(),
	commentary_text_empty: () => m.commentary_text_empty(),
	commentary_text_too_long: () => m.commentary_text_too_long(),
	commentary_meta_too_long: () => m.commentary_meta_too_long(),
	commentary_date_invalid: () => m.commentary_date_invalid(),
	commentary_url_invalid: () => m.commentary_url_invalid(),
	commentary_language_invalid: () => m.commentary_language_invalid(),
	commentary_delete_unconfirmed: () => m.commentary_delete_unconfirmed(),
	commentary_in_use: () => m.commentary_in_use(),
	map_title_invalid: () => m.map_title_invalid(),
	comment_body_empty: () => m.comments_error_body_empty(),
	comment_body_too_long: () => m.comments_error_body_too_long(),
	comment_target_invalid: () => m.comments_error_target_invalid(),
	comment_not_found: () => m.comments_error_not_found(),
	share_class_missing: () => m.share_class_missing(),
	share_link_unknown: () => m.share_link_unknown(),
	comparison_title_missing: () => m.compare_error_title_missing(),
	comparison_title_too_long: () => m.compare_error_title_too_long({ max: COMPARISON_LIMITS.title }),
	comparison_note_too_long: () => m.compare_error_note_too_long({ max: COMPARISON_LIMITS.note }),
	comparison_links_invalid: () => m.compare_error_links_invalid(),
	comparison_links_too_many: () => m.compare_error_links_too_many({ max: COMPARISON_LIMITS.links }),
	auth_too_many_attempts: ({ retryAfterSeconds = 60 }) =>
		m.auth_too_many_attempts({ minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
};

function isErrorCode(code: string): code is ErrorCode {
	return Object.hasOwn(messages, code);
}

/** Translates an error code returned by the server into the current UI language. */
export function errorMessage(code: string, details: ErrorDetails = {}): string {
	return isErrorCode(code) ? messages[code](details) : m.error_unknown();
}

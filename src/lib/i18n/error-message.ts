import type { AccountErrorCode } from '$lib/account/rules';
import type { CommentaryErrorCode } from '$lib/commentary/rules';
import { m } from '$lib/paraglide/messages.js';

export type ErrorCode =
	AccountErrorCode | CommentaryErrorCode | 'commentary_delete_unconfirmed' | 'map_title_invalid';

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
	auth_invalid_credentials: () => m.auth_invalid_credentials(),
	commentary_title_invalid: () => m.commentary_title_invalid(),
	commentary_text_empty: () => m.commentary_text_empty(),
	commentary_text_too_long: () => m.commentary_text_too_long(),
	commentary_meta_too_long: () => m.commentary_meta_too_long(),
	commentary_date_invalid: () => m.commentary_date_invalid(),
	commentary_url_invalid: () => m.commentary_url_invalid(),
	commentary_language_invalid: () => m.commentary_language_invalid(),
	commentary_delete_unconfirmed: () => m.commentary_delete_unconfirmed(),
	map_title_invalid: () => m.map_title_invalid(),
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

/** Account rules shared by the forms (for hints and `minlength`) and the server (which enforces them). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;

const USERNAME_PATTERN = /^[\p{L}\p{N}._-]+$/u;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/u;

export type AccountErrorCode =
	| 'account_username_invalid'
	| 'account_username_taken'
	| 'account_display_name_invalid'
	| 'account_email_invalid'
	| 'account_password_too_short'
	| 'account_password_too_long'
	| 'account_password_common'
	| 'account_password_mismatch'
	| 'account_password_wrong'
	| 'account_delete_unconfirmed'
	| 'auth_invalid_credentials'
	| 'auth_too_many_attempts';

/** Passwords are counted in code points, so an emoji or an umlaut counts as one character. */
export function passwordLength(password: string): number {
	return [...password].length;
}

/** Case-insensitive, Unicode-normalised form of a username, used for uniqueness and log-in. */
export function usernameKey(username: string): string {
	return username.normalize('NFKC').toLowerCase();
}

export function checkUsername(username: string): AccountErrorCode | null {
	const length = [...username].length;
	const lengthOk = length >= USERNAME_MIN_LENGTH && length <= USERNAME_MAX_LENGTH;
	return lengthOk && USERNAME_PATTERN.test(username) ? null : 'account_username_invalid';
}

export function checkDisplayName(displayName: string): AccountErrorCode | null {
	const length = [...displayName.trim()].length;
	return length >= 1 && length <= DISPLAY_NAME_MAX_LENGTH ? null : 'account_display_name_invalid';
}

export function checkEmail(email: string): AccountErrorCode | null {
	if (email === '') return null;
	return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email)
		? null
		: 'account_email_invalid';
}

/** Length only; the common-password check needs the server's list. */
export function checkPasswordLength(password: string): AccountErrorCode | null {
	const length = passwordLength(password);
	if (length < PASSWORD_MIN_LENGTH) return 'account_password_too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'account_password_too_long';
	return null;
}

/** Longest class name in code points, for the form (maxlength) and the server alike. */
export const CLASS_NAME_MAX_LENGTH = 120;

export type ClassErrorCode =
	'classes_name_invalid' | 'join_code_invalid' | 'join_too_many_attempts';

/** The trimmed name, or null when it is empty or too long (counted in code points, so emoji count once). */
export function cleanClassName(input: string): string | null {
	const name = input.trim();
	const length = [...name].length;
	return length >= 1 && length <= CLASS_NAME_MAX_LENGTH ? name : null;
}

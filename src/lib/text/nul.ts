/**
 * `text` without U+0000. SQLite stores it, but PostgreSQL refuses it in text columns, so user
 * text is cleaned where it enters; no one means to type it.
 */
export function withoutNul(text: string): string {
	return text.replaceAll('\u0000', '');
}

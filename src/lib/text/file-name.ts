/**
 * The part of a download's file name taken from a title: no path separators, quotes or control
 * and format characters (a U+202E could disguise the extension); never empty.
 */
export function fileNameBase(title: string): string {
	const base = title
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '')
		.slice(0, 80)
		.trim();
	return base || 'argumap';
}

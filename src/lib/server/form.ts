import { withoutNul } from '$lib/text/nul';

/**
 * A form field as a string ('' when absent or a file), so actions never see `null` or `File`;
 * without U+0000, which PostgreSQL cannot store.
 */
export function formText(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? withoutNul(value) : '';
}

const SAME_SITE = 'http://same-site.invalid';

/**
 * A same-site path to return to after a form, or `fallback`; never an open redirect. Parsed as a
 * browser would, so tricks such as `/\t/evil.example` (browsers drop the tab) resolve off-site
 * here too and are refused.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/')) return fallback;
	try {
		const url = new URL(value, SAME_SITE);
		return url.origin === SAME_SITE ? url.pathname + url.search + url.hash : fallback;
	} catch {
		return fallback;
	}
}

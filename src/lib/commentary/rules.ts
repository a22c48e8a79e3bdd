import { withoutNul } from '$lib/text/nul';

/** Commentary limits shared by the form (hints, counters) and the server (which enforces them). */
export const COMMENTARY_MAX_LENGTH = 200_000;
export const COMMENTARY_TITLE_MAX_LENGTH = 300;
export const COMMENTARY_META_MAX_LENGTH = 200;
export const COMMENTARY_LANGUAGES = ['de', 'en', 'other'] as const;
export type CommentaryLanguage = (typeof COMMENTARY_LANGUAGES)[number];

export type CommentaryErrorCode =
	| 'commentary_title_invalid'
	| 'commentary_text_empty'
	| 'commentary_text_too_long'
	| 'commentary_meta_too_long'
	| 'commentary_date_invalid'
	| 'commentary_url_invalid'
	| 'commentary_language_invalid';

/** The HTTP status a refused commentary answers with: 413 for a text over the limit. */
export function commentaryErrorStatus(code: CommentaryErrorCode): 400 | 413 {
	return code === 'commentary_text_too_long' ? 413 : 400;
}

export interface CommentaryInput {
	title: string;
	author: string;
	outlet: string;
	publishedOn: string;
	sourceUrl: string;
	language: string;
	body: string;
}

export interface CleanCommentary {
	title: string;
	author: string;
	outlet: string;
	publishedOn: string | null;
	sourceUrl: string | null;
	language: CommentaryLanguage;
	body: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isLanguage(value: string): value is CommentaryLanguage {
	return (COMMENTARY_LANGUAGES as readonly string[]).includes(value);
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Normalises line endings and Unicode (NFC) so anchors count the same characters everywhere, and
 * drops U+0000, which PostgreSQL cannot store.
 */
export function normaliseCommentaryText(text: string): string {
	return withoutNul(text).replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/** Validates and cleans a commentary form; the text is checked after normalisation. */
export function validateCommentary(
	input: CommentaryInput
): { ok: true; value: CleanCommentary } | { ok: false; code: CommentaryErrorCode } {
	// Forms arrive without U+0000 (formText); imported files may still carry it.
	const title = withoutNul(input.title).trim();
	const author = withoutNul(input.author).trim();
	const outlet = withoutNul(input.outlet).trim();
	const publishedOn = withoutNul(input.publishedOn).trim();
	const sourceUrl = withoutNul(input.sourceUrl).trim();
	const body = normaliseCommentaryText(input.body);
	if (title.length === 0 || title.length > COMMENTARY_TITLE_MAX_LENGTH) {
		return { ok: false, code: 'commentary_title_invalid' };
	}
	if (author.length > COMMENTARY_META_MAX_LENGTH || outlet.length > COMMENTARY_META_MAX_LENGTH) {
		return { ok: false, code: 'commentary_meta_too_long' };
	}
	if (body.length === 0) return { ok: false, code: 'commentary_text_empty' };
	if (body.length > COMMENTARY_MAX_LENGTH) return { ok: false, code: 'commentary_text_too_long' };
	if (publishedOn && (!ISO_DATE.test(publishedOn) || Number.isNaN(Date.parse(publishedOn)))) {
		return { ok: false, code: 'commentary_date_invalid' };
	}
	if (sourceUrl && !isHttpUrl(sourceUrl)) return { ok: false, code: 'commentary_url_invalid' };
	if (!isLanguage(input.language)) return { ok: false, code: 'commentary_language_invalid' };
	return {
		ok: true,
		value: {
			title,
			author,
			outlet,
			publishedOn: publishedOn || null,
			sourceUrl: sourceUrl || null,
			language: input.language,
			body
		}
	};
}

import { error } from '@sveltejs/kit';
import { withoutNul } from '$lib/text/nul';

function withoutNulInStrings(_key: string, value: unknown): unknown {
	return typeof value === 'string' ? withoutNul(value) : value;
}

/**
 * The request's JSON body, with U+0000 removed from its strings (PostgreSQL cannot store it).
 * Anything but `application/json` is refused with 415, which also keeps cross-site form posts
 * (which cannot send that type without a preflight) away from JSON endpoints.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
	if (type !== 'application/json') {
		error(415, { message: 'Send JSON (Content-Type: application/json)', code: 'request_not_json' });
	}
	try {
		const text = await request.text();
		// Inside JSON strings U+0000 can only be written as the escape \u0000, so the slower parse
		// that cleans every string runs only for bodies that contain it.
		return text.includes('\\u0000') ? JSON.parse(text, withoutNulInStrings) : JSON.parse(text);
	} catch {
		error(400, { message: 'The request body is not valid JSON', code: 'request_malformed' });
	}
}

import { error } from '@sveltejs/kit';

/**
 * The request's JSON body. Anything but `application/json` is refused with 415, which also keeps
 * cross-site form posts (which cannot send that type without a preflight) away from JSON endpoints.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
	if (type !== 'application/json') {
		error(415, { message: 'Send JSON (Content-Type: application/json)', code: 'request_not_json' });
	}
	try {
		return await request.json();
	} catch {
		error(400, { message: 'The request body is not valid JSON', code: 'request_malformed' });
	}
}

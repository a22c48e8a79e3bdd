import { testPostgresUrl } from '$lib/server/db/test-database';
import type { AppServer } from '../reliability/processes';

export { startProductionServer, type AppServer } from '../reliability/processes';

export const SESSION_COOKIE = 'argumap_session';

/** Fails clearly when the suite runs without a PostgreSQL server to run on. */
export function requirePostgres(): void {
	if (!testPostgresUrl()) {
		throw new Error(
			'ARGUMAP_TEST_POSTGRES_URL is not set: start one with `bash scripts/postgres-for-tests.sh start`'
		);
	}
}

function sessionCookieOf(response: Response): string | undefined {
	for (const header of response.headers.getSetCookie()) {
		const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(header);
		if (match?.[1]) return `${SESSION_COOKIE}=${match[1]}`;
	}
	return undefined;
}

/** Posts a form action as the browser would (same origin, so the CSRF check passes). */
export function postForm(
	server: AppServer,
	path: string,
	fields: Record<string, string>,
	cookie?: string
): Promise<Response> {
	return fetch(`${server.origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.origin,
			// A browser's plain form post; without it SvelteKit answers as to `use:enhance`.
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

/** Logs in through the form; the session cookie on success. */
export async function logIn(server: AppServer, username: string, password: string) {
	const response = await postForm(server, '/login', { username, password });
	await response.body?.cancel();
	return { status: response.status, cookie: sessionCookieOf(response) };
}

export function getJson(server: AppServer, path: string, cookie?: string): Promise<Response> {
	return fetch(`${server.origin}${path}`, {
		redirect: 'manual',
		headers: cookie ? { cookie } : {}
	});
}

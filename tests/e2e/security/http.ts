import { commentary as sampleText, sampleMap } from '$lib/argument/spec-fixtures';
import { createCommentary } from '$lib/server/commentaries';
import type { AppDatabase } from '$lib/server/db';
import { createMap } from '$lib/server/maps';
import { request as requests, type APIRequestContext, type APIResponse } from '@playwright/test';
import { formHeaders, newAccount, ORIGIN, SESSION_COOKIE, type Account } from '../fixtures';

/** The session token a response sets, or undefined when it sets none (or deletes it). */
export function sessionTokenSetBy(response: APIResponse): string | undefined {
	const header = response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
	const token = header?.slice(SESSION_COOKIE.length + 1).split(';')[0];
	return token ? token : undefined;
}

export function setCookieHeader(response: APIResponse, name: string): string | undefined {
	return response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((value) => value.startsWith(`${name}=`));
}

/**
 * One request, in a fresh context unless one is given, so no cookie from an earlier answer rides
 * along. A given context is for many requests whose answers set no cookie that matters.
 */
export async function send(
	path: string,
	options: {
		method?: string;
		token?: string;
		headers?: Record<string, string>;
		form?: Record<string, string>;
		data?: string | Buffer;
		context?: APIRequestContext;
	} = {}
): Promise<{
	status: number;
	headers: Record<string, string>;
	body: string;
	response: APIResponse;
}> {
	const context = options.context ?? (await requests.newContext({ baseURL: ORIGIN }));
	try {
		const headers: Record<string, string> = { ...options.headers };
		if (options.token) headers.cookie = `${SESSION_COOKIE}=${options.token}`;
		const response = await context.fetch(path, {
			method: options.method ?? 'GET',
			headers,
			maxRedirects: 0,
			...(options.form
				? { data: new URLSearchParams(options.form).toString() }
				: options.data !== undefined
					? { data: options.data }
					: {})
		});
		return {
			status: response.status(),
			headers: response.headers(),
			body: await response.text(),
			response
		};
	} finally {
		if (!options.context) await context.dispose();
	}
}

/** A form POST as a browser sends it from the app's own page. */
export function postForm(path: string, form: Record<string, string>, token?: string) {
	return send(path, { method: 'POST', headers: { ...formHeaders }, form, token });
}

/** Signs up over HTTP and returns the account with the session token the sign-up set. */
export async function signUpByRequest(account: Account = newAccount()) {
	const response = await postForm('/signup', {
		username: account.username,
		displayName: account.displayName,
		email: '',
		password: account.password,
		passwordConfirm: account.password
	});
	const token = sessionTokenSetBy(response.response);
	if (response.status !== 303 || !token) throw new Error(`sign-up failed: ${response.status}`);
	return { account, token };
}

/** Logs in over HTTP, optionally carrying a session cookie set before (the fixation attempt). */
export async function logInByRequest(account: Account, plantedToken?: string) {
	const response = await postForm(
		'/login',
		{ username: account.username, password: account.password },
		plantedToken
	);
	return { status: response.status, token: sessionTokenSetBy(response.response), response };
}

/** Who the server thinks holds `token`: the username on the account page, or null. */
export async function whoIs(token: string): Promise<string | null> {
	const response = await send('/account/export.json', { token });
	if (response.status === 401) return null;
	if (response.status !== 200) throw new Error(`export answered ${response.status}`);
	return (JSON.parse(response.body) as { account: { username: string } }).account.username;
}

export async function userIdOf(db: AppDatabase, username: string): Promise<string> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('username', '=', username)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** A commentary and a map of it owned by the user, made through the data layer in the server's file. */
export async function mapOwnedBy(db: AppDatabase, username: string): Promise<string> {
	const ownerId = await userIdOf(db, username);
	const commentaryId = await createCommentary(db, ownerId, {
		title: 'A commentary',
		author: 'Ada Author',
		outlet: 'Example Times',
		publishedOn: null,
		sourceUrl: null,
		language: 'de',
		body: sampleText
	});
	return createMap(db, { ownerId, commentaryId, title: 'A map', map: sampleMap() });
}

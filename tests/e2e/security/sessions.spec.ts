import { sql } from 'kysely';
import { sessionIdFromToken } from '$lib/server/auth/session';
import type { AppDatabase } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/connection';
import { expect, test } from '@playwright/test';
import { E2E_DATABASE_PATH, newAccount, SESSION_COOKIE } from '../fixtures';
import {
	logInByRequest,
	postForm,
	send,
	sessionTokenSetBy,
	setCookieHeader,
	signUpByRequest,
	whoIs
} from './http';

/**
 * Sessions on the production build over HTTP. Expiry and renewal move the session's clock by
 * rewriting its expiry in the server's SQLite file: the server itself runs on the real clock.
 * The same rules with an injected clock: tests/integration/sessions.spec.ts.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
let db: AppDatabase;

test.beforeAll(() => {
	db = openDatabase(E2E_DATABASE_PATH);
});

test.afterAll(async () => {
	await db.destroy();
});

async function storedExpiry(token: string): Promise<number | undefined> {
	const row = await db
		.selectFrom('sessions')
		.select('expiresAt')
		.where('id', '=', sessionIdFromToken(token))
		.executeTakeFirst();
	return row && Number(row.expiresAt);
}

async function setExpiry(token: string, expiresAt: number) {
	await db
		.updateTable('sessions')
		.set({ expiresAt })
		.where('id', '=', sessionIdFromToken(token))
		.execute();
}

test('fixation: a session cookie set before log-in is replaced and ended, and never becomes the victim’s', async () => {
	const victim = await signUpByRequest();
	const attacker = await signUpByRequest();
	const madeUp = 'abcdefghijklmnopqrstuvwxyz234567';

	expect(await whoIs(attacker.token)).toBe(attacker.account.username);
	for (const planted of [madeUp, attacker.token]) {
		const login = await logInByRequest(victim.account, planted);
		expect(login.status).toBe(303);
		expect(login.token).toBeDefined();
		expect(login.token).not.toBe(planted);
		expect(await whoIs(login.token!)).toBe(victim.account.username);
		// The planted cookie gives the attacker nothing: the session it named has ended.
		expect(await whoIs(planted)).toBeNull();
	}
});

test('the session cookie on the production build: HttpOnly, SameSite=Lax, Path=/, 30 days, 160-bit token', async () => {
	const { token, response } = await logInByRequest((await signUpByRequest()).account);
	const cookie = setCookieHeader(response.response, SESSION_COOKIE)!;
	expect(cookie).toMatch(/;\s*HttpOnly/i);
	expect(cookie).toMatch(/;\s*SameSite=Lax/i);
	expect(cookie).toMatch(/;\s*Path=\//i);
	expect(cookie).not.toMatch(/;\s*Domain=/i);
	const expires = Date.parse(/;\s*Expires=([^;]+)/i.exec(cookie)![1]!);
	expect(Math.abs(expires - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
	expect(token!.length).toBeGreaterThanOrEqual(32);
	// The HTTPS variant (Secure): tests/e2e/secure-cookies.spec.ts.
});

test('an expired session is refused, its cookie deleted and its row removed', async () => {
	const { token, account } = await signUpByRequest();
	expect(await whoIs(token)).toBe(account.username);
	await setExpiry(token, Date.now() - 1000);

	const page = await send('/account', { token });
	expect(page.status).toBe(303);
	expect(page.headers.location).toMatch(/^\/login/);
	const cleared = setCookieHeader(page.response, SESSION_COOKIE);
	expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
	expect(await storedExpiry(token)).toBeUndefined();
	expect(await whoIs(token)).toBeNull();
});

test('sliding renewal: used in its second half, a session runs 30 days again; in its first half it is left alone', async () => {
	const { token, account } = await signUpByRequest();
	const firstHalf = Date.now() + 20 * DAY_MS;
	await setExpiry(token, firstHalf);
	expect(await whoIs(token)).toBe(account.username);
	expect(await storedExpiry(token)).toBe(firstHalf);

	await setExpiry(token, Date.now() + DAY_MS);
	const before = Date.now();
	const renewed = await send('/account', { token });
	expect(renewed.status).toBe(200);
	const expiry = (await storedExpiry(token))!;
	expect(expiry).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
	expect(expiry).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
	const cookie = setCookieHeader(renewed.response, SESSION_COOKIE)!;
	expect(sessionTokenSetBy(renewed.response)).toBe(token);
	const cookieExpiry = Date.parse(/;\s*Expires=([^;]+)/i.exec(cookie)![1]!);
	expect(Math.abs(cookieExpiry - expiry)).toBeLessThan(1000);
});

test('logging out ends the session on the server, not only in the browser', async () => {
	const { token, account } = await signUpByRequest();
	expect(await whoIs(token)).toBe(account.username);
	const logout = await postForm('/logout', {}, token);
	expect(logout.status).toBe(303);
	// Replaying the old cookie (copied before logging out) gets nowhere.
	expect(await whoIs(token)).toBeNull();
	expect(await storedExpiry(token)).toBeUndefined();
});

test('"log out everywhere" ends every session of the account, and no one else’s', async () => {
	const { token: first, account } = await signUpByRequest();
	const second = (await logInByRequest(account)).token!;
	const bystander = await signUpByRequest();

	const response = await postForm('/account?/logoutEverywhere', {}, second);
	expect(response.status).toBe(303);
	expect(await whoIs(first)).toBeNull();
	expect(await whoIs(second)).toBeNull();
	expect(await whoIs(bystander.token)).toBe(bystander.account.username);
});

test('deleting the account ends all of its sessions', async () => {
	const { token: first, account } = await signUpByRequest();
	const second = (await logInByRequest(account)).token!;
	const deleted = await postForm(
		'/account?/delete',
		{ password: account.password, confirm: 'yes' },
		first
	);
	expect(deleted.status).toBe(303);
	expect(deleted.headers.location).toBe('/?account=deleted');
	expect(await whoIs(first)).toBeNull();
	expect(await whoIs(second)).toBeNull();
	const { rows } = await sql<{ count: number }>`
		SELECT count(*) AS count FROM sessions WHERE id IN (${sessionIdFromToken(first)}, ${sessionIdFromToken(second)})
	`.execute(db);
	expect(Number(rows[0]?.count)).toBe(0);
	// And the account cannot log in again.
	expect((await logInByRequest(account)).status).toBe(400);
});

test('changing the password ends the other sessions over HTTP too', async () => {
	const account = newAccount();
	const { token: kept } = await signUpByRequest(account);
	const other = (await logInByRequest(account)).token!;
	const newPassword = `${account.password} neu`;
	const changed = await postForm(
		'/account?/password',
		{ currentPassword: account.password, newPassword, newPasswordConfirm: newPassword },
		kept
	);
	expect(changed.status).toBe(200);
	expect(await whoIs(kept)).toBe(account.username);
	expect(await whoIs(other)).toBeNull();
});

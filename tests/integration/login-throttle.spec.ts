import { describe, expect, it } from 'vitest';
import { attemptLogin } from '$lib/server/auth/login';
import type { AppDatabase } from '$lib/server/db';
import { createTestUser, MINUTE_MS, PASSWORD, T0, useTestDatabase } from './helpers';

const IP = '203.0.113.7';
const OTHER_IP = '198.51.100.23';
const INVALID = { ok: false, code: 'auth_invalid_credentials' };

/** `count` failed log-ins as `username`, one second apart from `start`; each must be an ordinary refusal. */
async function failLogins(
	db: AppDatabase,
	username: string,
	count: number,
	start = T0,
	ip: string | ((attempt: number) => string) = IP
): Promise<void> {
	for (let attempt = 0; attempt < count; attempt++) {
		const address = typeof ip === 'string' ? ip : ip(attempt);
		const result = await attemptLogin(
			db,
			username,
			'wrong password',
			address,
			start + attempt * 1000
		);
		expect(result, `failure ${attempt + 1}`).toStrictEqual(INVALID);
	}
}

async function throttleRows(db: AppDatabase) {
	return db.selectFrom('throttles').selectAll().orderBy('key').execute();
}

describe('attemptLogin', () => {
	const testDb = useTestDatabase();

	it('logs in with the right password, whatever the case of the username', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'Anna');
		expect(await attemptLogin(db, 'Anna', PASSWORD, IP, T0)).toStrictEqual({ ok: true, userId });
		expect(await attemptLogin(db, ' anna ', PASSWORD, IP, T0)).toStrictEqual({ ok: true, userId });
	});

	it('gives an unknown user and a wrong password the identical answer', async () => {
		const { db } = testDb();
		await createTestUser(db, 'anna');
		const unknownUser = await attemptLogin(db, 'nobody', PASSWORD, IP, T0);
		const wrongPassword = await attemptLogin(db, 'anna', 'wrong password', IP, T0);
		expect(unknownUser).toStrictEqual(INVALID);
		expect(wrongPassword).toStrictEqual(unknownUser);
		expect(Object.keys(wrongPassword)).toEqual(Object.keys(unknownUser));
	});

	it('throttles unknown usernames exactly like real accounts', async () => {
		const { db } = testDb();
		await failLogins(db, 'nobody', 10);
		const result = await attemptLogin(db, 'nobody', PASSWORD, IP, T0 + 10_000);
		expect(result).toMatchObject({ ok: false, code: 'auth_too_many_attempts' });
	});

	it('refuses even the right password after 10 failures, until the 15-minute block is over', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		await failLogins(db, 'anna', 10, T0);
		const lastFailure = T0 + 9000;

		const blocked = await attemptLogin(db, 'anna', PASSWORD, IP, lastFailure + 1000);
		expect(blocked.ok).toBe(false);
		if (blocked.ok) return;
		expect(blocked.code).toBe('auth_too_many_attempts');
		expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
		expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

		const almostOver = await attemptLogin(
			db,
			'anna',
			PASSWORD,
			IP,
			lastFailure + 15 * MINUTE_MS - 1000
		);
		expect(almostOver).toStrictEqual({
			ok: false,
			code: 'auth_too_many_attempts',
			retryAfterSeconds: 1
		});

		expect(
			await attemptLogin(db, 'anna', PASSWORD, IP, lastFailure + 15 * MINUTE_MS + 1000)
		).toStrictEqual({
			ok: true,
			userId
		});
	});

	it('does not count attempts refused by the block as new failures', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		await failLogins(db, 'anna', 10, T0);
		const before = await throttleRows(db);
		for (let i = 1; i <= 3; i++) {
			const result = await attemptLogin(db, 'anna', 'wrong password', IP, T0 + 10 * 1000 + i);
			expect(result).toMatchObject({ code: 'auth_too_many_attempts' });
		}
		expect(await throttleRows(db)).toEqual(before);
		expect(await attemptLogin(db, 'anna', PASSWORD, IP, T0 + 9000 + 15 * MINUTE_MS + 1000)).toEqual(
			{
				ok: true,
				userId
			}
		);
	});

	it('keeps the per-account block when the attacker changes IP address or username case', async () => {
		const { db } = testDb();
		await createTestUser(db, 'Anna');
		// Failures spread over two addresses and spellings still count against one account.
		let attempt = 0;
		for (const [username, ip] of [
			['anna', IP],
			['ANNA', OTHER_IP]
		] as const) {
			for (let i = 0; i < 5; i++, attempt++) {
				expect(
					await attemptLogin(db, username, 'wrong password', ip, T0 + attempt * 1000)
				).toStrictEqual(INVALID);
			}
		}
		for (const ip of [IP, OTHER_IP, '192.0.2.200']) {
			expect(await attemptLogin(db, 'Anna', PASSWORD, ip, T0 + 20_000)).toMatchObject({
				ok: false,
				code: 'auth_too_many_attempts'
			});
		}
	});

	it('starts the account counter again after a successful log-in', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		await failLogins(db, 'anna', 9, T0);
		expect(await attemptLogin(db, 'anna', PASSWORD, IP, T0 + 10_000)).toStrictEqual({
			ok: true,
			userId
		});
		expect((await throttleRows(db)).map((row) => row.key)).not.toContain('login:account:anna');

		// Without the reset, this would be failure 10 and block the account.
		await failLogins(db, 'anna', 1, T0 + 11_000);
		expect(await attemptLogin(db, 'anna', PASSWORD, IP, T0 + 12_000)).toStrictEqual({
			ok: true,
			userId
		});
	});

	it('blocks an address after 50 failures across accounts, but not other addresses', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		// Fifty different (unknown) usernames, each far below the per-account limit.
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				attemptLogin(db, `user${i}`, 'wrong password', IP, T0 + i)
			)
		);
		for (const result of results) expect(result).toStrictEqual(INVALID);

		expect(await attemptLogin(db, 'anna', PASSWORD, IP, T0 + 1000)).toMatchObject({
			ok: false,
			code: 'auth_too_many_attempts'
		});
		expect(await attemptLogin(db, 'anna', PASSWORD, OTHER_IP, T0 + 1000)).toStrictEqual({
			ok: true,
			userId
		});
	});

	it('keeps the counters in the database, shared by every app server on the same database', async () => {
		const { db, open } = testDb();
		const userId = await createTestUser(db, 'anna');
		const secondServer = open();
		try {
			// Half the failures reach one server, half the other.
			await failLogins(db, 'anna', 5, T0);
			await failLogins(secondServer, 'anna', 5, T0 + 5000);

			const rows = await throttleRows(secondServer);
			const account = rows.find((row) => row.key === 'login:account:anna');
			expect(account?.failures).toBe(10);
			expect(Number(account?.blockedUntil)).toBeGreaterThan(T0 + 10_000);

			for (const server of [db, secondServer]) {
				expect(await attemptLogin(server, 'anna', PASSWORD, OTHER_IP, T0 + 11_000)).toMatchObject({
					ok: false,
					code: 'auth_too_many_attempts'
				});
			}
			expect(
				await attemptLogin(secondServer, 'anna', PASSWORD, OTHER_IP, T0 + 20 * MINUTE_MS)
			).toStrictEqual({ ok: true, userId });
		} finally {
			await secondServer.destroy();
		}
	});
});

describe('attemptLogin under concurrency', () => {
	const testDb = useTestDatabase();

	it('lets at most 10 of 40 parallel guesses against one account reach the password check', async () => {
		const { db } = testDb();
		await createTestUser(db, 'parallel');
		const results = await Promise.all(
			Array.from({ length: 40 }, () => attemptLogin(db, 'parallel', 'wrong password', IP, T0))
		);
		const checked = results.filter(
			(result) => !result.ok && result.code === 'auth_invalid_credentials'
		);
		const refused = results.filter(
			(result) => !result.ok && result.code === 'auth_too_many_attempts'
		);
		expect(checked).toHaveLength(10);
		expect(refused).toHaveLength(30);
	});

	it('two app servers counting failures on one database at the same moment neither fail nor lose a count', async () => {
		const { db, open } = testDb();
		await createTestUser(db, 'shared');
		const second = open();
		try {
			const results = await Promise.all(
				Array.from({ length: 8 }, (_, i) =>
					attemptLogin(i % 2 ? second : db, 'shared', 'wrong password', IP, T0)
				)
			);
			expect(
				results.every((result) => !result.ok && result.code === 'auth_invalid_credentials')
			).toBe(true);
			const row = await db
				.selectFrom('throttles')
				.select('failures')
				.where('key', '=', 'login:account:shared')
				.executeTakeFirstOrThrow();
			expect(row.failures).toBe(8);
		} finally {
			await second.destroy();
		}
	});

	it('successful log-ins from one school address never add up to a block', async () => {
		const { db } = testDb();
		const names = Array.from({ length: 60 }, (_, i) => `pupil${i}`);
		for (const name of names.slice(0, 3)) await createTestUser(db, name);
		for (let i = 0; i < 60; i++) {
			const result = await attemptLogin(db, names[i % 3]!, PASSWORD, IP, T0 + i * 1000);
			expect(result.ok, `log-in ${i + 1}`).toBe(true);
		}
		// 60 argon2 checks: about a second alone, several on a busy machine.
	}, 20_000);
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	sessionIdFromToken,
	validateSessionToken
} from '$lib/server/auth/session';
import type { AppDatabase } from '$lib/server/db';
import { createTestUser, DAY_MS, T0, useTestDatabase } from './helpers';

async function sessionRows(db: AppDatabase) {
	return db.selectFrom('sessions').selectAll().orderBy('createdAt').execute();
}

async function storedExpiry(db: AppDatabase, sessionId: string): Promise<number | undefined> {
	const row = await db
		.selectFrom('sessions')
		.select('expiresAt')
		.where('id', '=', sessionId)
		.executeTakeFirst();
	return row === undefined ? undefined : Number(row.expiresAt);
}

describe('session tokens', () => {
	it('carry at least 160 random bits in URL-safe base32', () => {
		const tokens = Array.from({ length: 50 }, () => generateSessionToken());
		for (const token of tokens) {
			// Base32 holds 5 bits a character: 32 characters are 160 bits.
			expect(token.length).toBeGreaterThanOrEqual(32);
			expect(token).toMatch(/^[a-z2-7]+$/);
		}
		expect(new Set(tokens).size).toBe(tokens.length);
	});

	it('are identified by their SHA-256 in lower-case hex', () => {
		const token = generateSessionToken();
		expect(sessionIdFromToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
	});
});

describe('sessions in the database', () => {
	const testDb = useTestDatabase();

	it('store only the SHA-256 of the token, never the token', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, T0);

		const rows = await sessionRows(db);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id).toBe(sessionIdFromToken(token));
		expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
		expect(session.id).toBe(sessionIdFromToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		const byToken = await db
			.selectFrom('sessions')
			.select('id')
			.where('id', '=', token)
			.executeTakeFirst();
		expect(byToken).toBeUndefined();
	});

	it('start with a 30-day lifetime', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const session = await createSession(db, generateSessionToken(), userId, T0);
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY_MS);
		expect(session.expiresAt).toBe(T0 + 30 * DAY_MS);
		expect(await storedExpiry(db, session.id)).toBe(T0 + 30 * DAY_MS);
	});

	it('validate to their user, and not for an unknown token', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'Anna');
		await createTestUser(db, 'bernd');
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);

		const result = await validateSessionToken(db, token, T0 + 1000);
		expect(result.user).toEqual({ id: userId, username: 'Anna', displayName: 'Anna Example' });
		expect(result.session).toEqual({
			id: sessionIdFromToken(token),
			userId,
			expiresAt: T0 + 30 * DAY_MS
		});

		expect(await validateSessionToken(db, generateSessionToken(), T0)).toEqual({
			session: null,
			user: null
		});
		// The stored hash is not a token: presenting it as a cookie must not log anyone in.
		expect(await validateSessionToken(db, sessionIdFromToken(token), T0)).toEqual({
			session: null,
			user: null
		});
	});

	it('are invalid once 30 days have passed, and are then deleted', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const token = generateSessionToken();
		const { id } = await createSession(db, token, userId, T0);

		expect(await validateSessionToken(db, token, T0 + 30 * DAY_MS + 1)).toEqual({
			session: null,
			user: null
		});
		expect(await storedExpiry(db, id)).toBeUndefined();
		// Gone for good: not valid again even at a time inside the original lifetime.
		expect((await validateSessionToken(db, token, T0 + DAY_MS)).session).toBeNull();
	});

	it('are invalid at the exact moment they expire', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		expect((await validateSessionToken(db, token, T0 + 30 * DAY_MS)).session).toBeNull();
		expect(await sessionRows(db)).toEqual([]);
	});

	it('are extended to a full 30 days when used in their second half (sliding renewal)', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const token = generateSessionToken();
		const { id } = await createSession(db, token, userId, T0);

		const day20 = T0 + 20 * DAY_MS;
		const renewed = await validateSessionToken(db, token, day20);
		expect(renewed.session?.expiresAt).toBe(day20 + 30 * DAY_MS);
		expect(await storedExpiry(db, id)).toBe(day20 + 30 * DAY_MS);

		// Past the original 30 days, the renewed session still works.
		const day45 = T0 + 45 * DAY_MS;
		expect((await validateSessionToken(db, token, day45)).user?.id).toBe(userId);
	});

	it('are not rewritten when used in their first half', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const token = generateSessionToken();
		const { id } = await createSession(db, token, userId, T0);

		const result = await validateSessionToken(db, token, T0 + 10 * DAY_MS);
		expect(result.session?.expiresAt).toBe(T0 + 30 * DAY_MS);
		expect(await storedExpiry(db, id)).toBe(T0 + 30 * DAY_MS);
		// Not extended, so still over after the original 30 days.
		expect((await validateSessionToken(db, token, T0 + 31 * DAY_MS)).session).toBeNull();
	});

	it('end one at a time with invalidateSession', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const first = generateSessionToken();
		const second = generateSessionToken();
		await createSession(db, first, userId, T0);
		await createSession(db, second, userId, T0);

		await invalidateSession(db, sessionIdFromToken(first));
		expect((await validateSessionToken(db, first, T0)).session).toBeNull();
		expect((await validateSessionToken(db, second, T0)).user?.id).toBe(userId);
		expect((await sessionRows(db)).map((row) => row.id)).toEqual([sessionIdFromToken(second)]);
	});

	it('of one user all end with invalidateUserSessions, except the one to keep', async () => {
		const { db } = testDb();
		const anna = await createTestUser(db, 'anna');
		const bernd = await createTestUser(db, 'bernd');
		const annaTokens = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		for (const token of annaTokens) await createSession(db, token, anna, T0);
		const berndToken = generateSessionToken();
		await createSession(db, berndToken, bernd, T0);

		const [kept, ...others] = annaTokens as [string, ...string[]];
		await invalidateUserSessions(db, anna, sessionIdFromToken(kept));
		expect((await validateSessionToken(db, kept, T0)).user?.id).toBe(anna);
		for (const token of others) {
			expect((await validateSessionToken(db, token, T0)).session).toBeNull();
		}
		expect((await validateSessionToken(db, berndToken, T0)).user?.id).toBe(bernd);

		await invalidateUserSessions(db, anna);
		expect((await validateSessionToken(db, kept, T0)).session).toBeNull();
		expect((await sessionRows(db)).map((row) => row.userId)).toEqual([bernd]);
	});
});

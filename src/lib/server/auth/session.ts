import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import type { AppDatabase } from '../db';
import { randomId } from '../id';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used in its second half is extended to a full lifetime again. */
const RENEW_WITHIN_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'argumap_session';

export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
}

export interface ActiveSession {
	id: string;
	userId: string;
	expiresAt: number;
}

export type SessionValidationResult =
	{ session: ActiveSession; user: SessionUser } | { session: null; user: null };

/** 20 random bytes: 160 bits, as the Lucia guide recommends. */
export function generateSessionToken(): string {
	return randomId(20);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: AppDatabase,
	token: string,
	userId: string,
	now = Date.now()
): Promise<ActiveSession> {
	const session = { id: sessionIdFromToken(token), userId, expiresAt: now + SESSION_LIFETIME_MS };
	await db
		.insertInto('sessions')
		.values({ ...session, createdAt: now })
		.execute();
	return session;
}

export async function validateSessionToken(
	db: AppDatabase,
	token: string,
	now = Date.now()
): Promise<SessionValidationResult> {
	const sessionId = sessionIdFromToken(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.userId')
		.select([
			'sessions.id as sessionId',
			'sessions.expiresAt',
			'users.id as userId',
			'users.username',
			'users.displayName'
		])
		.where('sessions.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return { session: null, user: null };

	const expiresAt = Number(row.expiresAt);
	if (now >= expiresAt) {
		await invalidateSession(db, sessionId);
		return { session: null, user: null };
	}
	const session: ActiveSession = { id: sessionId, userId: row.userId, expiresAt };
	if (now >= expiresAt - RENEW_WITHIN_MS) {
		session.expiresAt = now + SESSION_LIFETIME_MS;
		await db
			.updateTable('sessions')
			.set({ expiresAt: session.expiresAt })
			.where('id', '=', sessionId)
			.execute();
	}
	return {
		session,
		user: { id: row.userId, username: row.username, displayName: row.displayName }
	};
}

export async function invalidateSession(db: AppDatabase, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Deletes the sessions that have expired; they could no longer log anyone in. */
export async function purgeExpiredSessions(db: AppDatabase, now = Date.now()): Promise<number> {
	const result = await db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Ends every session of the user, except `keepSessionId` when given. */
export async function invalidateUserSessions(
	db: AppDatabase,
	userId: string,
	keepSessionId?: string
): Promise<void> {
	let query = db.deleteFrom('sessions').where('userId', '=', userId);
	if (keepSessionId) query = query.where('id', '!=', keepSessionId);
	await query.execute();
}

/**
 * Cookies are `Secure` whenever the app's public origin (ORIGIN) is https. A school server run
 * on plain http inside its network still works; anything public must run behind TLS.
 */
export function isSecureOrigin(url: URL): boolean {
	return url.protocol === 'https:';
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: number,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

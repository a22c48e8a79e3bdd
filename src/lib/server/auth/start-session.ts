import type { Cookies } from '@sveltejs/kit';
import type { AppDatabase } from '../db';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	setSessionCookie
} from './session';

/**
 * A fresh session at every log-in, written to the cookie. A token set before it is never reused,
 * and the session the browser had until now (`previousSessionId`) ends (ASVS 7.2.4).
 */
export async function startSession(
	db: AppDatabase,
	cookies: Cookies,
	userId: string,
	secure: boolean,
	previousSessionId?: string
): Promise<void> {
	if (previousSessionId) await invalidateSession(db, previousSessionId);
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(cookies, token, session.expiresAt, secure);
}

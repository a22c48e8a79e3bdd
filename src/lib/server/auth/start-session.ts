import type { Cookies } from '@sveltejs/kit';
import type { AppDatabase } from '../db';
import { createSession, generateSessionToken, setSessionCookie } from './session';

/** A fresh session at every log-in (never reusing a token set before it), written to the cookie. */
export async function startSession(
	db: AppDatabase,
	cookies: Cookies,
	userId: string,
	secure: boolean
): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(cookies, token, session.expiresAt, secure);
}

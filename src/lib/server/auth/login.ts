import type { AccountErrorCode } from '$lib/account/rules';
import { usernameKey } from '$lib/account/rules';
import type { AppDatabase } from '../db';
import { findUserByUsername } from '../users';
import { verifyAgainstDecoy, verifyPassword } from './password';
import {
	claimAttempts,
	LOGIN_PER_ACCOUNT,
	LOGIN_PER_IP,
	releaseAttempt,
	resetThrottle
} from './throttle';

export type LoginResult =
	{ ok: true; userId: string } | { ok: false; code: AccountErrorCode; retryAfterSeconds?: number };

/**
 * Checks a username and password under the per-account and per-IP throttles.
 * An unknown user and a wrong password give the same code after the same work.
 */
export async function attemptLogin(
	db: AppDatabase,
	username: string,
	password: string,
	clientAddress: string,
	now = Date.now()
): Promise<LoginResult> {
	const accountKey = `login:account:${usernameKey(username.trim())}`;
	const ipKey = `login:ip:${clientAddress}`;
	const claim = await claimAttempts(
		db,
		[
			[accountKey, LOGIN_PER_ACCOUNT],
			[ipKey, LOGIN_PER_IP]
		],
		now
	);
	if (!claim.allowed) {
		return {
			ok: false,
			code: 'auth_too_many_attempts',
			retryAfterSeconds: claim.retryAfterSeconds
		};
	}

	const user = await findUserByUsername(db, username);
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: await verifyAgainstDecoy(password);
	// The attempt already counts as a failure; only a success needs undoing.
	if (!user || !valid) return { ok: false, code: 'auth_invalid_credentials' };
	await resetThrottle(db, accountKey);
	await releaseAttempt(db, ipKey);
	return { ok: true, userId: user.id };
}

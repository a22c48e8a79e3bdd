import type { AccountErrorCode } from '$lib/account/rules';
import { usernameKey } from '$lib/account/rules';
import type { AppDatabase } from '../db';
import { findUserByUsername } from '../users';
import { verifyAgainstDecoy, verifyPassword } from './password';
import {
	checkThrottle,
	LOGIN_PER_ACCOUNT,
	LOGIN_PER_IP,
	recordFailure,
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
	for (const key of [accountKey, ipKey]) {
		const check = await checkThrottle(db, key, now);
		if (!check.allowed) {
			return {
				ok: false,
				code: 'auth_too_many_attempts',
				retryAfterSeconds: check.retryAfterSeconds
			};
		}
	}

	const user = await findUserByUsername(db, username);
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: await verifyAgainstDecoy(password);
	if (!user || !valid) {
		await recordFailure(db, accountKey, LOGIN_PER_ACCOUNT, now);
		await recordFailure(db, ipKey, LOGIN_PER_IP, now);
		return { ok: false, code: 'auth_invalid_credentials' };
	}
	await resetThrottle(db, accountKey);
	return { ok: true, userId: user.id };
}

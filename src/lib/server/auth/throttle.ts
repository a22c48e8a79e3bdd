import type { AppDatabase } from '../db';

export interface ThrottlePolicy {
	/** Failures allowed within `windowMs`; the next attempt is refused. */
	maxFailures: number;
	windowMs: number;
	/** How long attempts stay refused once the limit is reached. */
	blockMs: number;
}

const MINUTE_MS = 60_000;

export const LOGIN_PER_ACCOUNT: ThrottlePolicy = {
	maxFailures: 10,
	windowMs: 15 * MINUTE_MS,
	blockMs: 15 * MINUTE_MS
};

/** Higher than per account: a whole class often shares one school IP address. */
export const LOGIN_PER_IP: ThrottlePolicy = {
	maxFailures: 50,
	windowMs: 15 * MINUTE_MS,
	blockMs: 15 * MINUTE_MS
};

/**
 * Sign-ups per address and hour: room for a whole class signing up together, not for account
 * farms. A school district behind one address can raise it (SIGNUPS_PER_ADDRESS_PER_HOUR).
 */
export const DEFAULT_SIGNUPS_PER_ADDRESS_PER_HOUR = 60;

export function signupPerIp(perHour = DEFAULT_SIGNUPS_PER_ADDRESS_PER_HOUR): ThrottlePolicy {
	return { maxFailures: perHour, windowMs: 60 * MINUTE_MS, blockMs: 60 * MINUTE_MS };
}

let signupPolicy = signupPerIp();

/** Set once at start-up from the environment; the sign-up page asks for it. */
export function configureSignupLimit(perHour: number) {
	signupPolicy = signupPerIp(perHour);
}

export function signupPolicyNow(): ThrottlePolicy {
	return signupPolicy;
}

/** Re-entering the current password to change it or delete the account, per account. */
export const PASSWORD_CHECK_PER_ACCOUNT: ThrottlePolicy = LOGIN_PER_ACCOUNT;

/** Wrong join codes per account: a typo or two, not a search of the code space. */
export const JOIN_CODE_PER_ACCOUNT: ThrottlePolicy = {
	maxFailures: 10,
	windowMs: 15 * MINUTE_MS,
	blockMs: 15 * MINUTE_MS
};

/** Wrong join codes per address, high enough for a class joining from one school network. */
export const JOIN_CODE_PER_IP: ThrottlePolicy = {
	maxFailures: 50,
	windowMs: 15 * MINUTE_MS,
	blockMs: 15 * MINUTE_MS
};

export type ThrottleCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether an attempt under `key` may go ahead now. Counters live in the database, shared by all app servers. */
export async function checkThrottle(
	db: AppDatabase,
	key: string,
	now = Date.now()
): Promise<ThrottleCheck> {
	const row = await db
		.selectFrom('throttles')
		.select('blockedUntil')
		.where('key', '=', key)
		.executeTakeFirst();
	const blockedUntil = row?.blockedUntil == null ? 0 : Number(row.blockedUntil);
	if (blockedUntil > now) {
		return { allowed: false, retryAfterSeconds: Math.ceil((blockedUntil - now) / 1000) };
	}
	return { allowed: true };
}

/**
 * Counts an attempt under `key` *before* it is checked, so parallel requests cannot all slip
 * under the limit. Refused when the key is blocked or this attempt is beyond the limit. The
 * count is one upsert, atomic on SQLite and PostgreSQL alike, so app servers share it.
 */
export async function claimAttempt(
	db: AppDatabase,
	key: string,
	policy: ThrottlePolicy,
	now = Date.now()
): Promise<ThrottleCheck> {
	const blocked = await checkThrottle(db, key, now);
	if (!blocked.allowed) return blocked;
	const row = await db
		.insertInto('throttles')
		.values({
			key,
			failures: 1,
			windowStartedAt: now,
			blockedUntil: policy.maxFailures <= 1 ? now + policy.blockMs : null
		})
		.onConflict((oc) =>
			oc.column('key').doUpdateSet((eb) => {
				const windowOver = eb('throttles.windowStartedAt', '<=', now - policy.windowMs);
				const failures = eb
					.case()
					.when(windowOver)
					.then(1)
					.else(eb('throttles.failures', '+', 1))
					.end();
				return {
					failures,
					windowStartedAt: eb
						.case()
						.when(windowOver)
						.then(now)
						.else(eb.ref('throttles.windowStartedAt'))
						.end(),
					blockedUntil: eb
						.case()
						.when(failures, '>=', policy.maxFailures)
						.then(now + policy.blockMs)
						.else(null)
						.end()
				};
			})
		)
		.returning(['failures', 'blockedUntil'])
		.executeTakeFirstOrThrow();
	if (row.failures > policy.maxFailures) {
		const until = Number(row.blockedUntil ?? now + policy.blockMs);
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
	}
	return { allowed: true };
}

/** Claims an attempt under every key in turn; the first refusal stops and is returned. */
export async function claimAttempts(
	db: AppDatabase,
	claims: ReadonlyArray<readonly [key: string, policy: ThrottlePolicy]>,
	now = Date.now()
): Promise<ThrottleCheck> {
	for (const [key, policy] of claims) {
		const claim = await claimAttempt(db, key, policy, now);
		if (!claim.allowed) return claim;
	}
	return { allowed: true };
}

/**
 * Gives back an attempt claimed for an action that succeeded, so success never adds up to a block.
 * The claim that reached the limit set the block in advance; once it is given back the count is
 * below the limit again, so the block goes too (if it is not, the next claim blocks afresh).
 */
export async function releaseAttempt(db: AppDatabase, key: string): Promise<void> {
	await db
		.updateTable('throttles')
		.set((eb) => ({ failures: eb('failures', '-', 1), blockedUntil: null }))
		.where('key', '=', key)
		.where('failures', '>', 0)
		.execute();
}

/**
 * Deletes counters whose window ended longer ago than the longest window of any policy and which
 * block nothing: the next claim would start them afresh anyway, so nothing is forgotten.
 */
export async function purgeStaleThrottles(db: AppDatabase, now = Date.now()): Promise<number> {
	const longestWindowMs = Math.max(
		...[
			LOGIN_PER_ACCOUNT,
			LOGIN_PER_IP,
			JOIN_CODE_PER_ACCOUNT,
			JOIN_CODE_PER_IP,
			PASSWORD_CHECK_PER_ACCOUNT,
			signupPolicyNow()
		].map((policy) => policy.windowMs)
	);
	const result = await db
		.deleteFrom('throttles')
		.where('windowStartedAt', '<=', now - longestWindowMs)
		.where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<=', now)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function resetThrottle(db: AppDatabase, key: string): Promise<void> {
	await db.deleteFrom('throttles').where('key', '=', key).execute();
}

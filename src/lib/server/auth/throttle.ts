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

export async function recordFailure(
	db: AppDatabase,
	key: string,
	policy: ThrottlePolicy,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('throttles')
			.select(['failures', 'windowStartedAt'])
			.where('key', '=', key)
			.executeTakeFirst();
		const windowOpen = row !== undefined && now - Number(row.windowStartedAt) < policy.windowMs;
		const failures = windowOpen ? row.failures + 1 : 1;
		const values = {
			failures,
			windowStartedAt: windowOpen ? Number(row.windowStartedAt) : now,
			blockedUntil: failures >= policy.maxFailures ? now + policy.blockMs : null
		};
		if (row) {
			await trx.updateTable('throttles').set(values).where('key', '=', key).execute();
		} else {
			await trx
				.insertInto('throttles')
				.values({ key, ...values })
				.execute();
		}
	});
}

export async function resetThrottle(db: AppDatabase, key: string): Promise<void> {
	await db.deleteFrom('throttles').where('key', '=', key).execute();
}

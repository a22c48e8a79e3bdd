import { describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, SESSION_LIFETIME_MS } from '$lib/server/auth/session';
import { claimAttempt, LOGIN_PER_ACCOUNT, signupPerIp } from '$lib/server/auth/throttle';
import type { AppDatabase } from '$lib/server/db';
import { purgeExpiredRows } from '$lib/server/housekeeping';
import { createTestUser, DAY_MS, MINUTE_MS, T0, useTestDatabase } from './helpers';

async function keys(db: AppDatabase, table: 'sessions' | 'throttles') {
	const column = table === 'sessions' ? 'id' : 'key';
	const rows = await db.selectFrom(table).select(column).execute();
	return rows.map((row) => Object.values(row)[0]).sort();
}

describe('housekeeping', () => {
	const database = useTestDatabase();

	it('deletes expired sessions and keeps live ones', async () => {
		const { db } = database();
		const userId = await createTestUser(db, 'ada');
		const old = await createSession(db, generateSessionToken(), userId, T0);
		const live = await createSession(db, generateSessionToken(), userId, T0 + 10 * DAY_MS);
		const now = T0 + SESSION_LIFETIME_MS + DAY_MS;

		expect(await purgeExpiredRows(db, now)).toEqual({ sessions: 1, throttles: 0 });
		expect(await keys(db, 'sessions')).toEqual([live.id]);
		expect(old.id).not.toBe(live.id);
	});

	it('deletes throttle counters whose window is long over, never a running block', async () => {
		const { db } = database();
		const signups = signupPerIp(3);
		await claimAttempt(db, 'login:account:old', LOGIN_PER_ACCOUNT, T0);
		// An hour's window that began at T0 and reached its limit at its end: blocked for an hour more.
		for (const minute of [0, 30, 59]) {
			await claimAttempt(db, 'signup:ip:blocked', signups, T0 + minute * MINUTE_MS);
		}
		await claimAttempt(db, 'login:account:recent', LOGIN_PER_ACCOUNT, T0 + 55 * MINUTE_MS);
		const now = T0 + 62 * MINUTE_MS;

		expect(await purgeExpiredRows(db, now)).toEqual({ sessions: 0, throttles: 1 });
		expect(await keys(db, 'throttles')).toEqual(['login:account:recent', 'signup:ip:blocked']);
		const refused = await claimAttempt(db, 'signup:ip:blocked', signups, now);
		expect(refused.allowed).toBe(false);
	});
});

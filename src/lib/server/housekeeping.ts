import { purgeExpiredSessions } from './auth/session';
import { purgeStaleThrottles } from './auth/throttle';
import type { AppDatabase } from './db';

const HOUR_MS = 60 * 60 * 1000;

/** Removes rows that have stopped meaning anything: expired sessions, stale throttle counters. */
export async function purgeExpiredRows(db: AppDatabase, now = Date.now()) {
	return {
		sessions: await purgeExpiredSessions(db, now),
		throttles: await purgeStaleThrottles(db, now)
	};
}

/**
 * Purges once now and then hourly. Every app server may run it: the deletes are idempotent.
 * The timer does not keep the process alive, and a failed purge is logged and retried later.
 */
export function startHousekeeping(db: AppDatabase, intervalMs = HOUR_MS): () => void {
	const purge = () =>
		purgeExpiredRows(db).catch((error: unknown) => {
			console.error('Housekeeping failed; it runs again within the hour', error);
		});
	void purge();
	const timer = setInterval(purge, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}

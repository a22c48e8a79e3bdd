import { fail, redirect } from '@sveltejs/kit';
import { joinClass } from './classes';
import type { AppDatabase } from './db';

/**
 * The join form's answer, shared by /classes and /join/[code]: the class page once joined,
 * otherwise a failure the form shows, 429 with Retry-After when the throttle refuses, as
 * log-in does.
 */
export async function submitJoinCode(
	db: AppDatabase,
	userId: string,
	code: string,
	clientAddress: string,
	setHeaders: (headers: Record<string, string>) => void
) {
	const result = await joinClass(db, userId, code, clientAddress);
	if (result.ok) redirect(303, `/classes/${result.classId}`);
	if (result.code === 'join_too_many_attempts') {
		setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
		return fail(429, {
			joinError: result.code,
			retryAfterSeconds: result.retryAfterSeconds,
			code
		});
	}
	return fail(400, { joinError: result.code, retryAfterSeconds: undefined, code });
}

import { describe, expect, it } from 'vitest';
import { formatJoinCode } from '$lib/classes/join-code';
import { classRole } from '$lib/server/access';
import { createClass, getClass, joinClass } from '$lib/server/classes';
import type { AppDatabase } from '$lib/server/db';
import { createTestUser, MINUTE_MS, T0, useTestDatabase } from './helpers';

const SCHOOL_IP = '203.0.113.7';
const SPOOFED_IP = '198.51.100.23';
const INVALID = { ok: false, code: 'join_code_invalid' };

async function classWithCode(db: AppDatabase) {
	const teacherId = await createTestUser(db, 'teacher');
	const classId = await createClass(db, teacherId, '10b', T0);
	const details = await getClass(db, classId);
	return { classId, code: details!.joinCode };
}

/** `count` wrong codes from `userId`, one second apart; each must be an ordinary refusal. */
async function guess(db: AppDatabase, userId: string, count: number, ip = SCHOOL_IP, start = T0) {
	for (let attempt = 0; attempt < count; attempt++) {
		const result = await joinClass(db, userId, 'ZZZZ-ZZZZ', ip, start + attempt * 1000);
		expect(result, `guess ${attempt + 1}`).toStrictEqual(INVALID);
	}
}

describe('joinClass throttling', () => {
	const testDb = useTestDatabase();

	it('refuses an account after 10 wrong codes, even the right code and from another address', async () => {
		const { db } = testDb();
		const { classId, code } = await classWithCode(db);
		const studentId = await createTestUser(db, 'guesser');
		await guess(db, studentId, 10);

		const blocked = await joinClass(db, studentId, code, SCHOOL_IP, T0 + 10_000);
		expect(blocked).toMatchObject({ ok: false, code: 'join_too_many_attempts' });
		if (blocked.ok || blocked.code !== 'join_too_many_attempts') return;
		expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
		expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

		// An address the client claims (X-Forwarded-For) would at best change the address key;
		// the account key still refuses.
		expect(await joinClass(db, studentId, code, SPOOFED_IP, T0 + 11_000)).toMatchObject({
			ok: false,
			code: 'join_too_many_attempts'
		});
		expect(await classRole(db, studentId, classId)).toBeUndefined();

		expect(
			await joinClass(db, studentId, formatJoinCode(code), SPOOFED_IP, T0 + 9000 + 16 * MINUTE_MS)
		).toStrictEqual({ ok: true, classId, alreadyMember: false });
		expect(await classRole(db, studentId, classId)).toBe('student');
	});

	it('counts malformed codes too, so guessing cannot skip the throttle', async () => {
		const { db } = testDb();
		const { code } = await classWithCode(db);
		const studentId = await createTestUser(db, 'typist');
		for (let attempt = 0; attempt < 10; attempt++) {
			expect(await joinClass(db, studentId, 'x', SCHOOL_IP, T0 + attempt)).toStrictEqual(INVALID);
		}
		expect(await joinClass(db, studentId, code, SCHOOL_IP, T0 + 100)).toMatchObject({
			code: 'join_too_many_attempts'
		});
	});

	it('does not block a classmate for one account’s guesses', async () => {
		const { db } = testDb();
		const { classId, code } = await classWithCode(db);
		const guesserId = await createTestUser(db, 'guesser');
		const classmateId = await createTestUser(db, 'classmate');
		await guess(db, guesserId, 10);
		expect(await joinClass(db, classmateId, code, SCHOOL_IP, T0 + 20_000)).toStrictEqual({
			ok: true,
			classId,
			alreadyMember: false
		});
	});

	it('blocks an address after 50 wrong codes across accounts, but not other addresses', async () => {
		const { db } = testDb();
		const { classId, code } = await classWithCode(db);
		for (let account = 0; account < 5; account++) {
			const userId = await createTestUser(db, `guesser${account}`);
			await guess(db, userId, 10, SCHOOL_IP, T0 + account * 10_000);
		}
		const newcomerId = await createTestUser(db, 'newcomer');
		expect(await joinClass(db, newcomerId, code, SCHOOL_IP, T0 + 60_000)).toMatchObject({
			ok: false,
			code: 'join_too_many_attempts'
		});
		expect(await joinClass(db, newcomerId, code, SPOOFED_IP, T0 + 61_000)).toStrictEqual({
			ok: true,
			classId,
			alreadyMember: false
		});
	});

	it('never blocks a class joining (and re-joining) from one school address', async () => {
		const { db } = testDb();
		const { classId, code } = await classWithCode(db);
		const pupils = [];
		for (const name of ['pupil1', 'pupil2', 'pupil3']) pupils.push(await createTestUser(db, name));
		// 60 successful joins, more than either limit: success gives its attempt back.
		for (let attempt = 0; attempt < 60; attempt++) {
			const result = await joinClass(db, pupils[attempt % 3]!, code, SCHOOL_IP, T0 + attempt);
			expect(result, `join ${attempt + 1}`).toStrictEqual({
				ok: true,
				classId,
				alreadyMember: attempt >= 3
			});
		}
	});
});

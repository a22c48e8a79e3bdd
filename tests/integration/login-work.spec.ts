import * as argon2 from '@node-rs/argon2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attemptLogin } from '$lib/server/auth/login';
import { createTestUser, PASSWORD, T0, useTestDatabase } from './helpers';

// The library is wrapped, not replaced: every check still runs argon2 for real, and the test
// counts the checks and reads the hashes they ran against. Counting work instead of timing it
// keeps the proof exact on a loaded machine (an end-to-end test only prints the times).
vi.mock('@node-rs/argon2', async (original) => {
	const library = await original<typeof import('@node-rs/argon2')>();
	return { ...library, verify: vi.fn(library.verify) };
});

const verify = vi.mocked(argon2.verify);
const parameters = (hash: string | Uint8Array) => String(hash).split('$').slice(1, 4).join('$');

describe('log-in work for an unknown user', () => {
	const testDb = useTestDatabase();
	afterEach(() => verify.mockClear());

	it('runs one argon2id check of the same cost as for a wrong password', async () => {
		const { db } = testDb();
		await createTestUser(db, 'anna');

		await attemptLogin(db, 'anna', 'wrong password', '203.0.113.7', T0);
		expect(verify).toHaveBeenCalledTimes(1);
		const accountHash = verify.mock.calls[0]![0];

		await attemptLogin(db, 'nobody', 'wrong password', '203.0.113.7', T0);
		expect(verify).toHaveBeenCalledTimes(2);
		const decoyHash = verify.mock.calls[1]![0];

		expect(decoyHash).not.toBe(accountHash);
		expect(parameters(decoyHash)).toBe(parameters(accountHash));
		expect(parameters(accountHash)).toBe('argon2id$v=19$m=19456,t=2,p=1');
		expect(verify.mock.calls.map((call) => call[1])).toEqual(['wrong password', 'wrong password']);
	});

	it('does not check the password twice for a known user who gets it right', async () => {
		const { db } = testDb();
		await createTestUser(db, 'ben');
		expect(await attemptLogin(db, 'ben', PASSWORD, '203.0.113.8', T0)).toMatchObject({ ok: true });
		expect(verify).toHaveBeenCalledTimes(1);
	});
});

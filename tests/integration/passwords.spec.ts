import { describe, expect, it } from 'vitest';
import { checkNewPassword, hashPassword, verifyPassword } from '$lib/server/auth/password';

const UNICODE_PASSWORD = 'Grüße, 世界 🔑 pass';

describe('password hashing', () => {
	it('uses argon2id with 19 MiB, two passes and one lane', async () => {
		const hash = await hashPassword(UNICODE_PASSWORD);
		expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
		expect(hash).not.toContain(UNICODE_PASSWORD);
	});

	it('salts every hash', async () => {
		const [first, second] = await Promise.all([
			hashPassword(UNICODE_PASSWORD),
			hashPassword(UNICODE_PASSWORD)
		]);
		expect(first).not.toBe(second);
	});

	it('verifies any Unicode password and refuses near misses', async () => {
		const hash = await hashPassword(UNICODE_PASSWORD);
		expect(await verifyPassword(hash, UNICODE_PASSWORD)).toBe(true);
		expect(await verifyPassword(hash, 'Grüße, 世界 🔒 pass')).toBe(false);
		expect(await verifyPassword(hash, 'grüße, 世界 🔑 pass')).toBe(false);
		expect(await verifyPassword(hash, `${UNICODE_PASSWORD} `)).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it('treats the NFC and NFD forms of a password as the same password', async () => {
		const nfc = UNICODE_PASSWORD.normalize('NFC');
		const nfd = UNICODE_PASSWORD.normalize('NFD');
		expect(nfd).not.toBe(nfc);

		const [hashFromNfc, hashFromNfd] = await Promise.all([hashPassword(nfc), hashPassword(nfd)]);
		expect(await verifyPassword(hashFromNfc, nfd)).toBe(true);
		expect(await verifyPassword(hashFromNfd, nfc)).toBe(true);
		expect(await verifyPassword(hashFromNfc, nfc)).toBe(true);
	});

	it('answers false, not an exception, for a damaged hash', async () => {
		expect(await verifyPassword('not a hash', UNICODE_PASSWORD)).toBe(false);
		expect(await verifyPassword('', UNICODE_PASSWORD)).toBe(false);
	});
});

describe('checkNewPassword', () => {
	it('counts code points, so 8 emoji are long enough and 7 are not', () => {
		// 8 emoji are 16 UTF-16 units; 7 emoji are 14, which a UTF-16 count would wrongly accept.
		expect(checkNewPassword('🔑🌍🎉🚲🌻🐙🍕🎈')).toBeNull();
		expect(checkNewPassword('🔑🌍🎉🚲🌻🐙🍕')).toBe('account_password_too_short');
		expect(checkNewPassword('Grüße,7')).toBe('account_password_too_short');
		expect(checkNewPassword('sieben7')).toBe('account_password_too_short');
		expect(checkNewPassword('')).toBe('account_password_too_short');
	});

	it('accepts up to 256 code points and refuses 257', () => {
		expect(checkNewPassword('x'.repeat(256))).toBeNull();
		expect(checkNewPassword('x'.repeat(257))).toBe('account_password_too_long');
		// 256 emoji are 512 UTF-16 units, still 256 characters.
		expect(checkNewPassword('🔑'.repeat(256))).toBeNull();
		expect(checkNewPassword('🔑'.repeat(257))).toBe('account_password_too_long');
	});

	it('refuses common passwords regardless of case', () => {
		for (const password of [
			'password1',
			'Password1',
			'PASSWORD1',
			'Passwort',
			'passwort',
			'qwertyuiop',
			'QwErTyUiOp'
		]) {
			expect(checkNewPassword(password), password).toBe('account_password_common');
		}
	});

	it('accepts a long uncommon password without composition rules', () => {
		expect(checkNewPassword(UNICODE_PASSWORD)).toBeNull();
		expect(checkNewPassword('correct horse battery staple')).toBeNull();
		expect(checkNewPassword('alllowercaseletters')).toBeNull();
	});
});

describe('password length in the form that is hashed', () => {
	it('counts a decomposed password by its NFC length, so a 7-character password stays refused', () => {
		expect(checkNewPassword('Grüße!!'.normalize('NFD'))).toBe('account_password_too_short');
		expect(checkNewPassword('Grüße!!!'.normalize('NFD'))).toBeNull();
	});
});

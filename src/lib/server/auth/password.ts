import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPasswordLength, type AccountErrorCode } from '$lib/account/rules';

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

let commonPasswords: Set<string> | undefined;

/** zxcvbn-ts's list of ~49,000 leaked passwords (MIT), loaded on first use. */
function isCommonPassword(password: string): boolean {
	commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
	return commonPasswords.has(password.toLowerCase());
}

/** Length limits and the common-password list; no composition rules (NIST SP 800-63B). */
export function checkNewPassword(password: string): AccountErrorCode | null {
	// Checked in the form that is hashed, so the stored password really meets the limits.
	const normalised = password.normalize('NFC');
	return (
		checkPasswordLength(normalised) ??
		(isCommonPassword(normalised) ? 'account_password_common' : null)
	);
}

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFC'));
	} catch {
		return false;
	}
}

let decoyHash: Promise<string> | undefined;

/** Spends the same work as a real check, so an unknown user answers as slowly as a wrong password. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
	decoyHash ??= hashPassword('decoy password that no account has');
	try {
		await verifyPassword(await decoyHash, password);
	} catch {
		decoyHash = undefined;
	}
	return false;
}

/**
 * Join codes are read aloud, copied from a projector and typed on phones, so the alphabet has
 * no 0/O, 1/I/L or U/V pairs to confuse. 8 characters of 29: about 39 bits, with guessing
 * throttled per account and per address.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** A fresh code from random bytes, rejection-sampled so every character is equally likely. */
export function joinCodeFromRandom(nextByte: () => number): string {
	const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		const byte = nextByte();
		if (byte < limit) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
	}
	return code;
}

/** The code a person typed, as stored (case, spaces and dashes ignored); null if it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
	const cleaned = input
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\-–—_.]/g, '');
	if (cleaned.length !== JOIN_CODE_LENGTH) return null;
	for (const char of cleaned) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
	return cleaned;
}

/** ABCD-EFGH: two groups are easier to read out and to type. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

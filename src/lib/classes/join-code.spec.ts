import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatJoinCode,
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	joinCodeFromRandom,
	normalizeJoinCode
} from './join-code';

function cryptoBytes(): () => number {
	const bytes = new Uint8Array(1);
	return () => crypto.getRandomValues(bytes)[0]!;
}

/** Bytes from a list, in order; running past its end is a test failure. */
function bytesFrom(values: readonly number[]): () => number {
	let index = 0;
	return () => {
		if (index >= values.length) throw new Error('byte source exhausted');
		return values[index++]!;
	};
}

const joinCode = fc
	.array(fc.constantFrom(...JOIN_CODE_ALPHABET), {
		minLength: JOIN_CODE_LENGTH,
		maxLength: JOIN_CODE_LENGTH
	})
	.map((chars) => chars.join(''));

describe('join code alphabet', () => {
	it('has 29 distinct characters and none that are easily confused', () => {
		expect(JOIN_CODE_ALPHABET).toHaveLength(29);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
		for (const confusable of ['0', 'O', '1', 'I', 'L', 'U', 'V']) {
			expect(JOIN_CODE_ALPHABET).not.toContain(confusable);
		}
		expect(JOIN_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
	});
});

describe('joinCodeFromRandom', () => {
	it('makes codes of 8 alphabet characters that do not repeat', () => {
		const codes = Array.from({ length: 5000 }, () => joinCodeFromRandom(cryptoBytes()));
		const wellFormed = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
		expect(codes.filter((code) => !wellFormed.test(code))).toEqual([]);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('skips the bytes that would favour the first characters', () => {
		// 256 = 8 × 29 + 24: the 24 bytes from 232 up would make A..(24th) more likely.
		const code = joinCodeFromRandom(bytesFrom([232, 255, 240, 0, 1, 28, 29, 231, 57, 58, 200]));
		expect(code).toBe(
			[0, 1, 28, 0, 28, 28, 0, 200 % 29].map((index) => JOIN_CODE_ALPHABET[index]).join('')
		);
	});

	it('gives every character the same share of the accepted bytes', () => {
		const everyByte = Array.from({ length: 256 }, (_, byte) => byte);
		const source = bytesFrom([...everyByte, ...everyByte, ...everyByte, ...everyByte]);
		const counts = new Map<string, number>();
		// 232 accepted bytes per pass of 256: 29 codes of 8 characters.
		for (let i = 0; i < 29; i++) {
			for (const char of joinCodeFromRandom(source)) counts.set(char, (counts.get(char) ?? 0) + 1);
		}
		expect(counts.size).toBe(29);
		expect(new Set(counts.values())).toEqual(new Set([8]));
	});
});

describe('normalizeJoinCode', () => {
	it('ignores case, spaces and dashes', () => {
		expect(normalizeJoinCode('abcd 2345')).toBe('ABCD2345');
		expect(normalizeJoinCode('ABCD-2345')).toBe('ABCD2345');
		expect(normalizeJoinCode('  aBcD–2345 ')).toBe('ABCD2345');
		expect(normalizeJoinCode('ab cd-23 45')).toBe('ABCD2345');
	});

	it('refuses wrong lengths and characters outside the alphabet', () => {
		expect(normalizeJoinCode('ABCD234')).toBeNull();
		expect(normalizeJoinCode('ABCD23456')).toBeNull();
		expect(normalizeJoinCode('')).toBeNull();
		expect(normalizeJoinCode('ABCD2340')).toBeNull();
		expect(normalizeJoinCode('ABCD234O')).toBeNull();
		expect(normalizeJoinCode('ABCD2341')).toBeNull();
		expect(normalizeJoinCode('ABCD234L')).toBeNull();
		expect(normalizeJoinCode('ABCD234U')).toBeNull();
		expect(normalizeJoinCode("ABCD';--")).toBeNull();
	});

	it('reads back every formatted code, in any case', () => {
		fc.assert(
			fc.property(joinCode, (code) => {
				expect(formatJoinCode(code)).toMatch(/^.{4}-.{4}$/);
				expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
				expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
			})
		);
	});
});

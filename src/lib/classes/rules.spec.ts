import { describe, expect, it } from 'vitest';
import { CLASS_NAME_MAX_LENGTH, cleanClassName } from './rules';

describe('cleanClassName', () => {
	it('trims the name', () => {
		expect(cleanClassName('  10b Politik \n')).toBe('10b Politik');
	});

	it('refuses a name that is empty after trimming', () => {
		expect(cleanClassName('')).toBeNull();
		expect(cleanClassName(' \t ')).toBeNull();
	});

	it('counts code points, so an emoji counts once', () => {
		const atLimit = '🦉'.repeat(CLASS_NAME_MAX_LENGTH);
		expect(atLimit.length).toBe(2 * CLASS_NAME_MAX_LENGTH);
		expect(cleanClassName(atLimit)).toBe(atLimit);
		expect(cleanClassName(`${atLimit}x`)).toBeNull();
		expect(cleanClassName('x'.repeat(CLASS_NAME_MAX_LENGTH + 1))).toBeNull();
	});
});

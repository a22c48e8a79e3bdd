import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
	it('keeps http and https URLs', () => {
		expect(safeHttpUrl('https://www.stuttgarter-zeitung.de/a?b=1')).toBe(
			'https://www.stuttgarter-zeitung.de/a?b=1'
		);
		expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
	});

	it('refuses script, data and relative URLs', () => {
		for (const value of [
			'javascript:alert(1)',
			' JavaScript:alert(1)',
			'data:text/html,x',
			'/x',
			'',
			null
		]) {
			expect(safeHttpUrl(value)).toBeNull();
		}
	});
});

import { describe, expect, it } from 'vitest';
import { formText, safeRedirectPath } from './form';

describe('formText', () => {
	it('returns strings and turns missing fields and files into empty strings', () => {
		const data = new FormData();
		data.set('name', 'Zoë');
		data.set('upload', new Blob(['x']));
		expect(formText(data, 'name')).toBe('Zoë');
		expect(formText(data, 'upload')).toBe('');
		expect(formText(data, 'missing')).toBe('');
	});

	it('drops U+0000, which PostgreSQL cannot store', () => {
		const data = new FormData();
		data.set('body', 'Waffen\u0000ruhe\u0000');
		expect(formText(data, 'body')).toBe('Waffenruhe');
	});
});

describe('safeRedirectPath', () => {
	it('keeps same-site paths', () => {
		expect(safeRedirectPath('/account?tab=1')).toBe('/account?tab=1');
		expect(safeRedirectPath('/maps/abc#outline')).toBe('/maps/abc#outline');
	});

	it('refuses other sites and schemes', () => {
		for (const value of [
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'https://evil.example',
			'javascript:x',
			'',
			null
		]) {
			expect(safeRedirectPath(value)).toBe('/');
		}
	});
});

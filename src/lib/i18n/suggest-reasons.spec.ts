import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { reasonCodes } from '$lib/suggest/reasons';
import { reasonMessage } from './suggest-reasons';

const defaultGetLocale = getLocale;

describe('reasonMessage', () => {
	afterEach(() => overwriteGetLocale(defaultGetLocale));

	it('translates a connective reason in both languages, with the right quotes', () => {
		const reason = { code: 'claim_conclusion', params: { connective: 'deshalb' } };
		overwriteGetLocale(() => 'de');
		expect(reasonMessage(reason)).toBe('„deshalb“ markiert eine Schlussfolgerung');
		overwriteGetLocale(() => 'en');
		expect(reasonMessage({ ...reason, params: { connective: 'therefore' } })).toBe(
			'“therefore” marks a conclusion'
		);
	});

	it('has a message for every code in both languages', () => {
		for (const locale of ['en', 'de'] as const) {
			overwriteGetLocale(() => locale);
			const texts = reasonCodes.map((code) => reasonMessage({ code, params: { connective: 'X' } }));
			for (const text of texts) expect(text).not.toMatch(/suggest_reason|undefined/);
			expect(new Set(texts).size).toBe(reasonCodes.length);
		}
	});

	it('shows an unknown code as it is', () => {
		expect(reasonMessage({ code: 'no_such_reason' })).toBe('no_such_reason');
	});
});

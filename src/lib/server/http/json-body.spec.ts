import { describe, expect, it } from 'vitest';
import { readJsonBody } from './json-body';

function jsonRequest(body: string): Request {
	return new Request('http://localhost/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
}

describe('readJsonBody', () => {
	it('drops U+0000 from every string, however deep, since PostgreSQL cannot store it', async () => {
		const sent = {
			title: 'Kar\u0000te',
			document: { map: { statements: [{ text: '\u0000Frieden', note: 'a\u0000' }] } },
			revision: 3
		};
		expect(await readJsonBody(jsonRequest(JSON.stringify(sent)))).toEqual({
			title: 'Karte',
			document: { map: { statements: [{ text: 'Frieden', note: 'a' }] } },
			revision: 3
		});
	});

	it('keeps an escaped backslash followed by u0000, which is text, not U+0000', async () => {
		const sent = { path: 'C:\\u0000' };
		expect(await readJsonBody(jsonRequest(JSON.stringify(sent)))).toEqual(sent);
	});
});

import { describe, expect, it } from 'vitest';
import { attachmentHeader, safeFileName } from './download';

describe('safeFileName', () => {
	it('keeps Unicode words and drops separators, quotes and controls', () => {
		expect(safeFileName('Über „Waffenruhe“: ../../etc/passwd\u0000', 'json')).toBe(
			'Über „Waffenruhe“ .. .. etc passwd.json'
		);
		expect(safeFileName('   ', 'svg')).toBe('argumap.svg');
		expect(safeFileName('\u202Egpj.exe', 'svg')).toBe('gpj.exe.svg');
	});
});

describe('attachmentHeader', () => {
	it('gives an ASCII fallback and the exact UTF-8 name', () => {
		expect(attachmentHeader('Karte für Aleppo.svg')).toBe(
			`attachment; filename="Karte fur Aleppo.svg"; filename*=UTF-8''Karte%20f%C3%BCr%20Aleppo.svg`
		);
	});
});

import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs';

describe('splitParagraphs', () => {
	it('splits at blank lines and keeps offsets into the original text', () => {
		const text = 'Erster „Absatz“.\n\n  Zweiter\nmit Zeilenumbruch.\r\n\r\n\r\nDritter';
		const paragraphs = splitParagraphs(text);
		expect(paragraphs.map((p) => p.text)).toEqual([
			'Erster „Absatz“.',
			'Zweiter\nmit Zeilenumbruch.',
			'Dritter'
		]);
		for (const paragraph of paragraphs) {
			expect(text.slice(paragraph.start, paragraph.start + paragraph.text.length)).toBe(
				paragraph.text
			);
		}
	});

	it('returns nothing for blank text', () => {
		expect(splitParagraphs(' \n\n \n')).toEqual([]);
	});
});

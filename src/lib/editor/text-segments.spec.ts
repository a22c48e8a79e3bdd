import { describe, expect, it } from 'vitest';
import type { ArgumentMap, Statement } from '$lib/argument';
import { anchoredParagraphs } from './text-segments';

function statement(id: string, start: number, end: number, text: string): Statement {
	return {
		id,
		text: id,
		role: id === 'c' ? 'main_claim' : 'premise',
		implicit: false,
		anchors: [{ start, end, quote: text.slice(start, end) }],
		note: ''
	};
}

describe('anchoredParagraphs', () => {
	const text = 'Erster Satz „mit Zitat“.\n\nZweiter 🕊️ Satz über Aleppo.';

	it('covers the text exactly and marks the anchored words with their statements', () => {
		const claimStart = text.indexOf('„');
		const claimEnd = text.indexOf('“') + 1;
		const premiseStart = text.indexOf('🕊️');
		const map: ArgumentMap = {
			statements: [
				statement('c', claimStart, claimEnd, text),
				statement('p', premiseStart, text.length - 1, text)
			],
			relations: []
		};
		const paragraphs = anchoredParagraphs(text, map);
		expect(paragraphs).toHaveLength(2);
		for (const paragraph of paragraphs) {
			for (const segment of paragraph.segments) {
				expect(text.slice(segment.start, segment.start + segment.text.length)).toBe(segment.text);
			}
		}
		const anchored = paragraphs.flatMap((p) => p.segments).filter((s) => s.statementIds.length);
		expect(anchored.map((s) => [s.text, s.statementIds, s.role])).toEqual([
			['„mit Zitat“', ['c'], 'main_claim'],
			['🕊️ Satz über Aleppo', ['p'], 'premise']
		]);
	});

	it('splits overlapping anchors into pieces that list every covering statement', () => {
		const map: ArgumentMap = {
			statements: [statement('a', 0, 11, text), statement('b', 7, 16, text)],
			relations: []
		};
		const segments = anchoredParagraphs(text, map)[0]!.segments;
		expect(segments.map((s) => [s.text, s.statementIds])).toEqual([
			['Erster ', ['a']],
			['Satz', ['a', 'b']],
			[' „mit', ['b']],
			[' Zitat“.', []]
		]);
	});

	it('marks the words of suggestions apart from the statements', () => {
		const map: ArgumentMap = { statements: [statement('a', 0, 11, text)], relations: [] };
		const drafts = [{ anchors: [{ start: 7, end: 16, quote: text.slice(7, 16) }] }];
		const segments = anchoredParagraphs(text, map, drafts)[0]!.segments;
		expect(segments.map((s) => [s.text, s.statementIds, s.suggested])).toEqual([
			['Erster ', ['a'], false],
			['Satz', ['a'], true],
			[' „mit', [], true],
			[' Zitat“.', [], false]
		]);
	});
});

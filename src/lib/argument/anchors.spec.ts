import { describe, expect, it } from 'vitest';
import { anchorFromSelection, relocateAnchor, relocateMapAnchors } from './anchors';
import { anchorFor, commentary, deepFreeze, sampleMap } from './spec-fixtures';
import type { Anchor } from './types';

describe('relocateAnchor', () => {
	const quote = '„Sparen ist keine Strategie“, sagt die Ministerin 🙂';

	it('returns the anchor itself while the text still matches', () => {
		const anchor = anchorFor(quote);
		expect(relocateAnchor(anchor, commentary)).toBe(anchor);
	});

	it('follows the quote when text is inserted before it', () => {
		const anchor = anchorFor(quote);
		const preface = '🌍🌍 Vorwort. ';
		expect(preface.length).toBe(14);
		const edited = preface + commentary;
		const relocated = relocateAnchor(anchor, edited);
		expect(relocated).toEqual({ start: anchor.start + 14, end: anchor.end + 14, quote });
		expect(edited.slice(relocated?.start, relocated?.end)).toBe(quote);
	});

	it('picks the occurrence nearest to the old position, the earlier one on a tie', () => {
		const text = 'ja ... ja ... ja ... ja';
		expect(relocateAnchor({ start: 8, end: 10, quote: 'ja' }, text)?.start).toBe(7);
		expect(relocateAnchor({ start: 11, end: 13, quote: 'ja' }, text)?.start).toBe(14);
		expect(relocateAnchor({ start: 100, end: 102, quote: 'ja' }, text)?.start).toBe(21);
		const tie = 'ja..ja';
		expect(relocateAnchor({ start: 2, end: 4, quote: 'ja' }, tie)?.start).toBe(0);
	});

	it('gives up when the quote is gone or empty', () => {
		expect(relocateAnchor(anchorFor(quote), commentary.replace('🙂', '😐'))).toBeNull();
		expect(relocateAnchor({ start: 0, end: 0, quote: '' }, commentary)).toBeNull();
	});
});

describe('relocateMapAnchors', () => {
	it('moves shifted anchors, drops and reports lost ones, and keeps untouched statements', () => {
		const map = deepFreeze(sampleMap());
		const edited = commentary
			.replace(
				'Die Schuldenbremse gehört reformiert.',
				'Die Schuldenbremse gehört endlich reformiert.'
			)
			.replace('Neue Schulden', 'Mehr Schulden');
		const { map: relocated, lost } = relocateMapAnchors(map, edited);

		expect(lost).toEqual([
			{ statementId: 'claim', anchor: anchorFor('Die Schuldenbremse gehört reformiert.') },
			{
				statementId: 'objection',
				anchor: anchorFor('Neue Schulden belasten künftige Generationen.')
			}
		]);
		const byId = new Map(relocated.statements.map((statement) => [statement.id, statement]));
		expect(byId.get('claim')?.anchors).toEqual([]);
		const quoteAnchor = byId.get('quote')?.anchors[0];
		expect(quoteAnchor && edited.slice(quoteAnchor.start, quoteAnchor.end)).toBe(
			quoteAnchor?.quote
		);
		expect(quoteAnchor?.start).toBe(anchorFor(quoteAnchor?.quote ?? '').start + 8);
		expect(byId.get('implicit')).toBe(map.statements[2]);
		expect(relocated.relations).toBe(map.relations);
	});
});

describe('anchorFromSelection', () => {
	const text = 'Er sagt:  „Wir schaffen das“ 🙂\u00a0\n und geht.';

	it('trims whitespace, including no-break spaces and line breaks, at both ends', () => {
		const anchor = anchorFromSelection(text, 8, 34);
		expect(anchor).toEqual({ start: 10, end: 31, quote: '„Wir schaffen das“ 🙂' });
	});

	it('accepts a backwards selection and clamps offsets to the text', () => {
		expect(anchorFromSelection(text, 34, 8)).toEqual(anchorFromSelection(text, 8, 34));
		expect(anchorFromSelection(text, -5, 2)).toEqual({ start: 0, end: 2, quote: 'Er' });
		expect(anchorFromSelection(text, 34, 999)?.quote).toBe('und geht.');
	});

	it('widens a range that would split an emoji in half', () => {
		const emoji = text.indexOf('🙂');
		expect(anchorFromSelection(text, emoji + 1, emoji + 1)).toEqual({
			start: emoji,
			end: emoji + 2,
			quote: '🙂'
		});
		expect(anchorFromSelection(text, text.indexOf('das'), emoji + 1)?.quote).toBe('das“ 🙂');
	});

	it('returns null for an empty or whitespace-only selection', () => {
		const nothing: (Anchor | null)[] = [
			anchorFromSelection(text, 4, 4),
			anchorFromSelection(text, 8, 10),
			anchorFromSelection(text, 31, 34),
			anchorFromSelection('', 0, 0),
			anchorFromSelection(text, Number.NaN, 3)
		];
		expect(nothing).toEqual([null, null, null, null, null]);
	});
});

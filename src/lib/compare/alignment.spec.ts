import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { ALIGNMENT_THRESHOLD, alignMaps, anchorOverlap, suggestSameClaims } from './alignment';
import {
	anchored,
	anchorFor,
	commentary,
	range,
	sampleMap,
	statement,
	withPrefixedIds
} from './spec-fixtures';

const mapOf = (...statements: ArgumentMap['statements']): ArgumentMap => ({
	statements,
	relations: []
});

describe('anchorOverlap', () => {
	it('divides the shared length by the shorter span', () => {
		const short = anchored('a', 'premise', '', range(0, 10));
		const long = anchored('b', 'premise', '', range(5, 25));
		expect(anchorOverlap(short, long).ratio).toBe(0.5);
		expect(anchorOverlap(long, short).ratio).toBe(0.5);
		expect(anchorOverlap(short, short).ratio).toBe(1);
		expect(anchorOverlap(short, anchored('c', 'premise', '', range(10, 20))).ratio).toBe(0);
	});

	it('merges a statement’s overlapping anchors before measuring', () => {
		const split = anchored('a', 'premise', '', range(0, 6), range(4, 10), range(20, 30));
		const whole = anchored('b', 'premise', '', range(0, 10));
		// Spans of a: [0, 10) and [20, 30), 20 long; b is the shorter one, covered completely.
		expect(anchorOverlap(split, whole)).toEqual({
			ratio: 1,
			shared: [{ start: 0, end: 10, quote: 'x'.repeat(10) }]
		});
	});

	it('is 0 when either statement has no anchor', () => {
		const unanchored = statement('a', 'premise', { implicit: true });
		expect(anchorOverlap(unanchored, anchored('b', 'premise', '', range(0, 10)))).toEqual({
			ratio: 0,
			shared: []
		});
		expect(anchorOverlap(unanchored, unanchored).ratio).toBe(0);
	});

	it('reports the shared text with its offsets', () => {
		const claim = anchored('a', 'main_claim', '', anchorFor('Die Schuldenbremse gehört'));
		const wider = anchored('b', 'main_claim', '', anchorFor('Schuldenbremse gehört reformiert.'));
		const start = commentary.indexOf('Schuldenbremse');
		expect(anchorOverlap(claim, wider).shared).toEqual([
			{ start, end: start + 'Schuldenbremse gehört'.length, quote: 'Schuldenbremse gehört' }
		]);
	});
});

describe('alignMaps', () => {
	it('aligns at exactly half of the shorter span, and not below', () => {
		expect(ALIGNMENT_THRESHOLD).toBe(0.5);
		const a = mapOf(anchored('a', 'premise', '', range(0, 10)));
		const half = mapOf(anchored('b', 'premise', '', range(5, 25)));
		const lessThanHalf = mapOf(anchored('b', 'premise', '', range(6, 25)));
		expect(alignMaps(a, half)).toMatchObject([{ aId: 'a', bId: 'b', overlap: 0.5 }]);
		expect(alignMaps(a, lessThanHalf)).toEqual([]);
	});

	it('pairs each statement once, the largest overlap first', () => {
		const a = mapOf(
			anchored('a1', 'premise', '', range(0, 10)),
			anchored('a2', 'premise', '', range(0, 16))
		);
		// a1–b1 overlap 1.0, a2–b1 1.0 too but a1 comes first; a2–b2 0.6, a1–b2 0.6 is taken.
		const b = mapOf(
			anchored('b1', 'premise', '', range(0, 10)),
			anchored('b2', 'premise', '', range(6, 26))
		);
		expect(alignMaps(a, b).map(({ aId, bId }) => [aId, bId])).toEqual([
			['a1', 'b1'],
			['a2', 'b2']
		]);
	});

	it('breaks a tie in overlap by text similarity', () => {
		const a = mapOf(anchored('a', 'premise', 'Die Waffenruhe hält', range(0, 10)));
		const b = mapOf(
			anchored('other', 'premise', 'Die Brücken verfallen', range(0, 10)),
			anchored('same', 'premise', 'Die Waffenruhen halten', range(0, 10))
		);
		expect(alignMaps(a, b, { language: 'de' })).toMatchObject([
			{ aId: 'a', bId: 'same', basis: 'anchors', overlap: 1 }
		]);
	});

	it('pairs statements without anchors only when their texts are alike', () => {
		const a = mapOf(
			statement('a1', 'premise', { text: 'Der Staat soll investieren.', implicit: true }),
			statement('a2', 'premise', { text: 'Schulden sind schlecht.', implicit: true })
		);
		const b = mapOf(
			statement('b1', 'premise', { text: 'Der Staat sollte investieren!', implicit: true })
		);
		expect(alignMaps(a, b, { language: 'de' })).toMatchObject([
			{ aId: 'a1', bId: 'b1', basis: 'text', overlap: 0, textScore: 1 }
		]);
	});

	it('aligns a map with a copy of itself statement by statement, whatever the ids', () => {
		const pairs = alignMaps(sampleMap(), withPrefixedIds(sampleMap(), 'b-'), { language: 'de' });
		expect(pairs.map(({ aId, bId }) => [aId, bId])).toEqual(
			sampleMap().statements.map(({ id }) => [id, `b-${id}`])
		);
	});

	it('aligns nothing in empty maps', () => {
		expect(alignMaps(mapOf(), mapOf())).toEqual([]);
		expect(alignMaps(sampleMap(), mapOf())).toEqual([]);
	});
});

describe('suggestSameClaims', () => {
	const a = mapOf(anchored('ceasefire', 'main_claim', 'Die Waffenruhe muss halten.'));
	const b = mapOf(
		anchored('unrelated', 'premise', 'Steuern sollen sinken.'),
		anchored('partly', 'premise', 'Die Waffenruhe ist gescheitert.'),
		anchored('same', 'main_claim', 'Waffenruhen müssen halten!')
	);

	it('ranks by text similarity and leaves out pairs with nothing in common', () => {
		const suggestions = suggestSameClaims(a, b, { languageA: 'de', languageB: 'de' });
		expect(suggestions.map((suggestion) => suggestion.bId)).toEqual(['same', 'partly']);
		expect(suggestions[0]).toMatchObject({
			aId: 'ceasefire',
			score: 1,
			textScore: 1,
			overlap: 0,
			reasons: [
				{
					kind: 'shared_words',
					words: [
						{ stem: 'waffenruh', wordA: 'Waffenruhe', wordB: 'Waffenruhen' },
						{ stem: 'halt', wordA: 'halten', wordB: 'halten' }
					]
				}
			]
		});
		expect(suggestions[1]?.score).toBeLessThan(1);
	});

	it('leaves out pairs already linked and pairs below the minimum score', () => {
		const linked = [{ aId: 'ceasefire', bId: 'same' }];
		expect(
			suggestSameClaims(a, b, { languageA: 'de', languageB: 'de', linked }).map((s) => s.bId)
		).toEqual(['partly']);
		expect(
			suggestSameClaims(a, b, { languageA: 'de', languageB: 'de', minScore: 0.9 }).map((s) => s.bId)
		).toEqual(['same']);
	});

	it('adds anchor overlap for maps of one commentary, with the shared span as a reason', () => {
		const quote = 'Neue Schulden belasten künftige Generationen.';
		const student = mapOf(anchored('s', 'objection', 'Kredite sind unfair.', anchorFor(quote)));
		const reference = mapOf(
			anchored('wording', 'objection', 'Kredite sind unfair gegenüber Jüngeren.'),
			anchored('span', 'objection', 'Die Jungen zahlen die Zeche.', anchorFor(quote))
		);
		const byText = suggestSameClaims(student, reference, { languageA: 'de', languageB: 'de' });
		expect(byText.map((s) => s.bId)).toEqual(['wording']);

		const both = suggestSameClaims(student, reference, {
			languageA: 'de',
			languageB: 'de',
			sameCommentary: true
		});
		expect(both.map((s) => s.bId)).toEqual(['span', 'wording']);
		const start = commentary.indexOf(quote);
		expect(both[0]).toMatchObject({
			score: 1,
			overlap: 1,
			reasons: [{ kind: 'shared_span', start, end: start + quote.length, quote }]
		});
	});

	it('ranks a pair with both signals above a pair with one, ties in map order', () => {
		const student = mapOf(
			anchored('s', 'main_claim', 'Die Schuldenbremse reformieren!', range(0, 20))
		);
		const reference = mapOf(
			anchored('spanOnly', 'main_claim', 'Reform jetzt.', range(10, 30)),
			anchored('both', 'main_claim', 'Die Schuldenbremse gehört reformiert.', range(10, 30)),
			anchored('tie', 'main_claim', 'Neue Regeln für Kredite.', range(10, 30))
		);
		const suggestions = suggestSameClaims(student, reference, {
			languageA: 'de',
			languageB: 'de',
			sameCommentary: true
		});
		expect(suggestions.map((s) => s.bId)).toEqual(['both', 'spanOnly', 'tie']);
		expect(suggestions.map((s) => s.overlap)).toEqual([0.5, 0.5, 0.5]);
		expect(suggestions[0]?.score).toBeGreaterThan(0.5);
		// Neither shares a word: equal scores, so map order decides.
		expect(suggestions[1]?.score).toBe(0.5);
		expect(suggestions[2]?.score).toBe(0.5);
	});

	it('suggests nothing for empty maps', () => {
		expect(suggestSameClaims(mapOf(), b)).toEqual([]);
		expect(suggestSameClaims(a, mapOf())).toEqual([]);
	});

	it('with a limit, gives exactly the best of the full ranking', () => {
		// Many statements over few words: many pairs, many equal scores for the tie-breaks to order.
		const words = ['Waffenruhe', 'Aleppo', 'Rebellen', 'Regierung', 'hält', 'bricht', 'Hilfe'];
		const many = (prefix: string, shift: number): ArgumentMap => ({
			statements: Array.from({ length: 120 }, (_, index) =>
				statement(`${prefix}${index}`, 'premise', {
					text: [0, 1, 2].map((k) => words[(index * (k + shift)) % words.length]).join(' '),
					anchors: [range(index * 10, index * 10 + 8 + (index % 5) * 4)]
				})
			),
			relations: []
		});
		const options = { languageA: 'de', languageB: 'de', sameCommentary: true } as const;
		const all = suggestSameClaims(many('a', 1), many('b', 2), options);
		expect(all.length).toBeGreaterThan(2000);
		for (const limit of [1, 60, 1500]) {
			expect(suggestSameClaims(many('a', 1), many('b', 2), { ...options, limit })).toEqual(
				all.slice(0, limit)
			);
		}
	});
});

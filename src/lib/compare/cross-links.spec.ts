import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import {
	COMPARISON_LIMITS,
	linkBadges,
	liveLinks,
	parseCrossLinks,
	withLink,
	withoutLink,
	type CrossLink
} from './cross-links';

function mapOf(...ids: string[]): ArgumentMap {
	return {
		statements: ids.map((id) => ({
			id,
			text: id,
			role: 'premise',
			implicit: true,
			anchors: [],
			note: ''
		})),
		relations: []
	};
}

const A = mapOf('a1', 'a2');
const B = mapOf('b1', 'b2');
const same = (aId: string, bId: string): CrossLink => ({
	aId,
	bId,
	kind: 'same_claim',
	direction: 'a_to_b'
});

describe('cross-map links', () => {
	it('keep one link per pair of statements, the newest kind winning', () => {
		const contradicts: CrossLink = { ...same('a1', 'b1'), kind: 'contradicts' };
		const links = withLink(
			withLink([same('a1', 'b1'), same('a2', 'b2')], contradicts),
			same('a2', 'b1')
		);
		expect(links).toEqual([same('a2', 'b2'), contradicts, same('a2', 'b1')]);
		expect(withoutLink(links, { aId: 'a2', bId: 'b2' })).toEqual([contradicts, same('a2', 'b1')]);
	});

	it('store symmetric kinds in one direction so equal links compare equal', () => {
		expect(withLink([], { ...same('a1', 'b1'), direction: 'b_to_a' })).toEqual([same('a1', 'b1')]);
		const backwards: CrossLink = { aId: 'a1', bId: 'b1', kind: 'supports', direction: 'b_to_a' };
		expect(withLink([], backwards)).toEqual([backwards]);
	});

	it('number matching badges on both ends, several on a statement with several links', () => {
		const { a, b } = linkBadges([same('a1', 'b1'), same('a1', 'b2'), same('a2', 'b2')]);
		expect([...a]).toEqual([
			['a1', [1, 2]],
			['a2', [3]]
		]);
		expect([...b]).toEqual([
			['b1', [1]],
			['b2', [2, 3]]
		]);
	});

	it('set aside links whose statement a later edit removed', () => {
		expect(liveLinks([same('a1', 'b1'), same('gone', 'b2'), same('a2', 'gone')], A, B)).toEqual({
			live: [same('a1', 'b1')],
			dangling: 2
		});
	});

	describe('parsing what a client sent', () => {
		it('accepts links between statements of the two maps, direction defaulting to A to B', () => {
			expect(parseCrossLinks([{ aId: 'a1', bId: 'b2', kind: 'contradicts' }], A, B)).toEqual({
				ok: true,
				links: [{ aId: 'a1', bId: 'b2', kind: 'contradicts', direction: 'a_to_b' }]
			});
			expect(parseCrossLinks([], A, B)).toEqual({ ok: true, links: [] });
		});

		it.each([
			['not a list', { aId: 'a1' }],
			['null in the list', [null]],
			['an unknown kind', [{ aId: 'a1', bId: 'b1', kind: 'agrees' }]],
			['an unknown direction', [{ aId: 'a1', bId: 'b1', kind: 'supports', direction: 'up' }]],
			['an id that is no id', [{ aId: 'a 1', bId: 'b1', kind: 'same_claim' }]],
			['a statement of the wrong map', [{ aId: 'b1', bId: 'a1', kind: 'same_claim' }]],
			['a statement of neither map', [{ aId: 'a1', bId: 'b9', kind: 'same_claim' }]],
			[
				'two links between one pair',
				[same('a1', 'b1'), { ...same('a1', 'b1'), kind: 'contradicts' }]
			]
		])('refuses %s', (_, input) => {
			expect(parseCrossLinks(input, A, B)).toEqual({
				ok: false,
				problem: 'comparison_links_invalid'
			});
		});

		it('refuses more links than a comparison may hold', () => {
			const tooMany = Array.from({ length: COMPARISON_LIMITS.links + 1 }, () => same('a1', 'b1'));
			expect(parseCrossLinks(tooMany, A, B)).toEqual({
				ok: false,
				problem: 'comparison_links_too_many'
			});
		});
	});
});

import { describe, expect, it } from 'vitest';
import type { CrossLink } from './cross-links';
import {
	choiceOfLink,
	LINK_CHOICES,
	linkFromChoice,
	openSuggestions,
	sameLinks
} from './link-list';

const sameClaim = (aId: string, bId: string): CrossLink => ({
	aId,
	bId,
	kind: 'same_claim',
	direction: 'a_to_b'
});

describe('link choices', () => {
	it('turn into links and back, supports keeping its direction', () => {
		for (const choice of LINK_CHOICES) {
			expect(choiceOfLink(linkFromChoice('a1', 'b1', choice))).toBe(choice);
		}
		expect(linkFromChoice('a1', 'b1', 'supports_b_to_a')).toEqual({
			aId: 'a1',
			bId: 'b1',
			kind: 'supports',
			direction: 'b_to_a'
		});
		expect(linkFromChoice('a1', 'b1', 'contradicts').direction).toBe('a_to_b');
	});
});

describe('sameLinks', () => {
	it('compares pairs, kinds, directions and order', () => {
		const one = sameClaim('a1', 'b1');
		const two = sameClaim('a2', 'b2');
		expect(sameLinks([one, two], [{ ...one }, { ...two }])).toBe(true);
		expect(sameLinks([one, two], [two, one])).toBe(false);
		expect(sameLinks([one], [{ ...one, kind: 'contradicts' }])).toBe(false);
		expect(sameLinks([one], [one, two])).toBe(false);
		expect(
			sameLinks(
				[linkFromChoice('a1', 'b1', 'supports_a_to_b')],
				[linkFromChoice('a1', 'b1', 'supports_b_to_a')]
			)
		).toBe(false);
	});
});

describe('openSuggestions', () => {
	it('hides pairs linked by any kind and rejected pairs, keeping the ranking', () => {
		const suggestions = [
			{ aId: 'a1', bId: 'b1' },
			{ aId: 'a2', bId: 'b2' },
			{ aId: 'a1', bId: 'b2' },
			{ aId: 'a3', bId: 'b3' }
		];
		const open = openSuggestions(
			suggestions,
			[{ aId: 'a2', bId: 'b2', kind: 'contradicts', direction: 'a_to_b' }],
			new Set(['a3 b3'])
		);
		expect(open).toEqual([
			{ aId: 'a1', bId: 'b1' },
			{ aId: 'a1', bId: 'b2' }
		]);
	});
});

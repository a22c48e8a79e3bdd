import type { SameClaimSuggestion } from './alignment';
import {
	linkKey,
	type CrossLink,
	type CrossLinkDirection,
	type CrossLinkKind
} from './cross-links';

/** The kinds a reader picks from when linking by hand; `supports` comes in both directions. */
export const LINK_CHOICES = [
	'same_claim',
	'contradicts',
	'supports_a_to_b',
	'supports_b_to_a'
] as const;
export type LinkChoice = (typeof LINK_CHOICES)[number];

export function linkFromChoice(aId: string, bId: string, choice: LinkChoice): CrossLink {
	const [kind, direction]: [CrossLinkKind, CrossLinkDirection] =
		choice === 'supports_a_to_b'
			? ['supports', 'a_to_b']
			: choice === 'supports_b_to_a'
				? ['supports', 'b_to_a']
				: [choice, 'a_to_b'];
	return { aId, bId, kind, direction };
}

export function choiceOfLink(link: CrossLink): LinkChoice {
	if (link.kind !== 'supports') return link.kind;
	return link.direction === 'a_to_b' ? 'supports_a_to_b' : 'supports_b_to_a';
}

/** Same links in the same order: the order numbers the badges, so it is part of what is saved. */
export function sameLinks(a: readonly CrossLink[], b: readonly CrossLink[]): boolean {
	return (
		a.length === b.length &&
		a.every((link, index) => {
			const other = b[index]!;
			return (
				linkKey(link) === linkKey(other) &&
				link.kind === other.kind &&
				link.direction === other.direction
			);
		})
	);
}

/** The suggestions still open: neither linked already (by any kind) nor rejected. */
export function openSuggestions<S extends Pick<SameClaimSuggestion, 'aId' | 'bId'>>(
	suggestions: readonly S[],
	links: readonly CrossLink[],
	rejected: ReadonlySet<string>
): S[] {
	const linked = new Set(links.map(linkKey));
	return suggestions.filter((suggestion) => {
		const key = linkKey(suggestion);
		return !linked.has(key) && !rejected.has(key);
	});
}

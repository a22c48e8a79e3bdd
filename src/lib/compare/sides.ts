import type { CrossLink } from '$lib/compare/cross-links';

/** The two maps of a comparison: A on the left (or on top), B on the right. */
export type Side = 'a' | 'b';

export function otherSide(side: Side): Side {
	return side === 'a' ? 'b' : 'a';
}

/** The end of a link in the map on `side`. */
export function linkEnd(link: CrossLink, side: Side): string {
	return side === 'a' ? link.aId : link.bId;
}

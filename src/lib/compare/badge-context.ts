import { createContext } from 'svelte';

/** The numbered cross-map link badges of one pane's map, for its graph and outline to draw. */
export interface LinkBadgesView {
	/** Link numbers per statement id; a statement with several links has several. */
	readonly badges: ReadonlyMap<string, readonly number[]>;
}

const [getLinkBadgesContext, setLinkBadgesContext, hasLinkBadgesContext] =
	createContext<LinkBadgesView>();

/** The pane's link badges, or null outside a comparison. */
export function linkBadgesContext(): LinkBadgesView | null {
	return hasLinkBadgesContext() ? getLinkBadgesContext() : null;
}

export { setLinkBadgesContext };

import type { ArgumentMap } from '$lib/argument';
import type { MapCommentary } from '$lib/maps/map-json';
import type { MapAgreement } from './agreement';
import type { SameClaimSuggestion } from './alignment';
import type { CrossLink } from './cross-links';
import type { MapSummary } from './summary';

/*
 * The compare view's data, types only: the browser imports these without pulling in the
 * stemmers, which analysis.ts (server-side) uses.
 */

/** One side of a comparison, as the compare view shows it. */
export interface ComparedMap {
	id: string;
	title: string;
	ownerName: string | null;
	/** The reader may open the map's own page (a shared comparison alone does not grant that). */
	openable: boolean;
	map: ArgumentMap;
	commentary: Omit<MapCommentary, 'id'>;
}

export interface ComparisonAnalysis {
	/** Both maps are of one commentary: anchors are compared and the agreement is scored. */
	sameCommentary: boolean;
	suggestions: SameClaimSuggestion[];
	agreement: MapAgreement | null;
	summaries: { a: MapSummary; b: MapSummary };
}

/** A saved comparison: its own object with a title, a note and the links. */
export interface SavedComparison {
	id: string;
	title: string;
	note: string;
	links: CrossLink[];
	/** Saved links whose statement was later removed from its map; not shown. */
	danglingLinks: number;
	ownerName: string | null;
	/** The reader owns it: may edit, delete and share it. */
	owner: boolean;
}

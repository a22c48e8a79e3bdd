/**
 * How large a saved comparison may be. Kept apart from cross-links.ts (which needs zod) so the
 * error messages, bundled on every page, can name the limits without pulling in a schema library.
 */
export const COMPARISON_LIMITS = {
	title: 200,
	note: 5_000,
	links: 1_000
} as const;

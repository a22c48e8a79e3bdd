import { isValidId } from '$lib/argument/limits';
import type { ArgumentMap } from '$lib/argument/types';
import { COMPARISON_LIMITS } from './limits';

export { COMPARISON_LIMITS };

/**
 * Links between the statements of two maps in a comparison. A link always names a statement of
 * map A (`aId`) and one of map B (`bId`); `supports` also says which way the support runs.
 */
export const CROSS_LINK_KINDS = ['same_claim', 'contradicts', 'supports'] as const;
export type CrossLinkKind = (typeof CROSS_LINK_KINDS)[number];
export type CrossLinkDirection = 'a_to_b' | 'b_to_a';

export interface CrossLink {
	aId: string;
	bId: string;
	kind: CrossLinkKind;
	/** Only meaningful for `supports`; symmetric kinds are always stored `a_to_b`. */
	direction: CrossLinkDirection;
}

const DIRECTIONS: readonly CrossLinkDirection[] = ['a_to_b', 'b_to_a'];

/** A link as a client sent it: two valid ids, a known kind, and a direction if any. */
function readLink(value: unknown): CrossLink | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const { aId, bId, kind, direction = 'a_to_b' } = value as Record<string, unknown>;
	if (typeof aId !== 'string' || !isValidId(aId) || typeof bId !== 'string' || !isValidId(bId)) {
		return undefined;
	}
	if (!CROSS_LINK_KINDS.includes(kind as CrossLinkKind)) return undefined;
	if (!DIRECTIONS.includes(direction as CrossLinkDirection)) return undefined;
	return { aId, bId, kind: kind as CrossLinkKind, direction: direction as CrossLinkDirection };
}

/** Symmetric kinds have one direction, so equal links compare equal. */
export function normalizeLink(link: CrossLink): CrossLink {
	return link.kind === 'supports' ? link : { ...link, direction: 'a_to_b' };
}

/** One link per pair of statements: a pair is the same claim, or contradicts, or supports. */
export function linkKey(link: Pick<CrossLink, 'aId' | 'bId'>): string {
	// Ids cannot contain a space (ID_PATTERN), so the key is unambiguous.
	return `${link.aId} ${link.bId}`;
}

/** Adds a link, replacing any link between the same two statements. */
export function withLink(links: readonly CrossLink[], link: CrossLink): CrossLink[] {
	const key = linkKey(link);
	return [...links.filter((existing) => linkKey(existing) !== key), normalizeLink(link)];
}

export function withoutLink(links: readonly CrossLink[], pair: Pick<CrossLink, 'aId' | 'bId'>) {
	const key = linkKey(pair);
	return links.filter((existing) => linkKey(existing) !== key);
}

export type CrossLinksProblem = 'comparison_links_invalid' | 'comparison_links_too_many';

/** Parses links sent by a client: well-formed, one per pair, each end a statement of its map. */
export function parseCrossLinks(
	input: unknown,
	a: ArgumentMap,
	b: ArgumentMap
): { ok: true; links: CrossLink[] } | { ok: false; problem: CrossLinksProblem } {
	if (!Array.isArray(input)) return { ok: false, problem: 'comparison_links_invalid' };
	if (input.length > COMPARISON_LIMITS.links) {
		return { ok: false, problem: 'comparison_links_too_many' };
	}
	const links = input.map(readLink);
	if (links.some((link) => link === undefined)) {
		return { ok: false, problem: 'comparison_links_invalid' };
	}
	const idsA = new Set(a.statements.map((statement) => statement.id));
	const idsB = new Set(b.statements.map((statement) => statement.id));
	const seen = new Set<string>();
	for (const link of links as CrossLink[]) {
		if (!idsA.has(link.aId) || !idsB.has(link.bId)) {
			return { ok: false, problem: 'comparison_links_invalid' };
		}
		const key = linkKey(link);
		if (seen.has(key)) return { ok: false, problem: 'comparison_links_invalid' };
		seen.add(key);
	}
	return { ok: true, links: (links as CrossLink[]).map(normalizeLink) };
}

/**
 * Splits saved links into those whose statements both still exist and those left dangling by a
 * later edit of either map; the view shows the first and counts the second.
 */
export function liveLinks(
	links: readonly CrossLink[],
	a: ArgumentMap,
	b: ArgumentMap
): { live: CrossLink[]; dangling: number } {
	const idsA = new Set(a.statements.map((statement) => statement.id));
	const idsB = new Set(b.statements.map((statement) => statement.id));
	const live = links.filter((link) => idsA.has(link.aId) && idsB.has(link.bId));
	return { live, dangling: links.length - live.length };
}

/**
 * The numbers shown as matching badges on both ends of each link: links are numbered 1, 2, …
 * in order, and a statement with several links carries all their numbers.
 */
export function linkBadges(links: readonly CrossLink[]): {
	a: Map<string, number[]>;
	b: Map<string, number[]>;
} {
	const a = new Map<string, number[]>();
	const b = new Map<string, number[]>();
	links.forEach((link, index) => {
		const number = index + 1;
		a.set(link.aId, [...(a.get(link.aId) ?? []), number]);
		b.set(link.bId, [...(b.get(link.bId) ?? []), number]);
	});
	return { a, b };
}

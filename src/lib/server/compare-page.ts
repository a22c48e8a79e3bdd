import type { ArgumentMap } from '$lib/argument';
import { analyzeComparison } from '$lib/compare/analysis';
import {
	COMPARISON_LIMITS,
	liveLinks,
	parseCrossLinks,
	type CrossLink
} from '$lib/compare/cross-links';
import type { ComparedMap, ComparisonAnalysis, SavedComparison } from '$lib/compare/view';
import { mapAccess } from './access';
import type { ComparisonFields, StoredComparison } from './comparisons';
import { getComparedMap } from './comparisons';
import type { AppDatabase } from './db';
import { formText } from './form';
import { notFound } from './http/errors';

/*
 * What the compare view's routes share: the two sides with the analysis, and the save form.
 * /compare?a=&b= shows maps the reader may read; /comparisons/[id] and /links/[token] show the
 * maps of a comparison the reader may read.
 */

export interface ComparisonSides {
	a: ComparedMap;
	b: ComparedMap;
	sameCommentary: boolean;
}

async function sides(
	db: AppDatabase,
	mapIdA: string,
	mapIdB: string,
	openable: { a: boolean; b: boolean }
): Promise<ComparisonSides> {
	const [a, b] = await Promise.all([
		getComparedMap(db, mapIdA, openable.a),
		getComparedMap(db, mapIdB, openable.b)
	]);
	if (!a || !b) notFound();
	return { a: a.view, b: b.view, sameCommentary: a.commentaryId === b.commentaryId };
}

/** The sides with what the view computes from them (suggestions, agreement, summaries). */
export function analyzed({ a, b, sameCommentary }: ComparisonSides): {
	a: ComparedMap;
	b: ComparedMap;
	analysis: ComparisonAnalysis;
} {
	return { a, b, analysis: analyzeComparison(a, b, sameCommentary) };
}

/** Two maps the reader picked: both must be readable to them, or the answer is 404. */
export async function readableSides(
	db: AppDatabase,
	userId: string | null,
	mapIdA: string,
	mapIdB: string
): Promise<ComparisonSides> {
	const [a, b] = await Promise.all([mapAccess(db, userId, mapIdA), mapAccess(db, userId, mapIdB)]);
	if (!a || !b) notFound();
	return sides(db, mapIdA, mapIdB, { a: true, b: true });
}

/**
 * The maps of a comparison the reader may read (or holds a link to): the comparison grants
 * reading them here; whether the reader may open each map's own page is asked separately.
 */
export async function comparisonSides(
	db: AppDatabase,
	userId: string | null,
	comparison: { mapIdA: string; mapIdB: string }
): Promise<ComparisonSides> {
	const [a, b] = await Promise.all([
		userId === null ? undefined : mapAccess(db, userId, comparison.mapIdA),
		userId === null ? undefined : mapAccess(db, userId, comparison.mapIdB)
	]);
	return sides(db, comparison.mapIdA, comparison.mapIdB, { a: Boolean(a), b: Boolean(b) });
}

/** A stored comparison as the view shows it: links whose statements are gone are only counted. */
export function savedComparison(
	comparison: StoredComparison,
	{ a, b }: { a: ComparedMap; b: ComparedMap },
	owner: boolean
): SavedComparison {
	const { live, dangling } = liveLinks(comparison.links, a.map, b.map);
	return {
		id: comparison.id,
		title: comparison.title,
		note: comparison.note,
		links: live,
		danglingLinks: dangling,
		ownerName: comparison.ownerName,
		owner
	};
}

export type ComparisonFormError =
	| 'comparison_title_missing'
	| 'comparison_title_too_long'
	| 'comparison_note_too_long'
	| 'comparison_links_invalid'
	| 'comparison_links_too_many';

/** The save form's title, note and links (JSON), checked against the two maps. */
export function comparisonFieldsFrom(
	data: FormData,
	a: ArgumentMap,
	b: ArgumentMap
): { ok: true; fields: ComparisonFields } | { ok: false; error: ComparisonFormError } {
	const title = formText(data, 'title').trim();
	if (title.length === 0) return { ok: false, error: 'comparison_title_missing' };
	if ([...title].length > COMPARISON_LIMITS.title) {
		return { ok: false, error: 'comparison_title_too_long' };
	}
	const note = formText(data, 'note').trim();
	if ([...note].length > COMPARISON_LIMITS.note) {
		return { ok: false, error: 'comparison_note_too_long' };
	}
	let input: unknown;
	try {
		const raw = formText(data, 'links');
		input = raw === '' ? [] : JSON.parse(raw);
	} catch {
		return { ok: false, error: 'comparison_links_invalid' };
	}
	const links = parseCrossLinks(input, a, b);
	if (!links.ok) return { ok: false, error: links.problem };
	return { ok: true, fields: { title, note, links: links.links satisfies CrossLink[] } };
}

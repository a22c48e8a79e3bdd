import type { MapBundle } from '$lib/interchange/types';
import { analyzed, comparisonSides, savedComparison } from '$lib/server/compare-page';
import { getComparison } from '$lib/server/comparisons';
import { shareLinkAccess } from '$lib/server/access';
import { getCommentaryForShareLink } from '$lib/server/commentaries';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { getMapForShareLink } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

type SharedCommentary = MapBundle['commentary'];

/** Only what a reader sees: no ids or owners leave through a link. */
function shown(commentary: SharedCommentary): SharedCommentary {
	const { title, author, outlet, language, publishedOn, sourceUrl, body } = commentary;
	return { title, author, outlet, language, publishedOn, sourceUrl, body };
}

/** A read-only share link: holding a live token is the permission, no account needed. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({
		// The token is the secret: no Referer header may carry it to the sites the page links to.
		'Referrer-Policy': 'no-referrer',
		// A revoked link must stop working at once, not live on in a cache.
		'Cache-Control': 'private, no-store'
	});
	const db = getDb();
	const target = await shareLinkAccess(db, params.token);
	if (target?.kind === 'map') {
		const found = await getMapForShareLink(db, target.id);
		if (found) {
			return {
				kind: 'map' as const,
				title: found.title,
				map: found.map,
				commentary: shown(found.commentary)
			};
		}
	} else if (target?.kind === 'commentary') {
		const found = await getCommentaryForShareLink(db, target.id);
		if (found) return { kind: 'commentary' as const, title: found.title, commentary: shown(found) };
	} else if (target?.kind === 'comparison') {
		const comparison = await getComparison(db, target.id);
		if (comparison) {
			const { a, b, analysis } = analyzed(await comparisonSides(db, null, comparison));
			// Ids stay out of the page, as for a shared map.
			return {
				kind: 'comparison' as const,
				title: comparison.title,
				a: { ...a, id: 'a' },
				b: { ...b, id: 'b' },
				analysis,
				saved: { ...savedComparison(comparison, { a, b }, false), id: '' }
			};
		}
	}
	notFound();
};

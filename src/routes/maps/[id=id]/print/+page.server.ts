import { exportSvg } from '$lib/interchange/svg';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { getReadableMap } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const map = await getReadableMap(getDb(), params.id, locals.user?.id ?? null);
	if (!map) notFound();
	const svg = exportSvg(map.map, map.title);
	// An <img> never runs what an SVG contains, and ours contains no script anyway.
	const graphSrc = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	return { map, graphSrc };
};

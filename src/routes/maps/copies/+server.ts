import { parseMapDocument } from '$lib/argument';
import { MAP_TITLE_MAX_LENGTH } from '$lib/maps/rules';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/session-guard';
import { notFound } from '$lib/server/http/errors';
import { readJsonBody } from '$lib/server/http/json-body';
import { createMap, getReadableMap } from '$lib/server/maps';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Saves a map document as a new map of the same commentary as `sourceMapId`. The editor uses it
 * to keep both sides of a save conflict.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	const body = (await readJsonBody(request)) as Record<string, unknown> | null;
	const sourceMapId = typeof body?.sourceMapId === 'string' ? body.sourceMapId : '';
	const title =
		typeof body?.title === 'string' ? body.title.trim().slice(0, MAP_TITLE_MAX_LENGTH) : '';
	const db = getDb();
	const source = await getReadableMap(db, sourceMapId, user.id);
	if (!source) notFound();
	const parsed = parseMapDocument(body?.document, { textLength: source.commentary.body.length });
	if (!parsed.ok || !title) {
		return json(
			{ code: 'map_invalid', issues: parsed.ok ? [] : parsed.issues.slice(0, 20) },
			{ status: 400 }
		);
	}
	const id = await createMap(db, {
		ownerId: user.id,
		commentaryId: source.commentary.id,
		title,
		map: parsed.document.map
	});
	return json({ id }, { status: 201 });
};

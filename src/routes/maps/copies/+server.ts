import { parseMapDocument } from '$lib/argument';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { readJsonBody } from '$lib/server/http/json-body';
import { createMap, getReadableMap } from '$lib/server/maps';
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const TITLE_MAX_LENGTH = 300;

/**
 * Saves a map document as a new map of the same commentary as `sourceMapId`. The editor uses it
 * to keep both sides of a save conflict.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, { message: 'Log in to save', code: 'auth_required' });
	const body = (await readJsonBody(request)) as Record<string, unknown> | null;
	const sourceMapId = typeof body?.sourceMapId === 'string' ? body.sourceMapId : '';
	const title = typeof body?.title === 'string' ? body.title.trim().slice(0, TITLE_MAX_LENGTH) : '';
	const db = getDb();
	const source = await getReadableMap(db, sourceMapId, locals.user.id);
	if (!source) notFound();
	const parsed = parseMapDocument(body?.document, { textLength: source.commentary.body.length });
	if (!parsed.ok || !title) {
		return json(
			{ code: 'map_invalid', issues: parsed.ok ? [] : parsed.issues.slice(0, 20) },
			{ status: 400 }
		);
	}
	const id = await createMap(db, {
		ownerId: locals.user.id,
		commentaryId: source.commentary.id,
		title,
		map: parsed.document.map
	});
	return json({ id }, { status: 201 });
};

import { parseMapDocument } from '$lib/argument';
import { mapAccess, requireAccess } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/session-guard';
import { notFound } from '$lib/server/http/errors';
import { readJsonBody } from '$lib/server/http/json-body';
import { getEditableMapText, getReadableMapJson, saveMap } from '$lib/server/maps';
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const MAX_ISSUES_REPORTED = 20;

/** The map as a versioned Argumap document, with the commentary it is anchored in. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const db = getDb();
	const userId = locals.user?.id ?? null;
	requireAccess(await mapAccess(db, userId, params.id), 'read');
	const body = await getReadableMapJson(db, params.id, userId);
	if (body === undefined) notFound();
	return new Response(body, {
		headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }
	});
};

/** Autosave: `{ baseRevision, document }`; 409 when another save reached the server first. */
export const PUT: RequestHandler = async ({ params, locals, request }) => {
	const user = requireApiUser(locals);
	const db = getDb();
	// 404 for a map the user cannot read, 403 for one they read but may not change (submitted work).
	requireAccess(await mapAccess(db, user.id, params.id), 'edit');
	const body = await readJsonBody(request);
	const { baseRevision, document } = (body ?? {}) as { baseRevision?: unknown; document?: unknown };
	if (typeof baseRevision !== 'number' || !Number.isInteger(baseRevision)) {
		error(400, { message: 'baseRevision must be an integer', code: 'request_malformed' });
	}
	const text = await getEditableMapText(db, params.id, user.id);
	if (text === undefined) notFound();
	const parsed = parseMapDocument(document, { textLength: text.length });
	if (!parsed.ok) {
		return json(
			{ code: 'map_invalid', issues: parsed.issues.slice(0, MAX_ISSUES_REPORTED) },
			{ status: 400 }
		);
	}
	const saved = await saveMap(db, user.id, params.id, baseRevision, parsed.document.map);
	if (saved.ok) return json({ revision: saved.version });
	if (saved.code === 'not_found') notFound();
	return json(saved, { status: 409 });
};

import {
	countMapsOfCommentary,
	deleteCommentary,
	getReadableCommentary
} from '$lib/server/commentaries';
import { commentaryAccess, requireAccess } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { createMap } from '$lib/server/maps';
import { loadSharing, shareActions } from '$lib/server/share-actions';
import { requireUser } from '$lib/server/session-guard';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = getDb();
	const userId = locals.user?.id ?? null;
	const commentary = await getReadableCommentary(db, params.id, userId);
	if (!commentary) notFound();
	const { ownerId, ...shown } = commentary;
	const mine = userId !== null && ownerId === userId;
	return {
		commentary: { ...shown, isExample: ownerId === null, mine },
		mapCount: mine ? await countMapsOfCommentary(db, commentary.id) : 0,
		sharing: locals.user
			? await loadSharing(
					db,
					locals.user,
					{ kind: 'commentary', id: commentary.id },
					await commentaryAccess(db, locals.user.id, commentary.id)
				)
			: null,
		signedIn: userId !== null,
		newVersion: url.searchParams.get('version') === 'new'
	};
};

export const actions: Actions = {
	newMap: async ({ params, locals, url }) => {
		const { user } = requireUser(locals, url);
		const db = getDb();
		const commentary = await getReadableCommentary(db, params.id, user.id);
		if (!commentary) notFound();
		const id = await createMap(db, {
			ownerId: user.id,
			commentaryId: commentary.id,
			title: commentary.title
		});
		redirect(303, `/maps/${id}`);
	},

	delete: async ({ params, locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const db = getDb();
		requireAccess(await commentaryAccess(db, user.id, params.id), 'delete');
		const data = await request.formData();
		if (data.get('confirm') !== 'yes') return fail(400, { error: 'commentary_delete_unconfirmed' });
		const deleted = await deleteCommentary(db, user.id, params.id);
		if (!deleted.ok && deleted.code === 'not_found') notFound();
		if (!deleted.ok) return fail(409, { error: deleted.code });
		redirect(303, '/commentaries');
	},

	...shareActions('commentary')
};

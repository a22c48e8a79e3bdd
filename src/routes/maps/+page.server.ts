import { MAP_TITLE_MAX_LENGTH } from '$lib/maps/rules';
import { mapAccess, requireAccess, type Action } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { formText } from '$lib/server/form';
import { deleteMap, duplicateMap, listOwnMaps, renameMap } from '$lib/server/maps';
import { requireUser } from '$lib/server/session-guard';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

function titleFrom(data: FormData): string | null {
	const title = formText(data, 'title').trim();
	return title.length > 0 && title.length <= MAP_TITLE_MAX_LENGTH ? title : null;
}

/** The signed-in user, the form and the map it names, once the user may do `action` to it. */
async function mapForm(locals: App.Locals, url: URL, request: Request, action: Action) {
	const { user } = requireUser(locals, url);
	const data = await request.formData();
	const mapId = formText(data, 'id');
	requireAccess(await mapAccess(getDb(), user.id, mapId), action);
	return { user, data, mapId };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = requireUser(locals, url);
	return { maps: await listOwnMaps(getDb(), user.id) };
};

export const actions: Actions = {
	duplicate: async ({ locals, url, request }) => {
		const { user, data, mapId } = await mapForm(locals, url, request, 'read');
		const title = titleFrom(data);
		if (!title) return fail(400, { error: 'map_title_invalid' });
		const id = await duplicateMap(getDb(), user.id, mapId, title);
		if (!id) notFound();
		return { duplicated: id };
	},

	rename: async ({ locals, url, request }) => {
		const { user, data, mapId } = await mapForm(locals, url, request, 'edit');
		const title = titleFrom(data);
		if (!title) return fail(400, { error: 'map_title_invalid' });
		if (!(await renameMap(getDb(), user.id, mapId, title))) notFound();
		return { renamed: true };
	},

	delete: async ({ locals, url, request }) => {
		const { user, mapId } = await mapForm(locals, url, request, 'delete');
		if (!(await deleteMap(getDb(), user.id, mapId))) notFound();
		return { deleted: true };
	}
};

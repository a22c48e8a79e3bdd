import { MAP_TITLE_MAX_LENGTH } from '$lib/maps/rules';
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

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = requireUser(locals, url);
	return { maps: await listOwnMaps(getDb(), user.id) };
};

export const actions: Actions = {
	duplicate: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const data = await request.formData();
		const title = titleFrom(data);
		if (!title) return fail(400, { error: 'map_title_invalid' });
		const id = await duplicateMap(getDb(), user.id, formText(data, 'id'), title);
		if (!id) notFound();
		return { duplicated: id };
	},

	rename: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const data = await request.formData();
		const title = titleFrom(data);
		if (!title) return fail(400, { error: 'map_title_invalid' });
		if (!(await renameMap(getDb(), user.id, formText(data, 'id'), title))) notFound();
		return { renamed: true };
	},

	delete: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const data = await request.formData();
		if (!(await deleteMap(getDb(), user.id, formText(data, 'id')))) notFound();
		return { deleted: true };
	}
};

import { commentaryErrorStatus, validateCommentary } from '$lib/commentary/rules';
import {
	countMapsOfCommentary,
	getReadableCommentary,
	updateCommentary
} from '$lib/server/commentaries';
import { commentaryInputFromForm } from '$lib/server/commentary-form';
import { commentaryAccess, requireAccess } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { requireUser } from '$lib/server/session-guard';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = requireUser(locals, url);
	const db = getDb();
	requireAccess(await commentaryAccess(db, user.id, params.id), 'edit');
	const commentary = await getReadableCommentary(db, params.id, user.id);
	if (!commentary) notFound();
	return {
		values: {
			title: commentary.title,
			author: commentary.author,
			outlet: commentary.outlet,
			publishedOn: commentary.publishedOn ?? '',
			sourceUrl: commentary.sourceUrl ?? '',
			language: commentary.language,
			body: commentary.body
		},
		frozen: (await countMapsOfCommentary(db, commentary.id)) > 0
	};
};

export const actions: Actions = {
	default: async ({ params, locals, url, request }) => {
		const { user } = requireUser(locals, url);
		requireAccess(await commentaryAccess(getDb(), user.id, params.id), 'edit');
		const input = commentaryInputFromForm(await request.formData());
		const valid = validateCommentary(input);
		if (!valid.ok) {
			return fail(commentaryErrorStatus(valid.code), { error: valid.code, values: input });
		}
		const updated = await updateCommentary(getDb(), user.id, params.id, valid.value);
		if (!updated.ok) notFound();
		redirect(303, `/commentaries/${updated.id}${updated.newVersion ? '?version=new' : ''}`);
	}
};

import { commentaryErrorStatus, validateCommentary } from '$lib/commentary/rules';
import { createCommentary } from '$lib/server/commentaries';
import { commentaryInputFromForm } from '$lib/server/commentary-form';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/session-guard';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const input = commentaryInputFromForm(await request.formData());
		const valid = validateCommentary(input);
		// The whole input goes back, so a rejected 200,000-character paste is not lost.
		if (!valid.ok) {
			return fail(commentaryErrorStatus(valid.code), { error: valid.code, values: input });
		}
		const id = await createCommentary(getDb(), user.id, valid.value);
		redirect(303, `/commentaries/${id}`);
	}
};

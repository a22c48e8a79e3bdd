import { cleanClassName } from '$lib/classes/rules';
import { createClass, listClassesOf } from '$lib/server/classes';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { submitJoinCode } from '$lib/server/join-form';
import { requireUser } from '$lib/server/session-guard';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = requireUser(locals, url);
	return { classes: await listClassesOf(getDb(), user.id) };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const typed = formText(await request.formData(), 'name');
		const name = cleanClassName(typed);
		if (!name) return fail(400, { createError: 'classes_name_invalid' as const, name: typed });
		const id = await createClass(getDb(), user.id, name);
		redirect(303, `/classes/${id}`);
	},

	join: async ({ locals, url, request, getClientAddress, setHeaders }) => {
		const { user } = requireUser(locals, url);
		const code = formText(await request.formData(), 'code');
		return submitJoinCode(getDb(), user.id, code, getClientAddress(), setHeaders);
	}
};

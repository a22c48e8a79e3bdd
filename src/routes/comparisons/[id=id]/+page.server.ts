import { fail, redirect } from '@sveltejs/kit';
import { comparisonAccess, requireAccess, type Action } from '$lib/server/access';
import {
	analyzed,
	comparisonFieldsFrom,
	comparisonSides,
	savedComparison
} from '$lib/server/compare-page';
import { deleteComparison, getComparison, updateComparison } from '$lib/server/comparisons';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { loadSharing, shareActions } from '$lib/server/share-actions';
import { requireUser } from '$lib/server/session-guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const user = locals.user;
	const access = requireAccess(await comparisonAccess(db, user?.id ?? null, params.id), 'read');
	const comparison = await getComparison(db, params.id);
	if (!comparison) notFound();
	const shown = analyzed(await comparisonSides(db, user?.id ?? null, comparison));
	return {
		...shown,
		saved: savedComparison(comparison, shown, access.owner),
		canSave: access.edit,
		sharing: user
			? await loadSharing(db, user, { kind: 'comparison', id: params.id }, access)
			: null
	};
};

/** The signed-in user and the comparison, once they may do `action` to it. */
async function comparisonFor(locals: App.Locals, url: URL, params: { id: string }, action: Action) {
	const { user } = requireUser(locals, url);
	const db = getDb();
	requireAccess(await comparisonAccess(db, user.id, params.id), action);
	const comparison = await getComparison(db, params.id);
	if (!comparison) notFound();
	return { db, user, comparison };
}

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const { db, user, comparison } = await comparisonFor(locals, url, params, 'edit');
		const { a, b } = await comparisonSides(db, user.id, comparison);
		const checked = comparisonFieldsFrom(await request.formData(), a.map, b.map);
		if (!checked.ok) return fail(400, { error: checked.error });
		if (!(await updateComparison(db, user.id, params.id, checked.fields))) notFound();
		return { saved: true };
	},

	delete: async ({ locals, url, params }) => {
		const { db, user } = await comparisonFor(locals, url, params, 'delete');
		if (!(await deleteComparison(db, user.id, params.id))) notFound();
		redirect(303, '/compare');
	},

	...shareActions('comparison')
};

import { fail, redirect } from '@sveltejs/kit';
import { analyzed, comparisonFieldsFrom, readableSides } from '$lib/server/compare-page';
import {
	createComparison,
	listPickableMaps,
	listReadableComparisons
} from '$lib/server/comparisons';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { requireUser } from '$lib/server/session-guard';
import type { Actions, PageServerLoad } from './$types';

/** /compare picks two maps; /compare?a=&b= shows them side by side, ready to save. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const userId = locals.user?.id ?? null;
	const a = url.searchParams.get('a');
	const b = url.searchParams.get('b');
	if (!a || !b) {
		return {
			mode: 'pick' as const,
			a,
			maps: await listPickableMaps(db, userId),
			comparisons: userId ? await listReadableComparisons(db, userId) : [],
			signedIn: userId !== null
		};
	}
	return {
		mode: 'view' as const,
		...analyzed(await readableSides(db, userId, a, b)),
		saved: null,
		canSave: userId !== null
	};
};

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const db = getDb();
		const data = await request.formData();
		// The map ids come with the form; a form posted to `?/save` loses the page's query.
		const mapIdA = formText(data, 'a') || url.searchParams.get('a') || '';
		const mapIdB = formText(data, 'b') || url.searchParams.get('b') || '';
		const { a, b } = await readableSides(db, user.id, mapIdA, mapIdB);
		const checked = comparisonFieldsFrom(data, a.map, b.map);
		if (!checked.ok) return fail(400, { error: checked.error });
		const id = await createComparison(db, user.id, { mapIdA, mapIdB }, checked.fields);
		redirect(303, `/comparisons/${id}`);
	}
};

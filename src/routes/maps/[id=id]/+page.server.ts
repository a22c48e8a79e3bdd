import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { getReadableMap } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const map = await getReadableMap(getDb(), params.id, locals.user?.id ?? null);
	if (!map) notFound();
	return { map };
};

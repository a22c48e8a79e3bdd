import { getReadableCommentary } from '$lib/server/commentaries';
import { getDb } from '$lib/server/db';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const commentary = await getReadableCommentary(getDb(), params.id, locals.user?.id ?? null);
	// 404 rather than 403, so ids of other people's commentaries cannot be probed.
	if (!commentary) error(404, { message: 'Not found', code: 'not_found' });
	const { ownerId, ...shown } = commentary;
	return { commentary: { ...shown, isExample: ownerId === null } };
};

import { listReadableCommentaries } from '$lib/server/commentaries';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/session-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = requireUser(locals, url);
	const search = url.searchParams.get('q') ?? '';
	return { search, commentaries: await listReadableCommentaries(getDb(), user.id, search) };
};

import { getExampleCommentary } from '$lib/server/commentaries';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

const EXCERPT_PARAGRAPHS = 3;

export const load: PageServerLoad = async ({ locals, url }) => {
	const example = await getExampleCommentary(getDb());
	return {
		greetingName: locals.user?.displayName ?? null,
		accountDeleted: url.searchParams.get('account') === 'deleted',
		example: example
			? {
					id: example.id,
					title: example.title,
					author: example.author,
					outlet: example.outlet,
					language: example.language,
					excerpt: example.body
						.split(/\n\s*\n/)
						.slice(0, EXCERPT_PARAGRAPHS)
						.join('\n\n')
				}
			: null
	};
};

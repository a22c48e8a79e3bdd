import { getDb } from '$lib/server/db';
import { getExampleMap } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const example = await getExampleMap(getDb());
	return {
		greetingName: locals.user?.displayName ?? null,
		accountDeleted: url.searchParams.get('account') === 'deleted',
		example: example
			? {
					mapId: example.id,
					map: example.map,
					commentary: example.commentary
				}
			: null
	};
};

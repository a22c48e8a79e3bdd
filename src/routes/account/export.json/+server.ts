import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/session-guard';
import { notFound } from '$lib/server/http/errors';
import { exportUserData } from '$lib/server/users';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const data = await exportUserData(getDb(), user.id);
	if (!data) notFound();
	return json(data, {
		headers: {
			'Content-Disposition': `attachment; filename="argumap-${user.username.replace(/[^\w.-]/g, '_')}.json"`,
			'Cache-Control': 'no-store'
		}
	});
};

import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/http/errors';
import { exportUserData } from '$lib/server/users';
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, { message: 'Log in to download your data', code: 'auth_required' });
	const data = await exportUserData(getDb(), locals.user.id);
	if (!data) notFound();
	return json(data, {
		headers: {
			'Content-Disposition': `attachment; filename="argumap-${locals.user.username.replace(/[^\w.-]/g, '_')}.json"`,
			'Cache-Control': 'no-store'
		}
	});
};

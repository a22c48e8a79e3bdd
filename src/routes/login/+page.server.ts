import { attemptLogin } from '$lib/server/auth/login';
import { isSecureOrigin } from '$lib/server/auth/session';
import { startSession } from '$lib/server/auth/start-session';
import { getDb } from '$lib/server/db';
import { formText, safeRedirectPath } from '$lib/server/form';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress, setHeaders }) => {
		const data = await request.formData();
		const username = formText(data, 'username');
		const db = getDb();
		const result = await attemptLogin(db, username, formText(data, 'password'), getClientAddress());
		if (!result.ok) {
			if (result.retryAfterSeconds !== undefined) {
				setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
				return fail(429, {
					error: result.code,
					retryAfterSeconds: result.retryAfterSeconds,
					username
				});
			}
			return fail(400, { error: result.code, retryAfterSeconds: undefined, username });
		}
		await startSession(db, cookies, result.userId, isSecureOrigin(url), locals.session?.id);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	}
};

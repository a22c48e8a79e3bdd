import { isSecureOrigin } from '$lib/server/auth/session';
import { startSession } from '$lib/server/auth/start-session';
import { claimAttempt, signupPolicyNow } from '$lib/server/auth/throttle';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { createUser } from '$lib/server/users';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress, setHeaders }) => {
		const data = await request.formData();
		const input = {
			username: formText(data, 'username'),
			displayName: formText(data, 'displayName'),
			email: formText(data, 'email'),
			password: formText(data, 'password')
		};
		const values = { username: input.username, displayName: input.displayName, email: input.email };
		if (input.password !== formText(data, 'passwordConfirm')) {
			return fail(400, {
				error: 'account_password_mismatch',
				retryAfterSeconds: undefined,
				values
			});
		}
		const db = getDb();
		const claim = await claimAttempt(db, `signup:ip:${getClientAddress()}`, signupPolicyNow());
		if (!claim.allowed) {
			setHeaders({ 'Retry-After': String(claim.retryAfterSeconds) });
			return fail(429, {
				error: 'auth_too_many_attempts',
				retryAfterSeconds: claim.retryAfterSeconds,
				values
			});
		}
		const created = await createUser(db, input);
		if (!created.ok) {
			return fail(400, { error: created.code, retryAfterSeconds: undefined, values });
		}
		await startSession(db, cookies, created.value.id, isSecureOrigin(url), locals.session?.id);
		redirect(303, '/');
	}
};

import {
	deleteSessionCookie,
	invalidateUserSessions,
	isSecureOrigin
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { requireUser } from '$lib/server/session-guard';
import { changePassword, deleteAccount, getAccount } from '$lib/server/users';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = requireUser(locals, url);
	const account = await getAccount(getDb(), user.id);
	if (!account) redirect(303, '/login');
	return { account: { ...account, createdAt: Number(account.createdAt) } };
};

function endBrowserSession({ cookies, url }: RequestEvent) {
	deleteSessionCookie(cookies, isSecureOrigin(url));
}

export const actions: Actions = {
	password: async (event) => {
		const { user, session } = requireUser(event.locals, event.url);
		const data = await event.request.formData();
		const newPassword = formText(data, 'newPassword');
		if (newPassword !== formText(data, 'newPasswordConfirm')) {
			return fail(400, {
				action: 'password',
				error: 'account_password_mismatch',
				retryAfterSeconds: undefined
			});
		}
		const changed = await changePassword(
			getDb(),
			user.id,
			formText(data, 'currentPassword'),
			newPassword,
			session.id
		);
		if (!changed.ok) {
			return fail(changed.retryAfterSeconds ? 429 : 400, {
				action: 'password',
				error: changed.code,
				retryAfterSeconds: changed.retryAfterSeconds
			});
		}
		return { action: 'password', changed: true, retryAfterSeconds: undefined };
	},

	logoutEverywhere: async (event) => {
		const { user } = requireUser(event.locals, event.url);
		await invalidateUserSessions(getDb(), user.id);
		endBrowserSession(event);
		redirect(303, '/');
	},

	delete: async (event) => {
		const { user } = requireUser(event.locals, event.url);
		const data = await event.request.formData();
		if (formText(data, 'confirm') !== 'yes') {
			return fail(400, {
				action: 'delete',
				error: 'account_delete_unconfirmed',
				retryAfterSeconds: undefined
			});
		}
		const deleted = await deleteAccount(getDb(), user.id, formText(data, 'password'));
		if (!deleted.ok) {
			return fail(deleted.retryAfterSeconds ? 429 : 400, {
				action: 'delete',
				error: deleted.code,
				retryAfterSeconds: deleted.retryAfterSeconds
			});
		}
		endBrowserSession(event);
		redirect(303, '/?account=deleted');
	}
};

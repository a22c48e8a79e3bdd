import { redirect } from '@sveltejs/kit';

/** The signed-in user, or a redirect to log-in that comes back to `url` afterwards. */
export function requireUser(locals: App.Locals, url: URL) {
	if (!locals.user || !locals.session) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return { user: locals.user, session: locals.session };
}

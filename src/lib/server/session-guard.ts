import { error, redirect } from '@sveltejs/kit';

/** The signed-in user, or a redirect to log-in that comes back to `url` afterwards. */
export function requireUser(locals: App.Locals, url: URL) {
	if (!locals.user || !locals.session) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return { user: locals.user, session: locals.session };
}

/** The signed-in user for an endpoint, or 401: endpoints answer programs, which cannot follow a log-in page. */
export function requireApiUser(locals: App.Locals) {
	if (!locals.user) error(401, { message: 'Log in first', code: 'auth_required' });
	return locals.user;
}

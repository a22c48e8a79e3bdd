import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { cookieName as localeCookie, isLocale } from '$lib/paraglide/runtime.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import {
	deleteSessionCookie,
	isSecureOrigin,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { configureSignupLimit } from '$lib/server/auth/throttle';
import { databaseConfigFromEnv, getDb, initAppDatabase } from '$lib/server/db';
import { startHousekeeping } from '$lib/server/housekeeping';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { seedExampleContent } from '$lib/server/seed';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	const signupLimit = Number(env.SIGNUPS_PER_ADDRESS_PER_HOUR);
	if (Number.isInteger(signupLimit) && signupLimit > 0) configureSignupLimit(signupLimit);
	const db = await initAppDatabase(databaseConfigFromEnv(env));
	let stopHousekeeping = () => {};
	// adapter-node's graceful shutdown: the server has stopped taking requests.
	process.once('sveltekit:shutdown', () => {
		stopHousekeeping();
		void db.destroy();
	});
	await seedExampleContent(db);
	stopHousekeeping = startHousekeeping(db);
	if (!dev) {
		console.log(`Argumap is ready at ${env.ORIGIN || `http://localhost:${env.PORT || 3000}`}`);
	}
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		// Pin the negotiated language, so the browser renders in the same one the server chose.
		if (!isLocale(event.cookies.get(localeCookie))) {
			setLocaleCookie(event.cookies, locale, isSecureOrigin(event.url));
		}
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = await validateSessionToken(getDb(), token);
	if (session) {
		setSessionCookie(event.cookies, token, session.expiresAt, isSecureOrigin(event.url));
	} else {
		deleteSessionCookie(event.cookies, isSecureOrigin(event.url));
	}
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// A page may ask for a stricter policy (share links send none); the default is same-origin.
	if (!response.headers.has('Referrer-Policy')) {
		response.headers.set('Referrer-Policy', 'same-origin');
	}
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
	// For browsers without CSP frame-ancestors.
	response.headers.set('X-Frame-Options', 'DENY');
	if (isSecureOrigin(event.url)) {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	// Pages get SvelteKit's CSP (svelte.config.js); anything else (JSON, downloads such as SVG)
	// may run nothing, even when opened directly in the browser.
	if (!response.headers.has('Content-Security-Policy')) {
		response.headers.set(
			'Content-Security-Policy',
			"default-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"
		);
	}
	return response;
};

export const handle = sequence(handleSecurityHeaders, handleLocale, handleSession);

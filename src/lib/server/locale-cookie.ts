import { dev } from '$app/environment';
import { cookieName, type Locale } from '$lib/paraglide/runtime.js';
import type { Cookies } from '@sveltejs/kit';

const MAX_AGE_S = 400 * 24 * 60 * 60;

/** Paraglide reads this cookie in the browser too, so it must not be HttpOnly. */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: !dev,
		maxAge: MAX_AGE_S
	});
}

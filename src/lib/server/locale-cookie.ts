import { cookieName, type Locale } from '$lib/paraglide/runtime.js';
import type { Cookies } from '@sveltejs/kit';

const MAX_AGE_S = 400 * 24 * 60 * 60;

/** Paraglide reads this cookie in the browser too, so it must not be HttpOnly. */
export function setLocaleCookie(cookies: Cookies, locale: Locale, secure: boolean): void {
	cookies.set(cookieName, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure,
		maxAge: MAX_AGE_S
	});
}

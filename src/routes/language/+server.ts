import { isLocale } from '$lib/paraglide/runtime.js';
import { formText, safeRedirectPath } from '$lib/server/form';
import { isSecureOrigin } from '$lib/server/auth/session';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Stores the chosen UI language and returns to the page the switch was on. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const data = await request.formData();
	const locale = formText(data, 'locale');
	if (isLocale(locale)) setLocaleCookie(cookies, locale, isSecureOrigin(url));
	redirect(303, safeRedirectPath(formText(data, 'redirectTo')));
};

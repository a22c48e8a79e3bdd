import { expect, test } from '@playwright/test';
import { newAccount } from './fixtures';

// The second web server (playwright.config.ts) runs the production build with an https ORIGIN,
// as it would behind a TLS-terminating proxy; it is reached here over plain loopback http.
const HTTPS_ORIGIN = 'https://localhost:4174';
const SERVER = 'http://localhost:4174';

test('behind https every cookie is Secure, HttpOnly where it can be, and SameSite=Lax', async ({
	playwright
}) => {
	const request = await playwright.request.newContext({ baseURL: SERVER });
	const account = newAccount();
	const response = await request.post('/signup', {
		headers: { Origin: HTTPS_ORIGIN, Accept: 'text/html' },
		form: {
			username: account.username,
			displayName: account.displayName,
			email: '',
			password: account.password,
			passwordConfirm: account.password
		},
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	const cookies = response
		.headersArray()
		.filter((header) => header.name.toLowerCase() === 'set-cookie')
		.map((header) => header.value);
	const session = cookies.find((cookie) => cookie.startsWith('argumap_session='));
	const locale = cookies.find((cookie) => cookie.startsWith('PARAGLIDE_LOCALE='));
	expect(session).toBeDefined();
	expect(session).toMatch(/;\s*Secure/i);
	expect(session).toMatch(/;\s*HttpOnly/i);
	expect(session).toMatch(/;\s*SameSite=Lax/i);
	expect(locale).toMatch(/;\s*Secure/i);
	await request.dispose();
});

import type { APIRequestContext } from '@playwright/test';
import { expect, formHeaders, newAccount, ORIGIN, test, type Account } from './fixtures';

function postForm(request: APIRequestContext, path: string, fields: Record<string, string>) {
	return request.post(path, {
		headers: formHeaders,
		data: new URLSearchParams(fields).toString(),
		maxRedirects: 0
	});
}

function postLogin(
	request: APIRequestContext,
	username: string,
	password: string,
	headers: Record<string, string> = {}
) {
	return request.post('/login', {
		headers: { ...formHeaders, ...headers },
		data: new URLSearchParams({ username, password }).toString(),
		maxRedirects: 0
	});
}

test.describe('log-in throttling', () => {
	let account: Account;

	// Separate request contexts for signing up and the first log-in, so the `request` of the test
	// stays logged out (the log-in page's load redirects a logged-in user).
	test.beforeEach(async ({ playwright }) => {
		account = newAccount();
		const signupContext = await playwright.request.newContext({ baseURL: ORIGIN });
		const loginContext = await playwright.request.newContext({ baseURL: ORIGIN });
		try {
			const signup = await postForm(signupContext, '/signup', {
				username: account.username,
				displayName: account.displayName,
				email: '',
				password: account.password,
				passwordConfirm: account.password
			});
			expect(signup.status()).toBe(303);
			expect(signup.headers()['location']).toBe('/');

			// The right password works before the limit is reached.
			const login = await postLogin(loginContext, account.username, account.password);
			expect(login.status()).toBe(303);
			expect(login.headers()['set-cookie']).toContain('argumap_session=');
		} finally {
			await signupContext.dispose();
			await loginContext.dispose();
		}
	});

	test('the 11th failed login for an account is refused with 429 and Retry-After', async ({
		request
	}) => {
		for (let attempt = 1; attempt <= 10; attempt++) {
			const response = await postLogin(request, account.username, `wrong password ${attempt}`);
			expect(response.status(), `failed attempt ${attempt}`).toBe(400);
			expect(response.headers()['retry-after']).toBeUndefined();
			expect(await response.text()).toContain('The username or the password is not correct.');
		}

		const blocked = await postLogin(request, account.username, 'wrong password 11');
		expect(blocked.status()).toBe(429);
		const retryAfter = blocked.headers()['retry-after'];
		expect(retryAfter).toMatch(/^\d+$/);
		expect(Number(retryAfter)).toBeGreaterThan(0);
		expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
		expect(await blocked.text()).toContain('Too many failed attempts.');

		// Even the right password is refused now, also with the username in other letter case ...
		for (const username of [account.username, account.username.toUpperCase()]) {
			const correct = await postLogin(request, username, account.password);
			expect(correct.status(), username).toBe(429);
			expect(correct.headers()['retry-after']).toMatch(/^\d+$/);
			expect(correct.headers()['set-cookie'] ?? '').not.toContain('argumap_session=');
		}

		// ... and when the client claims to come from another address.
		const spoofed = await postLogin(request, account.username, account.password, {
			'X-Forwarded-For': '203.0.113.7'
		});
		expect(spoofed.status()).toBe(429);
		expect(spoofed.headers()['retry-after']).toMatch(/^\d+$/);
		expect(spoofed.headers()['set-cookie'] ?? '').not.toContain('argumap_session=');
	});
});

test('sign-ups from one address: 60 an hour, then 429 with Retry-After', async ({ playwright }) => {
	test.setTimeout(120_000);
	// The third server runs with the default limits (playwright.config.ts).
	const origin = 'http://localhost:4175';
	const signUpOnce = async () => {
		// A fresh context each time: signed in by the last sign-up, the page would just redirect.
		// 127.0.0.1, not localhost: "localhost" may reach the server over IPv4 or IPv6, and those
		// are two client addresses with a count each.
		const request = await playwright.request.newContext({ baseURL: 'http://127.0.0.1:4175' });
		const account = newAccount();
		const response = await request.post('/signup', {
			headers: { ...formHeaders, Origin: origin },
			data: new URLSearchParams({
				username: account.username,
				displayName: account.displayName,
				email: '',
				password: account.password,
				passwordConfirm: account.password
			}).toString(),
			maxRedirects: 0
		});
		await response.body();
		await request.dispose();
		return response;
	};
	for (let signup = 1; signup <= 60; signup++) {
		expect((await signUpOnce()).status(), `sign-up ${signup}`).toBe(303);
	}
	const refused = await signUpOnce();
	expect(refused.status()).toBe(429);
	expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
});

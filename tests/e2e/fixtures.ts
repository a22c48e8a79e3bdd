import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export const ORIGIN = 'http://localhost:4173';
/** The SQLite file of the server at ORIGIN (playwright.config.ts starts it there). */
export const E2E_DATABASE_PATH = 'tests/.tmp/e2e/argumap.db';
export const SESSION_COOKIE = 'argumap_session';

export interface Account {
	username: string;
	displayName: string;
	password: string;
	email?: string;
}

type Lang = 'en' | 'de';

/** The form labels and buttons the helpers use, in both UI languages (messages/*.json). */
const ui = {
	en: {
		username: 'Username',
		displayName: 'Display name',
		email: 'E-mail (optional)',
		password: 'Password',
		passwordConfirm: 'Repeat the password',
		signUp: 'Create account',
		logIn: 'Log in',
		logOut: 'Log out',
		account: 'Account'
	},
	de: {
		username: 'Benutzername',
		displayName: 'Anzeigename',
		email: 'E-Mail (freiwillig)',
		password: 'Passwort',
		passwordConfirm: 'Passwort wiederholen',
		signUp: 'Konto anlegen',
		logIn: 'Anmelden',
		logOut: 'Abmelden',
		account: 'Konto'
	}
} as const;

function randomSuffix(): string {
	return Math.random().toString(36).slice(2, 8);
}

/** A username no other test (or earlier run) uses: at most 20 characters, letters and digits. */
export function uniqueUsername(): string {
	return `u${Date.now()}${randomSuffix()}`;
}

/** Fresh, valid sign-up data; the password is long and not on any common-password list. */
export function newAccount(overrides: Partial<Account> = {}): Account {
	const suffix = randomSuffix();
	return {
		username: uniqueUsername(),
		displayName: `Ada ${suffix}`,
		password: `Kartograf der Argumente ${suffix}`,
		...overrides
	};
}

async function pageLang(page: Page): Promise<Lang> {
	const lang = await page.locator('html').getAttribute('lang');
	if (lang !== 'en' && lang !== 'de') throw new Error(`Unexpected page language: ${lang}`);
	return lang;
}

/** The site header (role banner), where the navigation and the language switch live. */
export function siteHeader(page: Page) {
	return page.getByRole('banner');
}

/**
 * Opens a page and waits until SvelteKit has hydrated it (the root layout marks `<html>`). Until then,
 * hydration may wipe what was typed into a field rendered with a `value` (FormField passes it
 * through an attribute spread, which hydration writes back), and a click may still go to the
 * server as a plain form submission.
 */
export async function gotoHydrated(page: Page, path: string) {
	const response = await page.goto(path);
	if (!pagesWithoutScripts.has(page)) {
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	}
	return response;
}

/** Pages of tests that run with `javaScriptEnabled: false`: they never hydrate. */
const pagesWithoutScripts = new WeakSet<Page>();

/** The cookie that pins the UI language (paraglide's cookieName). */
const LANGUAGE_COOKIE = 'PARAGLIDE_LOCALE';

/** Shows the UI in `lang` from the next page on, as the language switch would. */
export function pinLanguage(page: Page, lang: Lang) {
	return page.context().addCookies([{ name: LANGUAGE_COOKIE, value: lang, url: ORIGIN }]);
}

/** The messages of the page's uncaught errors, collected from now on. */
export function pageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/**
 * Signs up with the sign-up form's own POST, sent from the page's browser context, whose cookies
 * then carry the new session; the page stays where it is. A tenth of the time of filling in the
 * form and landing on the start page, which draws the example map: most tests only need an
 * account. auth.spec.ts signs up through the form (signUpWithForm).
 */
export async function signUp(page: Page, account: Account = newAccount()): Promise<Account> {
	const context = page.context();
	const hadLanguage = (await context.cookies(ORIGIN)).some((c) => c.name === LANGUAGE_COOKIE);
	const response = await page.request.post(`${ORIGIN}/signup`, {
		headers: formHeaders,
		form: {
			username: account.username,
			displayName: account.displayName,
			email: account.email ?? '',
			password: account.password,
			passwordConfirm: account.password
		},
		maxRedirects: 0
	});
	if (response.status() !== 303 || response.headers()['location'] !== '/') {
		throw new Error(`Sign-up refused (${response.status()}): ${await response.text()}`);
	}
	// The request client sends no Accept-Language, so the answer pinned the default language:
	// unpin it, and the browser's first page negotiates as it would have.
	if (!hadLanguage) await context.clearCookies({ name: LANGUAGE_COOKIE });
	return account;
}

/** Signs up through the form on /signup, in whichever language the page is shown. */
export async function signUpWithForm(
	page: Page,
	account: Account = newAccount()
): Promise<Account> {
	await gotoHydrated(page, '/signup');
	const t = ui[await pageLang(page)];
	const main = page.getByRole('main');
	await main.getByLabel(t.username, { exact: true }).fill(account.username);
	await main.getByLabel(t.displayName, { exact: true }).fill(account.displayName);
	if (account.email) await main.getByLabel(t.email, { exact: true }).fill(account.email);
	await main.getByLabel(t.password, { exact: true }).fill(account.password);
	await main.getByLabel(t.passwordConfirm, { exact: true }).fill(account.password);
	await main.getByRole('button', { name: t.signUp, exact: true }).click();
	await expect(page).toHaveURL('/');
	await expect(siteHeader(page).getByRole('link', { name: t.account, exact: true })).toBeVisible();
	return account;
}

/** Fills and submits the log-in form on the current page, or on /login when elsewhere. */
export async function submitLogin(page: Page, credentials: { username: string; password: string }) {
	if (new URL(page.url()).pathname !== '/login') await gotoHydrated(page, '/login');
	else await page.waitForLoadState('networkidle');
	const t = ui[await pageLang(page)];
	const main = page.getByRole('main');
	await main.getByLabel(t.username, { exact: true }).fill(credentials.username);
	await main.getByLabel(t.password, { exact: true }).fill(credentials.password);
	await main.getByRole('button', { name: t.logIn, exact: true }).click();
}

/** Logs in and waits until the header shows the account link. */
export async function logIn(page: Page, credentials: { username: string; password: string }) {
	await submitLogin(page, credentials);
	const t = ui[await pageLang(page)];
	await expect(siteHeader(page).getByRole('link', { name: t.account, exact: true })).toBeVisible();
	await expect(page).not.toHaveURL(/\/login/);
}

/** Logs out with the header's button and waits until the header offers to log in again. */
export async function logOut(page: Page) {
	const t = ui[await pageLang(page)];
	await siteHeader(page).getByRole('button', { name: t.logOut, exact: true }).click();
	await expect(siteHeader(page).getByRole('link', { name: t.logIn, exact: true })).toBeVisible();
}

/**
 * The headers of a browser's plain form POST: form-encoded, with the Origin SvelteKit's CSRF
 * check requires, and accepting HTML (with `*\/*`, SvelteKit would answer as to `use:enhance`).
 */
export const formHeaders = {
	'Content-Type': 'application/x-www-form-urlencoded',
	Accept: 'text/html',
	Origin: ORIGIN
} as const;

/**
 * Runs axe-core on the page and fails with a readable list of violations. Legacy mode runs axe
 * in the page itself; the default opens a second page per run to merge the results of
 * cross-origin frames, which our pages do not have (0.3 s a run instead of 0.85 s).
 */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
	const report = results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact,
		message: violation.help,
		targets: violation.nodes.map((node) => node.target.join(' ')),
		details: violation.nodes.map((node) => node.failureSummary)
	}));
	expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

interface Fixtures {
	/** Sign-up data unique to the test; nobody has signed up with it yet. */
	account: Account;
}

export const test = base.extend<Fixtures>({
	page: async ({ page, javaScriptEnabled }, use) => {
		if (!javaScriptEnabled) pagesWithoutScripts.add(page);
		await use(page);
	},
	// eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern here.
	account: async ({}, use) => {
		await use(newAccount());
	}
});

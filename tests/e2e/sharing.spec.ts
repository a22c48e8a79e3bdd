import type { Browser, Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	formHeaders,
	gotoHydrated,
	newAccount,
	ORIGIN,
	signUp,
	test
} from './fixtures';

const TEXT = `Die „Waffenruhe“ ist brüchig – aber sie ist ein Anfang.

Wer jetzt nachgibt, verliert nichts.`;

/** The buttons and labels these tests use, in both UI languages (messages/*.json). */
const ui = {
	en: {
		saveCommentary: 'Save commentary',
		createClass: 'Create class',
		joinClass: 'Join class',
		shareWithClass: 'Share with class',
		createLink: 'Create a read-only link',
		newLink: 'New read-only link'
	},
	de: {
		saveCommentary: 'Kommentar speichern',
		createClass: 'Klasse anlegen',
		joinClass: 'Klasse beitreten',
		shareWithClass: 'Mit der Klasse teilen',
		createLink: 'Link zum Lesen erstellen',
		newLink: 'Neuer Link zum Lesen'
	}
} as const;
type Lang = keyof typeof ui;

/** Adds a private commentary through the form and returns its path. */
async function createCommentary(page: Page, title: string, lang: Lang = 'en'): Promise<string> {
	await gotoHydrated(page, '/commentaries/new');
	const main = page.getByRole('main');
	await main.locator('[name=title]').fill(title);
	await main.locator('[name=author]').fill('Zoë Ämter');
	await main.locator('[name=outlet]').fill('Testblatt');
	await main.locator('[name=body]').fill(TEXT);
	await main.getByRole('button', { name: ui[lang].saveCommentary }).click();
	await expect(page).toHaveURL(/\/commentaries\/[a-z2-7]{8,}$/);
	return new URL(page.url()).pathname;
}

/** Creates a class on /classes and returns the join link its page shows. */
async function createClass(page: Page, name: string, lang: Lang = 'en'): Promise<string> {
	await gotoHydrated(page, '/classes');
	const main = page.getByRole('main');
	await main.locator('input[name=name]').fill(name);
	await main.getByRole('button', { name: ui[lang].createClass }).click();
	await expect(page).toHaveURL(/\/classes\/[a-z2-7]{8,}$/);
	return page.locator('#join-link').inputValue();
}

/** A second person in their own browser context (own cookies), signed up and ready. */
async function newPerson(browser: Browser, joinLink?: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: ORIGIN, locale: 'en-US' });
	const page = await context.newPage();
	await signUp(page, newAccount());
	if (joinLink) {
		await gotoHydrated(page, joinLink);
		await page.getByRole('main').getByRole('button', { name: ui.en.joinClass }).click();
		await expect(page).toHaveURL(/\/classes\/[a-z2-7]{8,}$/);
	}
	return page;
}

async function createLink(page: Page, lang: Lang = 'en'): Promise<string> {
	const main = page.getByRole('main');
	await main.getByRole('button', { name: ui[lang].createLink }).click();
	return main.getByLabel(ui[lang].newLink).inputValue();
}

test('a read-only link opens a private commentary without an account until it is revoked', async ({
	page,
	account,
	browser
}) => {
	await signUp(page, account);
	const title = `Geteilt ${account.username}`;
	const path = await createCommentary(page, title);
	const main = page.getByRole('main');
	// Nothing to share with yet: the panel says where classes are made.
	await expect(main.getByText('You teach no classes yet.')).toBeVisible();
	await expect(main.getByRole('link', { name: 'Create a class' })).toHaveAttribute(
		'href',
		'/classes'
	);
	await expect(main.getByText('No open links.')).toBeVisible();

	const link = await createLink(page);
	expect(link).toMatch(/^http:\/\/localhost:4173\/links\/[a-z2-7]{32}$/);
	await expect(main.getByLabel('New read-only link')).toBeFocused();
	await expect(main.getByText('it is shown only this once')).toBeVisible();

	const reader = await (await browser.newContext({ locale: 'en-US' })).newPage();
	const response = await reader.goto(link);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['referrer-policy']).toBe('no-referrer');
	await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(reader.getByText('Die „Waffenruhe“ ist brüchig')).toBeVisible();
	await expect(reader.getByText('you can read it here, but not change it')).toBeVisible();
	// Read-only: no buttons, no fields, no way to edit.
	await expect(reader.getByRole('main').getByRole('button')).toHaveCount(0);
	await expect(reader.getByRole('main').getByRole('textbox')).toHaveCount(0);
	await expect(reader.getByRole('link', { name: 'Edit' })).toHaveCount(0);

	// Back on the owner's page the link is listed, but its address cannot be shown again.
	await gotoHydrated(page, path);
	await expect(main.getByLabel('New read-only link')).toHaveCount(0);
	expect(await page.content()).not.toContain(new URL(link).pathname);
	const links = main.getByRole('list', { name: 'Read-only links' });
	await expect(links.getByRole('listitem')).toHaveCount(1);
	await links.getByRole('button', { name: /^Revoke/ }).click();
	await expect(main.getByRole('status').filter({ hasText: 'Link revoked' })).toBeVisible();
	await expect(main.getByText('No open links.')).toBeVisible();

	const afterRevoke = await reader.goto(link);
	expect(afterRevoke?.status()).toBe(404);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	const madeUp = await reader.goto(`/links/${'a'.repeat(32)}`);
	expect(madeUp?.status()).toBe(404);
	await reader.context().close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('links are made, shown once and revoked with plain form posts', async ({
		page,
		account
	}) => {
		await signUp(page, account);
		await createCommentary(page, `Ohne JS ${account.username}`);
		const link = await createLink(page);
		expect(link).toMatch(/\/links\/[a-z2-7]{32}$/);
		const main = page.getByRole('main');
		await main.getByRole('button', { name: /^Revoke/ }).click();
		await expect(main.getByText('Link revoked')).toBeVisible();
		expect((await page.goto(link))?.status()).toBe(404);
	});
});

test("someone else's private commentary: no link, and no hint it exists (404, not 403)", async ({
	page,
	account,
	browser
}) => {
	await signUp(page, account);
	const path = await createCommentary(page, `Privat ${account.username}`);
	const stranger = await newPerson(browser);

	const post = await stranger.request.post(`${path}?/createShareLink`, {
		headers: formHeaders,
		form: {}
	});
	expect(post.status()).toBe(404);
	const revoke = await stranger.request.post(`${path}?/revokeShareLink`, {
		headers: formHeaders,
		form: { linkId: 'whatever' }
	});
	expect(revoke.status()).toBe(404);
	expect((await stranger.goto(path))?.status()).toBe(404);
	// The owner's page still lists no link.
	await gotoHydrated(page, path);
	await expect(page.getByRole('main').getByText('No open links.')).toBeVisible();
	await stranger.context().close();
});

test('a teacher shares a commentary with a class: its students read it, other students do not', async ({
	page,
	account,
	browser
}) => {
	test.slow();
	await signUp(page, account);
	const className = `7b ${account.username}`;
	const joinLink = await createClass(page, className);
	const otherJoinLink = await createClass(page, `8c ${account.username}`);
	const title = `Für die Klasse ${account.username}`;
	const path = await createCommentary(page, title);

	const main = page.getByRole('main');
	await main.getByLabel('Class', { exact: true }).selectOption({ label: className });
	await main.getByRole('button', { name: 'Share with class' }).click();
	await expect(
		main.getByRole('status').filter({ hasText: 'Shared with the class.' })
	).toBeVisible();
	const sharedWith = main.getByRole('list', { name: 'Shared with' });
	await expect(sharedWith.getByRole('listitem')).toHaveText([new RegExp(className)]);

	const student = await newPerson(browser, joinLink);
	const otherStudent = await newPerson(browser, otherJoinLink);
	expect((await student.goto(path))?.status()).toBe(200);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText(title);
	// Students read; they get no sharing panel.
	await expect(student.getByRole('heading', { name: 'Share', exact: true })).toHaveCount(0);
	expect((await otherStudent.goto(path))?.status()).toBe(404);
	// A student may not share it on: they may read it, so the answer is 403.
	const studentPost = await student.request.post(`${path}?/createShareLink`, {
		headers: formHeaders,
		form: {}
	});
	expect(studentPost.status()).toBe(403);

	await sharedWith.getByRole('button', { name: `Stop sharing with ${className}` }).click();
	await expect(main.getByText('Not shared with any class.')).toBeVisible();
	expect((await student.goto(path))?.status()).toBe(404);
	await student.context().close();
	await otherStudent.context().close();
});

for (const { locale, lang } of [
	{ locale: 'en-US', lang: 'en' },
	{ locale: 'de-DE', lang: 'de' }
] as const) {
	test.describe(`accessibility (${locale})`, () => {
		test.use({ locale });

		test('the sharing panel and a link page', async ({ page, account, browser }) => {
			await signUp(page, account);
			const className = `Klasse ${account.username}`;
			await createClass(page, className, lang);
			await createClass(page, `Zweite ${account.username}`, lang);
			await createCommentary(page, `Barrierefrei ${account.username}`, lang);
			const main = page.getByRole('main');
			await main.getByRole('combobox').selectOption({ label: className });
			await main.getByRole('button', { name: ui[lang].shareWithClass }).click();
			await expect(main.getByRole('button', { name: new RegExp(className) })).toBeVisible();
			const link = await createLink(page, lang);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expectNoAxeViolations(page);

			const reader = await (await browser.newContext({ locale })).newPage();
			await reader.goto(link);
			await expect(reader.locator('html')).toHaveAttribute('lang', lang);
			await expectNoAxeViolations(reader);
			await reader.context().close();
		});
	});
}

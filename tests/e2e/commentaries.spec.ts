import { expect, formHeaders, gotoHydrated, signUp, test } from './fixtures';

const TEXT = `Die „Waffenruhe“ ist brüchig – aber sie ist ein Anfang.

Donaudampfschifffahrtsgesellschaftskapitänsmütze: lange Wörter brechen um. Emoji bleiben 🕊️.`;

test('add a commentary with „German quotes“, find it, edit its metadata, and delete it with its maps', async ({
	page,
	account
}) => {
	await signUp(page, account);
	await gotoHydrated(page, '/commentaries/new');
	const title = `Kommentar ${account.username}`;
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Author').fill('Zoë Ämter');
	await page.getByLabel('Outlet').fill('Testblatt');
	await page.getByLabel('Text of the commentary').fill(TEXT);
	await expect(page.getByText(`${TEXT.length} of at most 200,000 characters`)).toBeVisible();
	await page.getByRole('button', { name: 'Save commentary' }).click();
	await expect(page).toHaveURL(/\/commentaries\/[a-z2-7]{8,}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	// Paragraphs and quotation marks exactly as pasted, as text.
	const paragraphs = page.getByRole('region', { name: 'Text' }).locator('p');
	await expect(paragraphs).toHaveText([
		'Die „Waffenruhe“ ist brüchig – aber sie ist ein Anfang.',
		'Donaudampfschifffahrtsgesellschaftskapitänsmütze: lange Wörter brechen um. Emoji bleiben 🕊️.'
	]);
	const commentaryUrl = page.url();

	await gotoHydrated(page, '/commentaries?q=ämter');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await gotoHydrated(page, '/commentaries?q=nichtvorhanden');
	await expect(page.getByText('No commentary matches „nichtvorhanden“.')).toBeVisible();

	await page.goto(commentaryUrl);
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Title').fill(`${title} (korrigiert)`);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (korrigiert)`);
	expect(page.url()).toBe(commentaryUrl);

	// One map of it: the deletion says so, and takes it along.
	await page.getByRole('button', { name: 'Map this commentary' }).click();
	await expect(page).toHaveURL(/\/maps\//);
	await page.goto(commentaryUrl);
	await page.getByText('Delete this commentary').click();
	await expect(
		page.getByText('Deleting the commentary also deletes every map of it: 1 in all.')
	).toBeVisible();
	await page.getByLabel('Delete the commentary and its 1 maps for good.').check();
	await page.getByRole('button', { name: 'Delete commentary' }).click();
	await expect(page).toHaveURL(/\/commentaries$/);
	await expect(page.getByRole('link', { name: /korrigiert/ })).toHaveCount(0);
	await gotoHydrated(page, '/maps');
	await expect(page.getByText('You have no maps yet.')).toBeVisible();
});

test('an oversized commentary gets a clear message and nothing is saved or lost', async ({
	page,
	account
}) => {
	await signUp(page, account);
	await gotoHydrated(page, '/commentaries/new');
	const title = `Zu lang ${account.username}`;
	const huge = 'Wort '.repeat(40_001); // 200,005 characters
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Text of the commentary').fill(huge);
	await page.getByRole('button', { name: 'Save commentary' }).click();
	await expect(page.getByRole('alert')).toContainText('longer than 200,000 characters');
	// The pasted text is still in the form, to be shortened.
	expect(await page.getByLabel('Text of the commentary').inputValue()).toHaveLength(huge.length);

	// Without the browser's check, the server refuses it too.
	const response = await page.request.post('/commentaries/new', {
		headers: formHeaders,
		form: {
			title,
			author: '',
			outlet: '',
			publishedOn: '',
			sourceUrl: '',
			language: 'de',
			body: huge
		}
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('longer than 200,000 characters');
	await gotoHydrated(page, `/commentaries?q=${encodeURIComponent(title)}`);
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test("someone else's private commentary is not found", async ({ page, browser, account }) => {
	await signUp(page, account);
	await gotoHydrated(page, '/commentaries/new');
	await page.getByLabel('Title').fill('Privat');
	await page.getByLabel('Text of the commentary').fill('Nur für mich.');
	await page.getByRole('button', { name: 'Save commentary' }).click();
	await expect(page).toHaveURL(/\/commentaries\/[a-z2-7]{8,}$/);
	const url = page.url();

	const stranger = await browser.newContext({ locale: 'en-US' });
	const other = await stranger.newPage();
	const response = await other.goto(url);
	expect(response?.status()).toBe(404);
	await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await stranger.close();
});

import { expect, expectNoAxeViolations, gotoHydrated, signUp, test } from './fixtures';

const locales = [
	{ locale: 'en-US', lang: 'en', failedSignupAlert: 'The two passwords do not match.' },
	{ locale: 'de-DE', lang: 'de', failedSignupAlert: 'Die beiden Passwörter stimmen nicht überein.' }
] as const;

for (const { locale, lang, failedSignupAlert } of locales) {
	test.describe(`accessibility (${locale})`, () => {
		test.use({ locale });

		test.afterEach(async ({ page }) => {
			// Make sure each page was checked in the language under test.
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
		});

		test('landing page', async ({ page }) => {
			await page.goto('/');
			await expectNoAxeViolations(page);
		});

		test('sign-up page', async ({ page }) => {
			await page.goto('/signup');
			await expectNoAxeViolations(page);
		});

		test('sign-up page after a failed submission', async ({ page, account }) => {
			await gotoHydrated(page, '/signup');
			const fields = page.getByRole('main').locator('input');
			await fields.nth(0).fill(account.username);
			await fields.nth(1).fill(account.displayName);
			await fields.nth(3).fill(account.password);
			await fields.nth(4).fill(`${account.password}x`);
			await page.getByRole('main').getByRole('button').click();
			await expect(page.getByRole('alert')).toHaveText(failedSignupAlert);
			await expectNoAxeViolations(page);
		});

		test('log-in page', async ({ page }) => {
			await page.goto('/login');
			await expectNoAxeViolations(page);
		});

		test('account page', async ({ page }) => {
			await signUp(page);
			await page.goto('/account');
			await expect(page).toHaveURL('/account');
			await expectNoAxeViolations(page);
		});

		test('404 page', async ({ page }) => {
			const response = await page.goto('/no/such/page');
			expect(response?.status()).toBe(404);
			await expectNoAxeViolations(page);
		});

		test('example commentary', async ({ page }) => {
			await page.goto('/');
			await page.locator('a[href^="/commentaries/"]').click();
			await expect(page).toHaveURL(/\/commentaries\//);
			await expectNoAxeViolations(page);
		});
	});
}

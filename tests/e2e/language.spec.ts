import { expect, siteHeader, test } from './fixtures';

const EN_TITLE = 'Map the arguments of political commentary';
const DE_TITLE = 'Die Argumente politischer Kommentare kartieren';

test.describe('a German browser', () => {
	test.use({ locale: 'de-DE' });

	test('gets the German landing page', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DE_TITLE);
		await expect(siteHeader(page).getByRole('link', { name: 'Anmelden' })).toBeVisible();
		await expect(siteHeader(page).getByRole('button', { name: 'Deutsch' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});
});

test.describe('an English browser', () => {
	test.use({ locale: 'en-US' });

	test('gets the English landing page', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN_TITLE);
		await expect(siteHeader(page).getByRole('button', { name: 'English' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});

	test('switches to German, and the choice persists', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN_TITLE);

		await siteHeader(page).getByRole('button', { name: 'Deutsch' }).click();
		// Back on the same page, now in German.
		await expect(page).toHaveURL('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DE_TITLE);
		await expect(siteHeader(page).getByRole('button', { name: 'Deutsch' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DE_TITLE);

		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');

		// Client-side navigation renders in the chosen language too.
		await page.getByRole('main').getByRole('link', { name: 'Registrieren' }).click();
		await expect(page).toHaveURL('/signup');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto anlegen');

		await siteHeader(page).getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL('/signup');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	});
});

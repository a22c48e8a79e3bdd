import { expect, expectNoAxeViolations, gotoHydrated, signUp, test } from './fixtures';

const locales = [
	{ locale: 'en-US', lang: 'en', mapThis: 'Map this commentary' },
	{ locale: 'de-DE', lang: 'de', mapThis: 'Diesen Kommentar kartieren' }
] as const;

for (const { locale, lang, mapThis } of locales) {
	test.describe(`accessibility of the mapping pages (${locale})`, () => {
		test.use({ locale });
		// Five pages, each with an axe run: about 20 s on an idle 2-core machine.
		test.describe.configure({ timeout: 90_000 });

		test.afterEach(async ({ page }) => {
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
		});

		test('commentaries, new commentary, maps list (empty and full), editor with a selection, example map', async ({
			page,
			account
		}) => {
			await signUp(page, account);
			await gotoHydrated(page, '/maps');
			await expectNoAxeViolations(page);
			await gotoHydrated(page, '/commentaries');
			await expectNoAxeViolations(page);
			await gotoHydrated(page, '/commentaries/new');
			await expectNoAxeViolations(page);

			await gotoHydrated(page, '/commentaries');
			await page.getByRole('link', { name: 'Feuerpause in Aleppo – Kommentar' }).click();
			await page.waitForLoadState('networkidle');
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: mapThis }).click();
			await expect(page).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
			await page.waitForLoadState('networkidle');
			await expectNoAxeViolations(page);
			// With statements, highlights, an outline and checks on the page.
			const outlineInput = page.locator('#outline-new-text');
			await outlineInput.fill('Reden hilft.');
			await outlineInput.press('Enter');
			await expect(page.locator('[data-outline-statement]')).toHaveCount(1);
			await page.locator('[data-outline-statement]').click();
			await expectNoAxeViolations(page);

			await gotoHydrated(page, '/maps');
			await expect(page.locator('main li')).toHaveCount(1);
			await expectNoAxeViolations(page);

			await gotoHydrated(page, '/');
			await page.locator('a[href^="/maps/"]').first().click();
			await page.waitForLoadState('networkidle');
			await page.locator('[data-outline-statement]').first().click();
			await expectNoAxeViolations(page);
		});
	});
}

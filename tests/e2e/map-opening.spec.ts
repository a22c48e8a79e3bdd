import type { Page } from '@playwright/test';
import { expect, gotoHydrated, test } from './fixtures';

/** The example map's id, from the landing page's link in either language. */
async function exampleMapId(page: Page): Promise<string> {
	await gotoHydrated(page, '/');
	const href = await page
		.getByRole('main')
		.locator('a[href*="/maps/"]')
		.first()
		.getAttribute('href');
	const id = /\/maps\/([a-z2-7]+)$/.exec(href ?? '')?.[1];
	if (!id) throw new Error('no example map on the landing page');
	return id;
}

// The map page is rendered without the map; the browser fetches the map JSON, which the page
// preloads. These tests pin that down: one download, the page small, a failed download retried.

const EXAMPLE_STATEMENT = 'Russland kann Stabilität garantieren';

test('the map page leaves the map to its preloaded JSON, fetched once', async ({ page }) => {
	const mapId = await exampleMapId(page);
	const html = await (await page.request.get(`/maps/${mapId}`)).text();
	expect(html).toContain('Beispielkarte: Feuerpause in Aleppo');
	expect(html).toContain(`<link rel="preload" href="/maps/${mapId}.json" as="fetch"`);
	// Neither the document nor the commentary's text is in the page.
	expect(html).not.toContain(EXAMPLE_STATEMENT);
	expect(html).not.toContain('Hunderttausende Menschen');

	const downloads: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname === `/maps/${mapId}.json`) downloads.push(request.url());
	});
	await gotoHydrated(page, `/maps/${mapId}`);
	const outline = page.getByRole('region', { name: 'Outline' });
	await expect(outline.getByText(EXAMPLE_STATEMENT, { exact: false })).toBeVisible();
	await expect(page.getByTestId('anchored-text')).toContainText('Hunderttausende Menschen');
	expect(downloads).toHaveLength(1);
});

for (const { locale, failed, retry } of [
	{
		locale: 'en-US',
		failed: 'The map could not be loaded. Nothing of it is lost; try again.',
		retry: 'Try again'
	},
	{
		locale: 'de-DE',
		failed:
			'Die Karte konnte nicht geladen werden. Nichts davon ist verloren; versuch es noch einmal.',
		retry: 'Noch einmal versuchen'
	}
]) {
	test.describe(locale, () => {
		test.use({ locale });

		test('a map that fails to download says so, and trying again opens it', async ({ page }) => {
			const mapId = await exampleMapId(page);
			let refused = 0;
			await page.route(`**/maps/${mapId}.json`, async (route) => {
				if (refused++ === 0) await route.fulfill({ status: 503, body: 'busy' });
				else await route.continue();
			});
			await gotoHydrated(page, `/maps/${mapId}`);
			const main = page.getByRole('main');
			await expect(main.getByText(failed)).toBeVisible();
			await expect(main.getByRole('heading', { level: 1 })).toHaveText(
				'Beispielkarte: Feuerpause in Aleppo'
			);
			await main.getByRole('button', { name: retry }).click();
			await expect(main.getByText(failed)).toBeHidden();
			await expect(page.getByTestId('anchored-text')).toContainText('Hunderttausende Menschen');
			expect(refused).toBe(2);
		});
	});
}

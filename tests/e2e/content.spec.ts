import { expect, pageErrors, test } from './fixtures';

const SENTENCE =
	'Die Bundesregierung muss den Gesprächsfaden zum Kreml dennoch aufrecht erhalten, wenn andere es nicht tun.';
const SUBHEADING = 'Moskau forciert den Krieg – und kann Ruhe bringen';

test.describe('the example commentary', () => {
	test('the landing page shows the example map read-only and links to the whole text', async ({
		page
	}) => {
		await page.goto('/');
		const example = page.getByRole('region', { name: 'Example commentary' });
		await expect(example).toBeVisible();
		await expect(example.getByRole('heading', { level: 3 })).toHaveText(
			'Feuerpause in Aleppo – Kommentar'
		);
		await expect(example.getByText('Matthias Schiermeyer, Stuttgarter Zeitung')).toBeVisible();
		// The example map: its main claim is highlighted in the text, and the graph is drawn.
		await expect(example.locator('mark', { hasText: 'Gesprächsfaden zum Kreml' })).toHaveText(
			SENTENCE
		);
		await expect(example.getByTestId('argument-graph').locator('canvas').first()).toBeVisible();
		await expect(example.getByRole('button', { name: 'Auto-layout' })).toHaveCount(0);

		await example.getByRole('link', { name: 'Read the whole commentary' }).click();
		await expect(page).toHaveURL(/\/commentaries\/[a-z2-7]{8,64}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Feuerpause in Aleppo – Kommentar'
		);
		const text = page.getByRole('region', { name: 'Text' });
		await expect(text.locator('[lang]')).toHaveAttribute('lang', 'de');
		await expect(text.getByText(SUBHEADING, { exact: true })).toBeVisible();
		await expect(text).toContainText(SENTENCE);
		await expect(text.getByText('matthias.schiermeyer@stzn.de')).toBeVisible();
	});

	test('when the example map fails to download, the landing page says so and keeps its links', async ({
		page
	}) => {
		// The code the page preloads (its Link header) comes through; the map viewer, a chunk
		// loaded after the page, does not. (SvelteKit's own error page, loaded then too, does.)
		const links = (await page.request.get('/')).headers()['link'] ?? '';
		const preloaded = new Set(
			[...links.matchAll(/<([^>]+)>; rel="modulepreload"/g)].map(
				(match) => new URL(match[1]!, 'http://localhost/').pathname
			)
		);
		expect(preloaded.size).toBeGreaterThan(0);
		const refused: string[] = [];
		await page.route('**/_app/immutable/chunks/*.js', (route) => {
			const path = new URL(route.request().url()).pathname;
			if (preloaded.has(path)) return route.continue();
			refused.push(path);
			return route.abort('internetdisconnected');
		});
		const errors = pageErrors(page);

		await page.goto('/');
		const example = page.getByRole('region', { name: 'Example commentary' });
		await expect(example.getByRole('alert')).toHaveText(
			'The example map could not be loaded – check your connection and reload the page.'
		);
		expect(refused.length).toBeGreaterThan(0);
		await expect(example.getByRole('link', { name: 'Read the whole commentary' })).toBeVisible();
		await expect(example.getByRole('link', { name: 'Open the example map' })).toBeVisible();
		expect(errors).toEqual([]);
	});

	test.describe('in German', () => {
		test.use({ locale: 'de-DE' });

		test('the landing page has the section "Beispielkommentar"', async ({ page }) => {
			await page.goto('/');
			const example = page.getByRole('region', { name: 'Beispielkommentar' });
			await expect(example).toBeVisible();
			await example.getByRole('link', { name: 'Den ganzen Kommentar lesen' }).click();
			await expect(page.getByText('Beispiel', { exact: true })).toBeVisible();
			await expect(page.getByRole('region', { name: 'Text' })).toContainText(SENTENCE);
		});
	});
});

test.describe('not found', () => {
	test('an unknown URL shows the friendly 404 page', async ({ page }) => {
		const response = await page.goto('/no/such/page');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByText('Error 404')).toBeVisible();
		await page.getByRole('main').getByRole('link', { name: 'Back to the home page' }).click();
		await expect(page).toHaveURL('/');
	});

	test('an unknown commentary id is a 404 too', async ({ page }) => {
		const response = await page.goto('/commentaries/aaaaaaaaaaaaaaaaaaaaaaaa');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	});
});

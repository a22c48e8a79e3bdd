import { readFile } from 'node:fs/promises';
import { expect, expectNoAxeViolations, gotoHydrated, signUp, test } from './fixtures';

const EXAMPLE_STATEMENTS = [
	'Die Bundesregierung muss den Gesprächsfaden zum Kreml aufrechterhalten.',
	'Ohne Russlands Mitwirkung gibt es in Syrien keine Waffenruhe.',
	'Lawrow hatte Steinmeier zunächst auflaufen lassen.'
];

test.describe.configure({ timeout: 120_000 });

test('export the example map as PNG, SVG, AIF and Argdown, import AIF and Argdown as new maps; a broken file creates nothing', async ({
	page,
	account
}, testInfo) => {
	await signUp(page, account);
	await gotoHydrated(page, '/');
	await page.getByRole('link', { name: 'Open the example map' }).click();
	await expect(page).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	const statementCount = 10;
	await expect(page.locator('[data-outline-statement]')).toHaveCount(statementCount);
	await page.waitForLoadState('networkidle');

	// PNG, drawn by the browser from the live graph.
	const pngDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'PNG image (2×)' }).click();
	const png = await readFile((await (await pngDownload).path())!);
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(png.length).toBeGreaterThan(10_000);

	const downloads: Record<string, string> = {};
	for (const [label, format] of [
		['SVG image', 'svg'],
		['AIF JSON (AIFdb)', 'aif'],
		['Argdown', 'argdown']
	] as const) {
		const menu = page.locator('details.export');
		if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
		await expect(menu.getByRole('link', { name: label, exact: true })).toBeVisible();
		const pending = page.waitForEvent('download');
		await page.getByRole('link', { name: label, exact: true }).click();
		const download = await pending;
		expect(download.suggestedFilename()).toMatch(/^Beispielkarte Feuerpause in Aleppo\./);
		downloads[format] = await readFile((await download.path())!, 'utf8');
		const path = testInfo.outputPath(download.suggestedFilename());
		await download.saveAs(path);
		downloads[`${format}Path`] = path;
	}
	expect(downloads.svg).toContain('<svg');
	expect(downloads.svg).toContain('Lawrow hatte Steinmeier');
	expect(JSON.parse(downloads.aif!).nodes.length).toBeGreaterThan(10);
	expect(downloads.argdown).toContain('Lawrow hatte Steinmeier');

	for (const format of ['aif', 'argdown'] as const) {
		await gotoHydrated(page, '/maps/import');
		await page.getByLabel('File').setInputFiles(downloads[`${format}Path`]!);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect(page).toHaveURL(/\/maps\/[a-z2-7]{8,}/);
		await page.waitForLoadState('networkidle');
		await expect(page.locator('[data-outline-statement]')).toHaveCount(statementCount);
		for (const text of EXAMPLE_STATEMENTS) {
			await expect(
				page.locator('[data-outline-statement]', { hasText: text }).first()
			).toBeVisible();
		}
	}

	// A broken file: a clear message with where the problem is, and no new map.
	await gotoHydrated(page, '/maps');
	const mapsBefore = await page.locator('main li').count();
	await gotoHydrated(page, '/maps/import');
	await page.getByLabel('File').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"nodes": [ {"nodeID": 1, "text": "x", "type": "I"} ,, ]}')
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert')).toContainText('The file is not valid JSON');
	await expect(page.getByRole('alert')).toContainText('Line 1');
	await gotoHydrated(page, '/maps');
	await expect(page.locator('main li')).toHaveCount(mapsBefore);
});

test('the print view shows graph, highlighted text and outline on one page, accessibly', async ({
	page
}) => {
	await gotoHydrated(page, '/');
	await page.getByRole('link', { name: 'Open the example map' }).click();
	await expect(page).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	await page.locator('details.export summary').click();
	await page.getByRole('link', { name: 'Print view' }).click();
	await expect(page).toHaveURL(/\/print$/);
	const graph = page.getByRole('img', { name: /Argument graph with 10 statements/ });
	await expect(graph).toBeVisible();
	expect(await graph.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300);
	await expect(page.locator('mark', { hasText: 'Machtkalkül' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Outline' })).toContainText(
		'Lawrow hatte Steinmeier zunächst auflaufen lassen.'
	);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site-header')).toBeHidden();
	await expectNoAxeViolations(page);
});

import { readFile } from 'node:fs/promises';
import { expect, signUp, test } from './fixtures';

/** Every key in a JSON value, at any depth. */
function allKeys(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(allKeys);
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, child]) => [key, ...allKeys(child)]);
}

test('"Download my data" exports the account as JSON, without passwords', async ({
	page,
	account
}) => {
	await signUp(page, { ...account, email: `${account.username}@example.org` });

	const response = await page.request.get('/account/export.json');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(response.headers()['content-disposition']).toBe(
		`attachment; filename="argumap-${account.username}.json"`
	);
	expect(response.headers()['cache-control']).toBe('no-store');
	const data = await response.json();
	expect(data.format).toBe('argumap-user-export');
	expect(data.account).toMatchObject({
		username: account.username,
		displayName: account.displayName,
		email: `${account.username}@example.org`
	});
	expect(data.sessions).toHaveLength(1);
	const keys = allKeys(data);
	expect(keys.length).toBeGreaterThan(5);
	expect(keys.filter((key) => /password/i.test(key))).toEqual([]);
	expect(JSON.stringify(data)).not.toContain(account.password);

	// The link on the account page downloads the same file.
	await page.goto('/account');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download my data' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`argumap-${account.username}.json`);
	const downloaded = JSON.parse(await readFile(await download.path(), 'utf8'));
	expect(downloaded.format).toBe('argumap-user-export');
	expect(downloaded.account.username).toBe(account.username);
});

test('the export needs a session', async ({ request }) => {
	const response = await request.get('/account/export.json');
	expect(response.status()).toBe(401);
	expect(await response.text()).not.toContain('argumap-user-export');
});

import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, formHeaders, gotoHydrated, newAccount, ORIGIN, signUp } from './fixtures';

/** A signed-up user in a browser context of their own, so several can act side by side. */
export async function newUser(browser: Browser, displayName: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US' });
	const page = await context.newPage();
	await signUp(page, newAccount({ displayName }));
	return page;
}

/** Creates a class on /classes (English UI) and returns its id, join code as shown and join path. */
export async function createClass(page: Page, name: string) {
	await gotoHydrated(page, '/classes');
	await page.getByLabel('Name of the class').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page).toHaveURL(/\/classes\/[a-z2-7]{8,}$/);
	const joinLink = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
	return {
		id: new URL(page.url()).pathname.split('/').pop()!,
		code: (await page.getByRole('definition').textContent())?.trim() ?? '',
		joinPath: new URL(joinLink).pathname
	};
}

/** Joins by following the join link and pressing the button. */
export async function joinByLink(page: Page, joinPath: string) {
	await gotoHydrated(page, joinPath);
	await page.getByRole('button', { name: 'Join class' }).click();
	await expect(page).toHaveURL(/\/classes\/[a-z2-7]{8,}$/);
}

/** Joins by typing the code on /classes. */
export async function joinByCode(page: Page, code: string) {
	await gotoHydrated(page, '/classes');
	await page.getByLabel('Join code').fill(code);
	await page.getByRole('button', { name: 'Join class' }).click();
	await expect(page).toHaveURL(/\/classes\/[a-z2-7]{8,}$/);
}

export async function exampleMapId(page: Page): Promise<string> {
	await gotoHydrated(page, '/');
	const href = await page.getByRole('link', { name: 'Open the example map' }).getAttribute('href');
	return href!.split('/').pop()!;
}

export function mapJson(request: APIRequestContext, mapId: string) {
	return request.get(`/maps/${mapId}.json`);
}

/** A private copy of a readable map, as the user's own map with `title`. */
export async function copyMap(page: Page, sourceMapId: string, title: string): Promise<string> {
	const source = await (await mapJson(page.request, sourceMapId)).json();
	const response = await page.request.post('/maps/copies', {
		headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
		data: JSON.stringify({
			sourceMapId,
			title,
			document: { format: source.format, version: source.version, map: source.map }
		})
	});
	expect(response.status()).toBe(201);
	return (await response.json()).id;
}

/** Saves the map unchanged at its current revision, as autosave would. */
export async function saveMap(request: APIRequestContext, mapId: string) {
	const current = await (await mapJson(request, mapId)).json();
	return request.put(`/maps/${mapId}.json`, {
		headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
		data: JSON.stringify({
			baseRevision: current.revision,
			document: { format: current.format, version: current.version, map: current.map }
		})
	});
}

/** A plain form post, as a browser without JavaScript sends it; redirects are not followed. */
export function postAction(page: Page, path: string, form: Record<string, string> = {}) {
	return page.request.post(path, { headers: formHeaders, form, maxRedirects: 0 });
}

import type { APIRequestContext, Page } from '@playwright/test';
import { expect, ORIGIN, signUp, test } from './fixtures';
import { EditorPage } from './editor-page';

/** Starts a map of the example commentary in the browser and returns its id. */
async function newMap(page: Page): Promise<string> {
	await new EditorPage(page).startMapOfExample();
	return new URL(page.url()).pathname.split('/').pop()!;
}

function put(
	request: APIRequestContext,
	id: string,
	body: unknown,
	contentType = 'application/json'
) {
	return request.put(`/maps/${id}.json`, {
		headers: { 'Content-Type': contentType, Origin: ORIGIN },
		data: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

const claim = (start: number, end: number, quote: string) => ({
	id: 'claim',
	text: 'Hauptthese',
	role: 'main_claim',
	implicit: false,
	anchors: [{ start, end, quote }],
	note: ''
});

test('the map JSON: versioned document, saves with revisions, 409 on a stale revision, bad input refused', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMap(page);
	const request = page.request;

	const first = await request.get(`/maps/${id}.json`);
	expect(first.status()).toBe(200);
	const document = await first.json();
	expect(document).toMatchObject({ format: 'argumap-map', version: 1, revision: 1 });
	const text: string = document.commentary.body;
	const quote = text.slice(0, 20);

	const valid = {
		format: 'argumap-map',
		version: 1,
		map: { statements: [claim(0, 20, quote)], relations: [] }
	};
	const saved = await put(request, id, { baseRevision: 1, document: valid });
	expect(saved.status()).toBe(200);
	expect(await saved.json()).toEqual({ revision: 2 });

	const stale = await put(request, id, {
		baseRevision: 1,
		document: { ...valid, map: { statements: [], relations: [] } }
	});
	expect(stale.status()).toBe(409);
	expect(await stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });

	expect((await put(request, id, 'baseRevision=2', 'text/plain')).status()).toBe(415);
	expect((await put(request, id, '<map/>', 'application/xml')).status()).toBe(415);
	expect((await put(request, id, '{not json', 'application/json')).status()).toBe(400);
	const outOfText = await put(request, id, {
		baseRevision: 2,
		document: { ...valid, map: { statements: [claim(0, text.length + 5, quote)], relations: [] } }
	});
	expect(outOfText.status()).toBe(400);
	expect((await outOfText.json()).issues[0].code).toBe('anchor_out_of_range');
	const selfSupport = await put(request, id, {
		baseRevision: 2,
		document: {
			...valid,
			map: {
				statements: [claim(0, 20, quote)],
				relations: [{ id: 'r', kind: 'support', premiseIds: ['claim'], conclusionId: 'claim' }]
			}
		}
	});
	expect(selfSupport.status()).toBe(400);

	// None of the refused requests changed what was saved.
	const after = await (await request.get(`/maps/${id}.json`)).json();
	expect(after.revision).toBe(2);
	expect(after.map).toEqual(valid.map);
});

test("someone else's map: 404 to read and to save; the example map is public but read-only", async ({
	page,
	browser,
	account
}) => {
	await signUp(page, account);
	const id = await newMap(page);

	const strangerContext = await browser.newContext({ locale: 'en-US' });
	const stranger = await strangerContext.newPage();
	await signUp(stranger);
	expect((await stranger.request.get(`/maps/${id}.json`)).status()).toBe(404);
	expect((await stranger.goto(`/maps/${id}`))?.status()).toBe(404);
	const hijack = await put(stranger.request, id, {
		baseRevision: 1,
		document: { format: 'argumap-map', version: 1, map: { statements: [], relations: [] } }
	});
	expect(hijack.status()).toBe(404);
	await strangerContext.close();

	const anonymous = await browser.newContext({ locale: 'en-US' });
	const reader = await anonymous.newPage();
	expect((await reader.request.get(`/maps/${id}.json`)).status()).toBe(404);
	await reader.goto('/');
	await reader.getByRole('link', { name: 'Open the example map' }).click();
	await expect(reader.getByTestId('save-status')).toHaveText('Read only');
	const exampleId = new URL(reader.url()).pathname.split('/').pop()!;
	const example = await reader.request.get(`/maps/${exampleId}.json`);
	expect(example.status()).toBe(200);
	expect((await example.json()).map.statements.length).toBeGreaterThan(5);
	const write = await put(reader.request, exampleId, { baseRevision: 1, document: {} });
	expect(write.status()).toBe(401);
	await anonymous.close();
});

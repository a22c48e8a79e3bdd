import type { Page } from '@playwright/test';
import { EditorPage } from './editor-page';
import { expect, gotoHydrated, ORIGIN, signUp, test } from './fixtures';

const STATEMENTS = 200;

/** Starts a map of the example commentary as the signed-in user; its id. */
async function newMapOfExample(page: Page): Promise<string> {
	await new EditorPage(page).startMapOfExample();
	return new URL(page.url()).pathname.split('/').pop()!;
}

/** Saves `document` as the map's second revision, then opens the map in the editor. */
async function openWithDocument(page: Page, id: string, document: unknown) {
	const saved = await page.request.put(`/maps/${id}.json`, {
		headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
		data: JSON.stringify({ baseRevision: 1, document })
	});
	expect(saved.status()).toBe(200);
	await gotoHydrated(page, `/maps/${id}`);
}

/** A tree of implicit statements: every statement supports the one half its number. */
function largeMap() {
	const statements = Array.from({ length: STATEMENTS }, (_, i) => ({
		id: `s${i}`,
		text: `Statement ${i} of a map too large for the layout on the page`,
		role: i === 0 ? 'main_claim' : i < STATEMENTS / 2 ? 'intermediate_conclusion' : 'premise',
		implicit: true,
		anchors: [],
		note: ''
	}));
	const relations = statements.slice(1).map((_, index) => {
		const i = index + 1;
		return {
			id: `r${i}`,
			kind: 'support',
			premiseIds: [`s${i}`],
			conclusionId: `s${Math.floor((i - 1) / 2)}`
		};
	});
	return { format: 'argumap-map', version: 1, map: { statements, relations } };
}

interface Stored {
	revision: number;
	map: { statements: { id: string; position?: { x: number; y: number } }[] };
}

test('a large map is laid out in the layout worker, every statement placed and the positions stored', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	await openWithDocument(page, id, largeMap());
	// The editor stores the worker's positions through autosave; wait for that save.
	let stored: Stored | undefined;
	await expect
		.poll(
			async () => {
				stored = (await (await page.request.get(`/maps/${id}.json`)).json()) as Stored;
				return stored.map.statements.filter((statement) => statement.position).length;
			},
			{ timeout: 20_000 }
		)
		.toBe(STATEMENTS);
	const positions = new Map(stored!.map.statements.map((s) => [s.id, s.position!]));
	const spots = new Set([...positions.values()].map(({ x, y }) => `${x},${y}`));
	expect(spots.size).toBe(STATEMENTS);
	// Premises sit below the statement they support.
	for (let i = 1; i < STATEMENTS; i++) {
		const conclusion = positions.get(`s${Math.floor((i - 1) / 2)}`)!;
		expect(positions.get(`s${i}`)!.y).toBeGreaterThan(conclusion.y);
	}
	await expect(page.getByText('All changes saved')).toBeVisible();
});

/** One chain of implicit statements, each supporting the one before: as deep as a map gets. */
function chainMap(length: number) {
	const statements = Array.from({ length }, (_, i) => ({
		id: `s${i}`,
		text: `Step ${i} of a long chain of reasons`,
		role: i === 0 ? 'main_claim' : 'intermediate_conclusion',
		implicit: true,
		anchors: [],
		note: ''
	}));
	const relations = statements.slice(1).map((_, index) => ({
		id: `r${index + 1}`,
		kind: 'support',
		premiseIds: [`s${index + 1}`],
		conclusionId: `s${index}`
	}));
	return { format: 'argumap-map', version: 1, map: { statements, relations } };
}

test('a chain of 300 statements opens: graph and outline drawn to the last step, no script error', async ({
	page,
	account
}) => {
	const CHAIN = 300;
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, account);
	const id = await newMapOfExample(page);
	await openWithDocument(page, id, chainMap(CHAIN));
	const editor = new EditorPage(page);
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(CHAIN, {
		timeout: 20_000
	});
	await expect(editor.outline.locator(`[data-outline-statement="s${CHAIN - 1}"]`)).toBeVisible();
	await expect(page.locator('[data-testid="argument-graph"] canvas').first()).toBeVisible();
	expect(errors).toEqual([]);
});

/** A binary tree of `size` implicit statements, placed, so the page runs no layout. */
function placedTree(size: number) {
	const statements = Array.from({ length: size }, (_, i) => ({
		id: `t${i}`,
		text: `Reason ${i} in a wide tree`,
		role: i === 0 ? 'main_claim' : 'premise',
		implicit: true,
		anchors: [],
		note: '',
		position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 120 }
	}));
	const relations = statements.slice(1).map((_, index) => ({
		id: `u${index + 1}`,
		kind: 'support',
		premiseIds: [`t${index + 1}`],
		conclusionId: `t${Math.floor(index / 2)}`
	}));
	return { format: 'argumap-map', version: 1, map: { statements, relations } };
}

test('the outline holds back while the graph is pressed, and grows to the end after the release', async ({
	page,
	account
}) => {
	const SIZE = 1500;
	await signUp(page, account);
	const id = await newMapOfExample(page);
	await openWithDocument(page, id, placedTree(SIZE));
	const canvas = page.locator('[data-testid="argument-graph"] canvas').first();
	await canvas.waitFor();
	const box = (await canvas.boundingBox())!;
	// A press on the graph, held without moving: no viewport event tells the page a pan goes on.
	await page.mouse.move(box.x + 5, box.y + 5);
	await page.mouse.down();
	const items = new EditorPage(page).outline.locator('[data-outline-statement]');
	await page.waitForTimeout(400);
	const whilePressed = await items.count();
	await page.waitForTimeout(1500);
	expect(await items.count()).toBe(whilePressed);
	expect(whilePressed).toBeLessThan(SIZE);
	await page.mouse.up();
	await expect(items).toHaveCount(SIZE, { timeout: 30_000 });
});

test('a map of 300 anchored statements marks every passage of the text once its graph has drawn', async ({
	page,
	account
}) => {
	const SIZE = 300;
	await signUp(page, account);
	const id = await newMapOfExample(page);
	const body: string = (await (await page.request.get(`/maps/${id}.json`)).json()).commentary.body;
	const step = Math.floor(body.length / SIZE);
	expect(step).toBeGreaterThanOrEqual(6);
	const statements = Array.from({ length: SIZE }, (_, i) => ({
		id: `p${i}`,
		text: `Passage ${i}`,
		role: i === 0 ? 'main_claim' : 'premise',
		implicit: false,
		anchors: [{ start: i * step, end: i * step + 4, quote: body.slice(i * step, i * step + 4) }],
		note: ''
	}));
	const relations = statements.slice(1).map((_, index) => ({
		id: `q${index + 1}`,
		kind: 'support',
		premiseIds: [`p${index + 1}`],
		conclusionId: 'p0'
	}));
	await openWithDocument(page, id, {
		format: 'argumap-map',
		version: 1,
		map: { statements, relations }
	});
	const text = new EditorPage(page).text;
	await expect(text.locator('mark[data-statements~="p299"]')).toHaveCount(1, { timeout: 20_000 });
	await expect(text.locator('mark[data-statements~="p0"]')).toHaveCount(1);
	// Selecting a statement in the text still works on the marked text.
	await text.locator('mark[data-statements~="p150"]').click();
	await expect(
		new EditorPage(page).outline.locator('[data-outline-statement="p150"]')
	).toHaveAttribute('aria-pressed', 'true');
});

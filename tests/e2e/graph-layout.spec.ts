import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EditorPage } from './editor-page';
import { expect, gotoHydrated, ORIGIN, pageErrors, signUp, test } from './fixtures';

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
	const errors = pageErrors(page);
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

/** Where the client build put a module loaded on demand (Vite's manifest of that build). */
function builtChunk(source: string): string {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string }>;
	const chunk = manifest[source];
	if (!chunk) throw new Error(`${source} is not a chunk of its own in the build`);
	return chunk.file;
}

test('a minimap that fails to download: the page says so, and draws the graph without it', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	const minimap = builtChunk('src/lib/components/graph/GraphMinimap.svelte');
	await page.route(`**/${minimap}`, (route) => route.abort('internetdisconnected'));
	const errors = pageErrors(page);
	// Large enough for a minimap.
	await openWithDocument(page, id, placedTree(30));
	await expect(page.getByRole('alert')).toHaveText(
		'Part of the graph could not be loaded – check your connection and try again.'
	);
	await expect(page.locator('[data-testid="argument-graph"] canvas').first()).toBeVisible();
	await expect(page.getByRole('img', { name: /^Overview of the whole map/ })).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the outline holds back while the graph is pressed, and grows to the end after the release', async ({
	page,
	account
}) => {
	const SIZE = 1500;
	test.setTimeout(120_000);
	await signUp(page, account);
	const id = await newMapOfExample(page);
	// A processor half as fast, so the press lands before the outline has grown to the end: on a
	// quiet machine it sometimes grew all 1,500 statements before the press arrived.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 });
	await openWithDocument(page, id, placedTree(SIZE));
	const canvas = page.locator('[data-testid="argument-graph"] canvas').first();
	const items = new EditorPage(page).outline.locator('[data-outline-statement]');
	// The press has to land before the outline has grown to the end, and a quick moment of the
	// machine (CI, once) can grow it all first: then the map is opened again, at most twice.
	let whilePressed = SIZE;
	for (let attempt = 1; attempt <= 3 && whilePressed === SIZE; attempt++) {
		if (attempt > 1) {
			await page.mouse.up();
			await gotoHydrated(page, `/maps/${id}`);
		}
		await canvas.waitFor();
		const box = (await canvas.boundingBox())!;
		// A press on the graph, held without moving: no viewport event tells the page a pan goes on.
		await page.mouse.move(box.x + 5, box.y + 5);
		await page.mouse.down();
		await page.waitForTimeout(400);
		whilePressed = await items.count();
	}
	expect(whilePressed).toBeLessThan(SIZE);
	await page.waitForTimeout(1500);
	expect(await items.count()).toBe(whilePressed);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
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

/** A main claim with two premises, one of them already supporting it, placed in one row. */
function placedRow() {
	const statement = (id: string, role: string, x: number) => ({
		id,
		text: `Statement ${id}`,
		role,
		implicit: true,
		anchors: [],
		note: '',
		position: { x, y: 0 }
	});
	return {
		format: 'argumap-map',
		version: 1,
		map: {
			statements: [
				statement('s0', 'main_claim', 0),
				statement('s1', 'premise', 260),
				statement('s2', 'premise', -260)
			],
			relations: [{ id: 'r2', kind: 'support', premiseIds: ['s2'], conclusionId: 's0' }]
		}
	};
}

/** Where a statement's node is drawn, in page coordinates, and its position in the graph. */
function graphNode(page: Page, id: string) {
	return page.getByTestId('argument-graph').evaluate((container, nodeId) => {
		const { cy } = (container as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg;
		const node = cy.getElementById(nodeId);
		const box = container.getBoundingClientRect();
		const rendered = node.renderedPosition();
		return {
			x: box.x + rendered.x,
			y: box.y + rendered.y,
			position: { ...node.position() }
		};
	}, id);
}

/** Scripts the page has loaded, by content: the on-demand parts are told apart by their code. */
function watchScripts(page: Page) {
	const loaded = { layout: false, drawing: false };
	page.on('response', async (response) => {
		if (!response.url().endsWith('.js')) return;
		const code = await response.text().catch(() => '');
		if (code.includes('useDagreEdgeControlPoints')) loaded.layout = true;
		if (code.includes('noEdgeEventsInDraw')) loaded.drawing = true;
	});
	return loaded;
}

/**
 * Intercepts the app's script chunks: `decide` sees each one's code and may fail it ('fail', as
 * if the connection dropped) or hold it back (a promise).
 */
async function interceptChunks(
	page: Page,
	decide: (code: string) => 'fail' | Promise<void> | void
) {
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		const decision = decide(body);
		if (decision === 'fail') return route.abort('internetdisconnected');
		await decision;
		await route.fulfill({ response, body });
	});
}

/** cytoscape is the only chunk of this size. */
const isCytoscape = (code: string) => code.length > 300_000;

test('a placed map opens without the layout and drawing code; drawing a support loads it and adds the relation', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	// A page of its own: the new map's page, unplaced, loads the layout code.
	const mapPage = await page.context().newPage();
	const scripts = watchScripts(mapPage);
	await openWithDocument(mapPage, id, placedRow());
	await expect(mapPage.locator('[data-testid="argument-graph"] canvas').first()).toBeVisible();
	await expect.poll(() => graphNode(mapPage, 's1').then((node) => node.position.x)).toBe(260);
	await mapPage.waitForLoadState('networkidle');
	expect(scripts).toEqual({ layout: false, drawing: false });

	const graph = mapPage.getByTestId('argument-graph');
	// Marks this cytoscape instance: an edit must change the graph, not build a new one.
	// A block body: `scratch` returns the cytoscape instance, which Playwright would serialise.
	await graph.evaluate((container) => {
		(container as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.scratch(
			'_test',
			'first'
		);
	});
	await mapPage.getByRole('button', { name: 'Draw supports' }).click();
	await expect.poll(() => scripts.drawing).toBe(true);
	const from = await graphNode(mapPage, 's1');
	const to = await graphNode(mapPage, 's0');
	await mapPage.mouse.move(from.x, from.y);
	await mapPage.mouse.down();
	await mapPage.mouse.move(to.x, to.y, { steps: 12 });
	await mapPage.waitForTimeout(300);
	await mapPage.mouse.up();
	await new EditorPage(mapPage).expectSaved();
	const stored = await (await mapPage.request.get(`/maps/${id}.json`)).json();
	expect(stored.map.relations).toContainEqual(
		expect.objectContaining({ kind: 'support', premiseIds: ['s1'], conclusionId: 's0' })
	);
	expect(scripts.layout).toBe(false);
	expect(
		await graph.evaluate((container) =>
			(container as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.scratch(
				'_test'
			)
		)
	).toBe('first');
});

test('Auto-layout lays a placed map out anew: premises below their conclusion, the stored positions gone', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	await openWithDocument(page, id, placedRow());
	await expect.poll(() => graphNode(page, 's1').then((node) => node.position.y)).toBe(0);
	await page.getByRole('button', { name: 'Auto-layout' }).click();
	await expect
		.poll(
			async () =>
				(await graphNode(page, 's2')).position.y - (await graphNode(page, 's0')).position.y
		)
		.toBeGreaterThan(20);
	await new EditorPage(page).expectSaved();
	const stored: Stored = await (await page.request.get(`/maps/${id}.json`)).json();
	expect(stored.map.statements.filter((statement) => statement.position)).toEqual([]);
});

test('the checks wait for the graph: held back while cytoscape loads, shown once it has drawn', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	// Holds cytoscape back until the checks have been looked at.
	await interceptChunks(page, (code) => (isCytoscape(code) ? held : undefined));
	await openWithDocument(page, id, placedRow());
	const checks = page.getByRole('region', { name: 'Checks' });
	await expect(checks).toContainText('The checks run once the map has been drawn.');
	await expect(checks).not.toContainText('Sentences of the text covered');
	release();
	await expect(checks).toContainText('Sentences of the text covered by your statements: 0 %');
	await expect(checks).not.toContainText('once the map has been drawn');
});

test('edge drawing that fails to download says so, changes nothing, and loads on the next try', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	let offline = true;
	await interceptChunks(page, (code) =>
		offline && code.includes('noEdgeEventsInDraw') ? 'fail' : undefined
	);
	await openWithDocument(page, id, placedRow());
	await expect(page.locator('[data-testid="argument-graph"] canvas').first()).toBeVisible();
	const draw = page.getByRole('button', { name: 'Draw supports' });
	await draw.click();
	await expect(page.getByRole('alert')).toHaveText(
		'Part of the graph could not be loaded – check your connection and try again.'
	);
	await expect(draw).toHaveAttribute('aria-pressed', 'false');
	const stored: Stored & { map: { relations: unknown[] } } = await (
		await page.request.get(`/maps/${id}.json`)
	).json();
	expect(stored.map.relations).toHaveLength(1);
	offline = false;
	await draw.click();
	await expect(draw).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByText('Part of the graph could not be loaded')).toHaveCount(0);
});

test('cytoscape that fails to download: the page says so, the map is kept, and "Try again" draws it', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const id = await newMapOfExample(page);
	let offline = true;
	await interceptChunks(page, (code) => (offline && isCytoscape(code) ? 'fail' : undefined));
	await openWithDocument(page, id, placedRow());
	const failed = page.getByRole('alert').filter({ hasText: 'The graph could not be loaded' });
	await expect(failed).toHaveText(
		'The graph could not be loaded – check your connection and try again. Your map is not affected. Try again'
	);
	await expect(page.locator('[data-testid="argument-graph"] canvas')).toHaveCount(0);
	// The rest of the editor works without the graph: the checks do not wait for it forever.
	await expect(page.getByRole('region', { name: 'Checks' })).toContainText(
		'Sentences of the text covered by your statements'
	);
	const stored: Stored = await (await page.request.get(`/maps/${id}.json`)).json();
	expect(stored.map.statements).toHaveLength(3);

	offline = false;
	await failed.getByRole('button', { name: 'Try again' }).click();
	await expect(failed).toHaveCount(0);
	await expect(page.locator('[data-testid="argument-graph"] canvas').first()).toBeVisible();
	await expect.poll(() => graphNode(page, 's1').then((node) => node.position.x)).toBe(260);
});

test('an unplaced map whose cytoscape fails to download shows one alert, not also the layout’s, and no empty-map hint', async ({
	page,
	account
}) => {
	await signUp(page, account);
	await interceptChunks(page, (code) => (isCytoscape(code) ? 'fail' : undefined));
	// A new map: no statements, so no stored positions, so the page also asks for the layout.
	await newMapOfExample(page);
	await expect(page.getByRole('alert')).toHaveText(
		'The graph could not be loaded – check your connection and try again. Your map is not affected. Try again'
	);
	await expect(page.getByText('Part of the graph could not be loaded')).toHaveCount(0);
	await expect(page.getByText('Mark words in the text')).toHaveCount(0);
});

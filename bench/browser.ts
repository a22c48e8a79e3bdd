// Parts 2 and 3 in headless Chromium: our map page from navigation to the graph painted, and the
// frame rate while dragging the view for 3 s, against a bare page with the same cytoscape, the
// same elements, styles and positions and a graph area of the same size.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import { graphStyle } from '../src/lib/components/graph/graph-style';
import { graphElements } from '../src/lib/editor/graph-elements';
import type { ArgumentMap } from '../src/lib/argument';
import type { Seeded } from './seed';
import { abba, median, row, type Row } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const PAN_MS = 3000;
const GRAPH = '[data-testid="argument-graph"]';

/**
 * Runs in both pages before any of their scripts: notes when a canvas in the graph area first
 * shows something, the longest main-thread task, and counts animation frames on request.
 */
export const PROBE = `(() => {
	const probe = (window.__bench = { paintedAt: null, longestTask: 0, frames: 0, counting: false });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) probe.longestTask = Math.max(probe.longestTask, entry.duration);
	}).observe({ type: 'longtask', buffered: true });
	const sample = document.createElement('canvas');
	sample.width = sample.height = 24;
	const context = sample.getContext('2d', { willReadFrequently: true });
	const painted = () => {
		for (const canvas of document.querySelectorAll('${GRAPH} canvas')) {
			if (!canvas.width || !canvas.height) continue;
			context.clearRect(0, 0, 24, 24);
			context.drawImage(canvas, 0, 0, 24, 24);
			const pixels = context.getImageData(0, 0, 24, 24).data;
			for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
		}
		return false;
	};
	const frame = () => {
		if (probe.paintedAt === null && painted()) probe.paintedAt = performance.now();
		if (probe.counting) probe.frames++;
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
})();`;

export function barePage(elements: unknown, width: number, height: number): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<style>body{margin:0} #graph{width:${width}px;height:${height}px;background:#fbfcfe}</style></head>
<body><div id="graph" data-testid="argument-graph"></div>
<script type="module">
import cytoscape from '/cytoscape.esm.min.mjs';
const cy = cytoscape({
	container: document.getElementById('graph'),
	style: ${JSON.stringify(graphStyle)},
	autounselectify: true, boxSelectionEnabled: false, minZoom: 0.05, maxZoom: 3,
	textureOnViewport: true, hideEdgesOnViewport: true
});
cy.batch(() => cy.add(${JSON.stringify(elements).replace(/</g, '\\u003c')}));
cy.fit(undefined, 30);
if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(); }
window.cy = cy;
</script></body></html>`;
}

interface Visit {
	firstFrameMs: number;
	longestTaskMs: number;
	fps: number;
}

async function visit(
	browser: Browser,
	url: string,
	cookie: string | null,
	panFrom: Point | null
): Promise<Visit> {
	const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
	if (cookie) {
		await context.addCookies([{ name: 'argumap_session', value: cookie, url }]);
	}
	await context.addInitScript(PROBE);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	try {
		await page.goto(url, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(
			() =>
				(window as never as { __bench: { paintedAt: number | null } }).__bench.paintedAt !== null,
			undefined,
			{ timeout: 120_000, polling: 50 }
		);
		const firstFrameMs = await page.evaluate(
			() => (window as never as { __bench: { paintedAt: number } }).__bench.paintedAt
		);
		const fps = panFrom ? await panFor(page, panFrom) : NaN;
		await page.waitForTimeout(300);
		const longestTaskMs = await page.evaluate(
			() => (window as never as { __bench: { longestTask: number } }).__bench.longestTask
		);
		return { firstFrameMs, longestTaskMs, fps };
	} catch (error) {
		await page.screenshot({ path: 'bench/failed-visit.png' }).catch(() => undefined);
		throw new Error(`${url}: ${String(error)}; page errors: ${errors.join('; ') || 'none'}`);
	} finally {
		await context.close();
	}
}

interface Point {
	x: number;
	y: number;
}

/** Drags the view around for PAN_MS, starting at `from` (a spot without a node; see emptySpot). */
async function panFor(page: Page, from: Point): Promise<number> {
	await page.waitForTimeout(500);
	const box = await page.locator(GRAPH).boundingBox();
	if (!box) throw new Error('no graph area');
	const start = { x: box.x + from.x, y: box.y + from.y };
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	await page.evaluate(() => {
		const probe = (window as never as { __bench: { frames: number; counting: boolean } }).__bench;
		probe.frames = 0;
		probe.counting = true;
	});
	const began = Date.now();
	let step = 0;
	while (Date.now() - began < PAN_MS) {
		step++;
		const angle = step / 10;
		await page.mouse.move(
			start.x + 120 + Math.cos(angle) * 100,
			start.y + 120 + Math.sin(angle) * 100
		);
	}
	const elapsed = Date.now() - began;
	const frames = await page.evaluate(() => {
		const probe = (window as never as { __bench: { frames: number; counting: boolean } }).__bench;
		probe.counting = false;
		return probe.frames;
	});
	await page.mouse.up();
	return (frames * 1000) / elapsed;
}

export interface BrowserBenchOptions {
	appUrl: string;
	seeded: Seeded;
	maps: Map<string, ArgumentMap>;
	rounds: number;
}

export async function benchBrowser(options: BrowserBenchOptions): Promise<Row[]> {
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
	});
	const cytoscapeJs = readFileSync('node_modules/cytoscape/dist/cytoscape.esm.min.mjs');
	const pages = new Map<string, string>();
	const bare: Server = createServer((request, response) => {
		if (request.url === '/cytoscape.esm.min.mjs') {
			response.writeHead(200, { 'content-type': 'text/javascript' }).end(cytoscapeJs);
			return;
		}
		const html = pages.get(request.url ?? '');
		response.writeHead(html ? 200 : 404, { 'content-type': 'text/html' }).end(html ?? '');
	});
	await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
	const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
	const rows: Row[] = [];
	try {
		for (const seededMap of options.seeded.maps) {
			try {
				rows.push(...(await benchSize(seededMap)));
			} catch (error) {
				// One size failing (the page crashing, say) must not hide the others' figures.
				console.error(`2/3: ${seededMap.size} statements failed:`, error);
				rows.push(
					row(
						'2 first frame',
						`${seededMap.size} statements: the page did not paint (see the log)`,
						NaN,
						NaN,
						'ms',
						{ text: '≤ 1.2×', met: () => false }
					)
				);
			}
		}
	} finally {
		bare.close();
		await browser.close();
	}
	return rows;

	async function benchSize(seededMap: Seeded['maps'][number]): Promise<Row[]> {
		const rows: Row[] = [];
		const map = options.maps.get(seededMap.placedId);
		if (!map) throw new Error('placed map missing');
		const ourUrl = `${options.appUrl}/maps/${seededMap.placedId}`;
		// Warm-up visit, which also gives the size of our graph area for the bare page.
		await visit(browser, ourUrl, options.seeded.sessionToken, null);
		const size = await graphAreaSize(browser, ourUrl, options.seeded.sessionToken);
		if (process.env.BENCH_DEBUG) console.log('graph area', size);
		pages.set(`/bare/${seededMap.size}`, barePage(graphElements(map), size.width, size.height));
		const bareMapUrl = `${bareUrl}/bare/${seededMap.size}`;
		await visit(browser, bareMapUrl, null, null);
		const from = await emptySpot(browser, bareMapUrl);
		const revisionBefore = await revisionOf(ourUrl, options.seeded.sessionToken);
		const runs = await abba(
			options.rounds,
			() => visit(browser, ourUrl, options.seeded.sessionToken, from),
			() => visit(browser, bareMapUrl, null, from)
		);
		if ((await revisionOf(ourUrl, options.seeded.sessionToken)) !== revisionBefore) {
			console.warn(`3 panning: a drag changed the ${seededMap.size}-statement map (moved a node?)`);
		}
		const unplaced = await visit(
			browser,
			`${options.appUrl}/maps/${seededMap.unplacedId}`,
			options.seeded.sessionToken,
			null
		);
		const pick = (list: Visit[], key: keyof Visit) => median(list.map((v) => v[key]));
		rows.push(
			row(
				'2 first frame',
				`${seededMap.size} statements (placed)`,
				pick(runs.a, 'firstFrameMs'),
				pick(runs.b, 'firstFrameMs'),
				'ms',
				{ text: '≤ 1.2×', met: (ratio) => ratio <= 1.2 }
			),
			row(
				'2 first frame',
				`${seededMap.size} statements, longest main-thread task`,
				pick(runs.a, 'longestTaskMs'),
				pick(runs.b, 'longestTaskMs'),
				'ms'
			),
			row(
				'2 first frame',
				`${seededMap.size} statements unplaced (auto-layout) vs placed bare page`,
				unplaced.firstFrameMs,
				pick(runs.b, 'firstFrameMs'),
				'ms'
			),
			row(
				'1 layout',
				`${seededMap.size} statements unplaced: longest main-thread task vs bare page`,
				unplaced.longestTaskMs,
				pick(runs.b, 'longestTaskMs'),
				'ms',
				{ text: '≤ 200 ms', met: (_, ours) => ours <= 200 }
			),
			row(
				'3 panning',
				`${seededMap.size} statements`,
				pick(runs.a, 'fps'),
				pick(runs.b, 'fps'),
				'fps',
				{ text: '≥ 0.9×', met: (ratio) => ratio >= 0.9 }
			)
		);
		return rows;
	}
}

/**
 * A spot in the graph area (from its top left) where a press pans the view instead of grabbing
 * a node. It is found on the bare page, whose view is ours (same elements, positions, styles,
 * size and fit). From 3,000 statements the fit stops at the smallest zoom and nodes cover the
 * corners: a drag from the corner moved a node on both pages, and on ours saved the map.
 */
async function emptySpot(browser: Browser, bareMapUrl: string): Promise<Point> {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	await page.goto(bareMapUrl);
	await page.waitForFunction(() => 'cy' in window);
	// A string, not a function: tsx would wrap named helpers in a function the page lacks.
	const spot = (await page.evaluate(`(() => {
		const boxes = cy.nodes().map((node) => node.renderedBoundingBox({}));
		const margin = 8;
		const free = (x, y) => !boxes.some((box) =>
			x >= box.x1 - margin && x <= box.x2 + margin && y >= box.y1 - margin && y <= box.y2 + margin);
		for (let y = 10; y < cy.height() - 10; y += 4) {
			for (let x = 10; x < cy.width() - 10; x += 4) if (free(x, y)) return { x, y };
		}
		return null;
	})()`)) as Point | null;
	await context.close();
	if (!spot) console.warn('3 panning: no spot without a node; the drags start at a corner');
	return spot ?? { x: 10, y: 10 };
}

/** The map's stored revision, to notice a benchmark drag that moved a node. */
async function revisionOf(mapUrl: string, sessionToken: string): Promise<number> {
	const response = await fetch(`${mapUrl}.json`, {
		headers: { cookie: `argumap_session=${sessionToken}` }
	});
	return ((await response.json()) as { revision: number }).revision;
}

async function graphAreaSize(browser: Browser, url: string, cookie: string) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	await context.addCookies([{ name: 'argumap_session', value: cookie, url }]);
	const page = await context.newPage();
	await page.goto(url);
	const box = await page.locator(GRAPH).boundingBox();
	await context.close();
	return { width: Math.round(box?.width ?? 800), height: Math.round(box?.height ?? 600) };
}

// Part 6: gzipped JavaScript each route loads up front (its static import graph from the client
// build's manifest) against cytoscape's own gzipped chunk from the same build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row, type Row } from './stats';

const CLIENT = '.svelte-kit/output/client';
const GENERATED = '.svelte-kit/generated/client-optimized';

interface ManifestChunk {
	file: string;
	name?: string;
	imports?: string[];
	dynamicImports?: string[];
}

/** Route → the client nodes it loads (layouts and page), from SvelteKit's generated app.js. */
function routeNodes(): Map<string, number[]> {
	const app = readFileSync(join(GENERATED, 'app.js'), 'utf8');
	const routes = new Map<string, number[]>();
	for (const match of app.matchAll(/"(\/[^"]*)": \[([^\]]*)\]/g)) {
		const numbers = [...(match[2] ?? '').matchAll(/~?(\d+)/g)].map((m) => Number(m[1]));
		routes.set(match[1] ?? '', numbers);
	}
	return routes;
}

export function benchBundle(routes: Record<string, string>, graphRoutes: readonly string[]): Row[] {
	const manifest = JSON.parse(
		readFileSync(join(CLIENT, '.vite', 'manifest.json'), 'utf8')
	) as Record<string, ManifestChunk>;
	const gzipped = new Map<string, number>();
	const sizeOf = (file: string) => {
		let size = gzipped.get(file);
		if (size === undefined) {
			size = gzipSync(readFileSync(join(CLIENT, file)), { level: 9 }).length;
			gzipped.set(file, size);
		}
		return size;
	};
	const cytoscapeKey = Object.keys(manifest).find((key) => manifest[key]?.name === 'cytoscape');
	if (!cytoscapeKey) throw new Error('no cytoscape chunk in the client build (see vite.config.ts)');
	const cytoscapeFile = manifest[cytoscapeKey]?.file ?? '';
	const cytoscapeKb = sizeOf(cytoscapeFile) / 1024;

	/** Files loaded with `keys`, following static imports only. */
	const closure = (keys: string[]) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key)) return;
			seen.add(key);
			for (const next of manifest[key]?.imports ?? []) visit(next);
		};
		keys.forEach(visit);
		return [...seen].map((key) => manifest[key]?.file ?? '').filter((file) => file.endsWith('.js'));
	};
	// What a graph loads once it is on screen: cytoscape, its extensions and the minimap.
	// cytoscape's own chunk is named by vite.config.ts, so its key is the chunk's file name.
	const graphKeys = Object.keys(manifest).filter(
		(key) =>
			key === cytoscapeKey ||
			/node_modules\/cytoscape|GraphMinimap\.svelte|load-cytoscape/.test(key)
	);
	if (!graphKeys.includes(cytoscapeKey)) throw new Error('cytoscape is not among the graph chunks');
	const entries = Object.keys(manifest).filter((key) =>
		/entry\/(start|app)/.test(manifest[key]?.name ?? '')
	);
	const nodes = routeNodes();
	const rows: Row[] = [
		row('6 bundle', 'cytoscape chunk (gzipped)', cytoscapeKb, cytoscapeKb, 'KB')
	];
	for (const [label, route] of Object.entries(routes)) {
		const routeNodeIds = nodes.get(route);
		if (!routeNodeIds) {
			console.warn(`6 bundle: route ${route} is not in this build; skipped`);
			continue;
		}
		// Node 0 is the root layout, which every route loads.
		const nodeKeys = [0, ...routeNodeIds].map((n) => `${GENERATED}/nodes/${n}.js`);
		const graph = graphRoutes.includes(route);
		// A graph's route counts what it loads to draw the graph, lazily loaded parts included.
		const files = [
			...new Set([...closure([...entries, ...nodeKeys]), ...(graph ? closure(graphKeys) : [])])
		];
		const kb = files.reduce((sum, file) => sum + sizeOf(file), 0) / 1024;
		const withCytoscape = files.includes(cytoscapeFile);
		rows.push(
			graph
				? row(
						'6 bundle',
						`${label} (${route}) JS incl. the lazily loaded graph vs cytoscape`,
						kb,
						cytoscapeKb,
						'KB',
						{ text: '≤ 1.4×', met: (ratio) => ratio <= 1.4 }
					)
				: row(
						'6 bundle',
						`${label} (${route}) JS up front${withCytoscape ? ', CONTAINS cytoscape' : ''}`,
						kb,
						cytoscapeKb,
						'KB',
						{ text: '≤ 60 KB, no cytoscape', met: (_, ours) => ours <= 60 && !withCytoscape }
					)
		);
	}
	const worker = readdirSync(join(CLIENT, '_app'), { recursive: true, encoding: 'utf8' }).find(
		(file) => /layout\.worker.*\.js$/.test(file)
	);
	if (worker) {
		const kb = sizeOf(join('_app', worker)) / 1024;
		rows.push(
			row(
				'6 bundle',
				'layout worker with Graphviz (fetched only to lay out a large map)',
				kb,
				cytoscapeKb,
				'KB'
			)
		);
	}
	return rows;
}

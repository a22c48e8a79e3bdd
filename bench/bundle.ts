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

	/** Files loaded with `keys`, following static imports, and dynamic ones too if `onDemand`. */
	const closure = (keys: string[], onDemand = false) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key)) return;
			seen.add(key);
			const chunk = manifest[key];
			for (const next of chunk?.imports ?? []) visit(next);
			if (onDemand) for (const next of chunk?.dynamicImports ?? []) visit(next);
		};
		keys.forEach(visit);
		return [...seen].map((key) => manifest[key]?.file ?? '').filter((file) => file.endsWith('.js'));
	};
	// What a graph loads to draw a map: cytoscape and the minimap. The dagre layout (for a map
	// without stored positions) and edge drawing load when needed, and are counted in the
	// "with everything on demand" row. cytoscape's own chunk is named by vite.config.ts.
	const graphKeys = Object.keys(manifest).filter(
		(key) => key === cytoscapeKey || /GraphMinimap\.svelte/.test(key)
	);
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
						`${label} (${route}) JS to draw a map, incl. the lazily loaded graph, vs cytoscape`,
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
		if (graph) {
			// The entries import every route's page on demand; only this route's pages count.
			const everything = new Set([...closure(entries), ...closure(nodeKeys, true)]);
			const allKb = [...everything].reduce((sum, file) => sum + sizeOf(file), 0) / 1024;
			rows.push(
				row(
					'6 bundle',
					`${label} (${route}) JS with all it loads on demand (layout, drawing, suggestions)`,
					allKb,
					cytoscapeKb,
					'KB'
				)
			);
		}
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

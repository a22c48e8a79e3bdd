// Part 1: our automatic layout as the editor runs it (dagre for small maps, Graphviz dot in
// WebAssembly in a worker from WORKER_LAYOUT_FROM statements) against Graphviz dot with its
// defaults and against Argdown's own map generation (`argdown map … -f svg`, which parses,
// builds the map and lays it out with Graphviz).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { dotSource, layoutWithGraphviz } from '../src/lib/components/graph/graphviz-layout';
import { WORKER_LAYOUT_FROM } from '../src/lib/components/graph/layout';
import { graphElements } from '../src/lib/editor/graph-elements';
import { layoutMap } from '../src/lib/interchange/graph-layout';
import { exportArgdown } from '../src/lib/interchange/argdown';
import { generateMap } from './generate';
import { abba, median, row, timeMs, type Row } from './stats';

const ARGDOWN = join(process.cwd(), 'node_modules', '.bin', 'argdown');

export async function benchLayout(sizes: readonly number[], rounds: number): Promise<Row[]> {
	const rows: Row[] = [];
	const loadMs = await timeMs(() => Graphviz.load());
	const graphviz = await Graphviz.load();
	rows.push(row('1 layout', 'Graphviz WebAssembly load (once per worker)', loadMs, loadMs, 'ms'));
	const dir = mkdtempSync(join(tmpdir(), 'argumap-bench-layout-'));
	try {
		for (const size of sizes) {
			const { map, text } = generateMap(size);
			const inWorker = size >= WORKER_LAYOUT_FROM;
			// Below the worker threshold the editor runs dagre on the page (headless here).
			const ours = inWorker
				? () => Object.keys(layoutWithGraphviz(graphviz, graphElements(map))).length
				: () => layoutMap(map).size;
			const placed = ours();
			if (placed < map.statements.length) throw new Error(`layout placed ${placed} nodes`);
			const engine = inWorker ? 'Graphviz in worker' : 'dagre on the page';
			// Graphviz as someone would run it by hand: labelled boxes, spline edges, SVG out.
			const defaultDot = dotSource(graphElements(map))
				.replace('splines=false;', '')
				.replace('node [shape=box fixedsize=true label=""];', 'node [shape=box];');
			const file = join(dir, `map-${size}.argdown`);
			writeFileSync(
				file,
				exportArgdown({
					title: `Benchmark ${size}`,
					commentary: {
						title: 'Benchmark',
						author: 'bench',
						outlet: 'bench',
						language: 'en',
						publishedOn: null,
						sourceUrl: null,
						body: text
					},
					map
				})
			);
			const argdown = () =>
				execFileSync(ARGDOWN, ['map', file, join(dir, 'out'), '-f', 'svg', '--silent'], {
					stdio: 'ignore'
				});
			const vsDot = await abba(
				rounds,
				() => timeMs(ours),
				() => timeMs(() => graphviz.layout(defaultDot, 'svg', 'dot'))
			);
			const vsArgdown = await abba(
				rounds,
				() => timeMs(ours),
				() => timeMs(argdown)
			);
			rows.push(
				row(
					'1 layout',
					`${size} statements (${engine}) vs Graphviz dot (defaults, SVG)`,
					median(vsDot.a),
					median(vsDot.b),
					'ms'
				),
				row(
					'1 layout',
					`${size} statements (${engine}) vs argdown map (CLI)`,
					median(vsArgdown.a),
					median(vsArgdown.b),
					'ms',
					size >= 1000 ? { text: '≤ 1×', met: (ratio) => ratio <= 1 } : undefined
				)
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return rows;
}

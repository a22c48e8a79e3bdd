// `npm run bench` (full) or `npm run bench -- --quick`: every part of the performance issue, each
// figure against a baseline measured in the same run. Prints a table, writes bench/results.json.
// Options: --quick, --no-build (use the existing build/), --parts=1,2,… (a subset).
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowser } from './browser';
import { benchBundle } from './bundle';
import { MAP_SIZES } from './generate';
import { benchLayout } from './layout';
import { HAS_TASKSET, pinSelfToLoadCore, startPinned, stop, waitForHttp } from './processes';
import { benchSaving } from './saving';
import { seedDatabase } from './seed';
import { benchServer } from './server';
import { printTable, round, type Row } from './stats';
import { benchSuggestion } from './suggest';

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		parts: { type: 'string', default: '1,2,3,4,5,6,7' },
		sizes: { type: 'string' }
	}
});
const quick = values.quick;
const parts = new Set(values.parts.split(',').map((part) => part.trim()));
const sizes = values.sizes
	? values.sizes.split(',').map(Number)
	: quick
		? [50, 500]
		: [...MAP_SIZES];
// Each round runs A B B A: 3 rounds give medians of 6 runs a side.
const rounds = quick ? 1 : 3;
const APP_PORT = 4186;
const RAW_PORT = 4187;

const ROUTES = {
	landing: '/',
	'maps list': '/maps',
	editor: '/maps/[id=id]',
	compare: '/comparisons/[id=id]'
};
const GRAPH_ROUTES = ['/maps/[id=id]', '/comparisons/[id=id]', '/compare'];

const failures: string[] = [];

/** Runs one part; a part that fails is reported and the others still run. */
async function attempt(part: string, run: () => Promise<Row[]> | Row[]): Promise<Row[]> {
	try {
		return await run();
	} catch (error) {
		failures.push(`${part}: ${error instanceof Error ? error.message : String(error)}`);
		console.error(`Part ${part} failed:`, error);
		return [];
	}
}

async function main() {
	const started = Date.now();
	const rows: Row[] = [];
	if (
		!values['no-build'] &&
		(parts.has('2') || parts.has('3') || parts.has('4') || parts.has('6'))
	) {
		console.log('Building (npm run build) …');
		execSync('npm run build', { stdio: 'inherit' });
	}
	const pinned = pinSelfToLoadCore();
	const log = (text: string) =>
		console.log(`[${round((Date.now() - started) / 1000, 0)} s] ${text}`);

	if (parts.has('7')) {
		log('7 suggestion and segmentation');
		rows.push(...(await attempt('7', () => benchSuggestion(rounds))));
	}
	if (parts.has('5')) {
		log('5 saving');
		rows.push(...(await attempt('5', () => benchSaving(rounds))));
	}
	if (parts.has('1')) {
		log('1 layout');
		rows.push(...(await attempt('1', () => benchLayout(sizes, rounds))));
	}
	if (parts.has('6')) {
		log('6 bundle');
		rows.push(...(await attempt('6', () => benchBundle(ROUTES, GRAPH_ROUTES))));
	}
	if (parts.has('2') || parts.has('3') || parts.has('4')) {
		const dir = mkdtempSync(join(tmpdir(), 'argumap-bench-'));
		const databasePath = join(dir, 'bench.db');
		const appBuild = join('bench', `.build-${process.pid}`);
		try {
			log('seeding the database');
			const seeded = await seedDatabase(databasePath, sizes, 100);
			const appUrl = `http://127.0.0.1:${APP_PORT}`;
			// A private copy: another build replacing build/ mid-run would break the server. It
			// stays inside the project so the server still finds node_modules.
			cpSync('build', appBuild, { recursive: true });
			const app = startPinned(process.execPath, [appBuild], {
				PORT: String(APP_PORT),
				HOST: '127.0.0.1',
				ORIGIN: appUrl,
				DATABASE_PATH: databasePath,
				BODY_SIZE_LIMIT: '4M'
			});
			try {
				await waitForHttp(appUrl);
				if (parts.has('2') || parts.has('3')) {
					log('2 first frame, 3 panning');
					rows.push(
						...(await attempt('2/3', () =>
							benchBrowser({ appUrl, seeded, maps: seeded.placedMaps, rounds })
						))
					);
				}
				if (parts.has('4')) {
					log('4 server');
					rows.push(
						...(await attempt('4', () =>
							benchServer({
								rounds,
								durationSeconds: quick ? 3 : 5,
								connections: 100,
								appUrl,
								databasePath,
								workDir: dir,
								rawPort: RAW_PORT,
								seeded,
								readSize: sizes.includes(500) ? 500 : (sizes[0] ?? 50)
							})
						))
					);
				}
			} finally {
				await stop(app);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
			rmSync(appBuild, { recursive: true, force: true });
		}
	}

	rows.sort((a, b) => a.part.localeCompare(b.part));
	printTable(rows);
	const results = {
		date: new Date().toISOString(),
		mode: quick ? 'quick' : 'full',
		node: process.version,
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		pinned: pinned
			? 'servers on core 0, load generator, browser and in-process parts on core 1'
			: 'no taskset: not pinned',
		order: `A B B A × ${rounds} (A = ours, B = baseline); medians of ${rounds * 2} runs a side`,
		taskset: HAS_TASKSET,
		seconds: round((Date.now() - started) / 1000, 0),
		failures,
		rows
	};
	writeFileSync(
		new URL('./results.json', import.meta.url),
		`${JSON.stringify(results, null, '\t')}\n`
	);
	console.log(`Wrote bench/results.json (${results.seconds} s)`);
	if (failures.length > 0) {
		console.error(`Failed parts:\n${failures.join('\n')}`);
		process.exitCode = 1;
	}
}

await main();

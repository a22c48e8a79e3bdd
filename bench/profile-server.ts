// `npx tsx bench/profile-server.ts [statements] [path]`: a CPU profile of the production server
// (`build/`, run with --cpu-prof) under 100 connections for 5 s on one URL of a seeded map
// (`page`: /maps/<id>, `json`: /maps/<id>.json), summed by function: self time, and the
// time inside each of our own modules (src/…) including what they call.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startPinned, stop, waitForHttp } from './processes';
import { seedDatabase } from './seed';

const size = Number(process.argv[2] ?? 500);
const target = process.argv[3] ?? 'page';
const dir = mkdtempSync(join(tmpdir(), 'argumap-profile-'));
const port = 4188;
const url = `http://127.0.0.1:${port}`;
try {
	const databasePath = join(dir, 'bench.db');
	const seeded = await seedDatabase(databasePath, [size], 0);
	const mapId = seeded.maps[0]?.placedId ?? '';
	const server = startPinned(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${dir}`, 'build'], {
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		DATABASE_PATH: databasePath
	});
	await waitForHttp(url);
	const path = target === 'json' ? `/maps/${mapId}.json` : `/maps/${mapId}`;
	const result = await autocannon({
		url: url + path,
		connections: 100,
		duration: 5,
		headers: { cookie: `argumap_session=${seeded.sessionToken}` }
	});
	console.log(`${path}: ${result.requests.average} req/s, ${result.non2xx} non-2xx`);
	await stop(server);
	const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
	if (!file) throw new Error('no profile written');
	summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
} finally {
	rmSync(dir, { recursive: true, force: true });
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
	const total = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000;
	const perSample = total / profile.samples.length;
	const counts = new Map<number, number>();
	for (const sample of profile.samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<string, number>();
	const key = (node: ProfileNode) =>
		`${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber}`;
	for (const node of profile.nodes) {
		self.set(key(node), (self.get(key(node)) ?? 0) + (counts.get(node.id) ?? 0) * perSample);
	}
	// Inclusive time per function: each sample counts once for every distinct function on its stack.
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const inclusive = new Map<string, number>();
	for (const [id, count] of counts) {
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const node = byId.get(at);
			if (!node) break;
			const name = key(node);
			if (seen.has(name)) continue;
			seen.add(name);
			inclusive.set(name, (inclusive.get(name) ?? 0) + count * perSample);
		}
	}
	const top = (map: Map<string, number>, n: number) =>
		[...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
	console.log(`${total.toFixed(0)} ms profiled; top self time (ms):`);
	for (const [name, ms] of top(self, 25)) console.log(`${ms.toFixed(0).padStart(7)}  ${name}`);
	console.log('top inclusive time (ms):');
	for (const [name, ms] of top(inclusive, 45)) console.log(`${ms.toFixed(0).padStart(7)}  ${name}`);
}

// Part 4: the production build (`node build`) against a raw node:http + better-sqlite3 server
// running the same queries, under autocannon on loopback: map JSON, the map page, an autosave.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { createMapDocument } from '../src/lib/argument';
import { mapAccess } from '../src/lib/server/access';
import { validateSessionToken } from '../src/lib/server/auth/session';
import { listComments } from '../src/lib/server/comments';
import type { Database } from '../src/lib/server/db';
import { getEditableMapText, getMapHead, getReadableMap } from '../src/lib/server/maps';
import { generateMap } from './generate';
import { startPinned, stop, waitForHttp } from './processes';
import { AUTOSAVE_MAP_SIZE, type Seeded } from './seed';
import { abba, median, row, type Row } from './stats';

interface Captured {
	sql: string;
	parameters: unknown[];
}

/** The SQL our endpoints run for one request, captured from the app's own data layer. */
async function captureQueries(path: string, seeded: Seeded, mapId: string) {
	let captured: Captured[] = [];
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: new SQLite(path) }),
		plugins: [new CamelCasePlugin()],
		log: (event) => {
			if (event.level === 'query') {
				captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
			}
		}
	});
	const take = () => {
		const queries = captured;
		captured = [];
		return queries;
	};
	const { userId, sessionToken } = seeded;
	await validateSessionToken(db, sessionToken);
	await mapAccess(db, userId, mapId);
	await getReadableMap(db, mapId, userId);
	const json = take();
	await validateSessionToken(db, sessionToken);
	await mapAccess(db, userId, mapId);
	await getMapHead(db, mapId, userId);
	await listComments(db, mapId);
	const page = take();
	await validateSessionToken(db, sessionToken);
	await mapAccess(db, userId, mapId);
	await getEditableMapText(db, mapId, userId);
	const save = take();
	await db.destroy();
	return { json, page, save, mapIdPlaceholder: mapId, userId };
}

interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
}

async function load(options: autocannon.Options): Promise<LoadResult> {
	const result = await autocannon(options);
	if (result.non2xx > 0) {
		const statuses = Object.entries(result.statusCodeStats)
			.filter(([status]) => !status.startsWith('2'))
			.map(([status, { count }]) => `${count} × ${status}`);
		console.warn(`${options.url}: ${statuses.join(', ')}`);
	}
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

/** Pairs of requests per second when each pair is one request at `a`/s and one at `b`/s. */
function pairRate(a: number, b: number): number {
	return 1 / (1 / a + 1 / b);
}

export interface ServerBenchOptions {
	rounds: number;
	durationSeconds: number;
	connections: number;
	/** The production server, already started on the seeded database. */
	appUrl: string;
	databasePath: string;
	workDir: string;
	rawPort: number;
	seeded: Seeded;
	/** The map read and rendered (one of the seeded sizes). */
	readSize: number;
}

export async function benchServer(options: ServerBenchOptions): Promise<Row[]> {
	const { seeded, rounds, durationSeconds, connections } = options;
	const readMap = seeded.maps.find((map) => map.size === options.readSize);
	if (!readMap) throw new Error(`no seeded map of ${options.readSize} statements`);
	const mapId = readMap.placedId;
	const queriesFile = join(options.workDir, 'queries.json');
	writeFileSync(
		queriesFile,
		JSON.stringify(await captureQueries(options.databasePath, seeded, mapId))
	);
	const raw = startPinned(
		process.execPath,
		['bench/raw-server.mjs', options.databasePath, queriesFile, String(options.rawPort)],
		{}
	);
	const rawUrl = `http://127.0.0.1:${options.rawPort}`;
	try {
		await waitForHttp(rawUrl);
		const headers = { cookie: `argumap_session=${seeded.sessionToken}` };
		const common = { connections, duration: durationSeconds, headers };
		const rows: Row[] = [];
		const compare = async (
			label: string,
			ours: () => Promise<LoadResult>,
			base: () => Promise<LoadResult>
		) => {
			await ours(); // warm-up: JIT, SQLite page cache
			await base();
			const runs = await abba(rounds, ours, base);
			const pick = (list: LoadResult[], key: keyof LoadResult) => median(list.map((r) => r[key]));
			return { label, runs, pick };
		};

		const json = await compare(
			'map JSON',
			() => load({ ...common, url: `${options.appUrl}/maps/${mapId}.json` }),
			() => load({ ...common, url: `${rawUrl}/maps/${mapId}.json` })
		);
		const page = await compare(
			'map page',
			() => load({ ...common, url: `${options.appUrl}/maps/${mapId}` }),
			() => load({ ...common, url: `${rawUrl}/maps/${mapId}` })
		);
		const saves = autosaveLoad(seeded, options.databasePath, common);
		const save = await compare(
			'autosave',
			() => saves(options.appUrl),
			() => saves(rawUrl)
		);

		const errorsOf = (result: typeof json) => Math.max(...result.runs.a.map((r) => r.errors));
		const size = `${options.readSize} statements, ${connections} connections`;
		rows.push(
			row(
				'4 server',
				`map JSON req/s (${size})`,
				json.pick(json.runs.a, 'requestsPerSecond'),
				json.pick(json.runs.b, 'requestsPerSecond'),
				'req/s',
				{ text: '≥ 0.8×', met: (ratio) => ratio >= 0.8 }
			),
			row(
				'4 server',
				'map JSON p50',
				json.pick(json.runs.a, 'p50'),
				json.pick(json.runs.b, 'p50'),
				'ms'
			),
			row(
				'4 server',
				'map JSON p99',
				json.pick(json.runs.a, 'p99'),
				json.pick(json.runs.b, 'p99'),
				'ms',
				{ text: '≤ 1.5×', met: (ratio) => ratio <= 1.5 }
			),
			row('4 server', 'map JSON errors (worst run)', errorsOf(json), 0, 'count', {
				text: '0',
				met: (_, ours) => ours === 0
			}),
			row(
				'4 server',
				`map page req/s (${size})`,
				page.pick(page.runs.a, 'requestsPerSecond'),
				page.pick(page.runs.b, 'requestsPerSecond'),
				'req/s'
			),
			row(
				'4 server',
				'map page req/s vs our map JSON',
				page.pick(page.runs.a, 'requestsPerSecond'),
				json.pick(json.runs.a, 'requestsPerSecond'),
				'req/s',
				{ text: '≥ 0.5×', met: (ratio) => ratio >= 0.5 }
			),
			row(
				'4 server',
				// The page carries no map: a reader's browser fetches the JSON with it (preloaded).
				'opening a map (page + its JSON, req/s of the pair) vs our map JSON',
				pairRate(
					page.pick(page.runs.a, 'requestsPerSecond'),
					json.pick(json.runs.a, 'requestsPerSecond')
				),
				json.pick(json.runs.a, 'requestsPerSecond'),
				'req/s'
			),
			row(
				'4 server',
				'map page p50',
				page.pick(page.runs.a, 'p50'),
				page.pick(page.runs.b, 'p50'),
				'ms'
			),
			row(
				'4 server',
				'map page p99',
				page.pick(page.runs.a, 'p99'),
				page.pick(page.runs.b, 'p99'),
				'ms'
			),
			row('4 server', 'map page errors (worst run)', errorsOf(page), 0, 'count', {
				text: '0',
				met: (_, ours) => ours === 0
			}),
			row(
				'4 server',
				`autosave req/s (${AUTOSAVE_MAP_SIZE}-statement maps, one per connection)`,
				save.pick(save.runs.a, 'requestsPerSecond'),
				save.pick(save.runs.b, 'requestsPerSecond'),
				'req/s'
			),
			row(
				'4 server',
				'autosave p50',
				save.pick(save.runs.a, 'p50'),
				save.pick(save.runs.b, 'p50'),
				'ms'
			),
			row(
				'4 server',
				'autosave p99',
				save.pick(save.runs.a, 'p99'),
				save.pick(save.runs.b, 'p99'),
				'ms'
			),
			row('4 server', 'autosave errors (worst run)', errorsOf(save), 0, 'count', {
				text: '0',
				met: (_, ours) => ours === 0
			})
		);
		return rows;
	} finally {
		await stop(raw);
	}
}

/**
 * Versioned saves: every connection saves a map of its own, sending the revision its previous
 * save returned, so no save conflicts with another. autocannon clears a request's context after
 * every request, so the map is bound to the connection (`setupClient`), and each run starts from
 * the versions in the database (a save still in flight when a run ends may have committed).
 */
function autosaveLoad(
	seeded: Seeded,
	databasePath: string,
	common: Pick<autocannon.Options, 'connections' | 'duration' | 'headers'>
) {
	const document = JSON.stringify(createMapDocument(generateMap(AUTOSAVE_MAP_SIZE, 7).map));
	const mapIds = seeded.autosaveMapIds;
	if (mapIds.length < (common.connections ?? 1)) {
		throw new Error(`${common.connections} connections need as many autosave maps`);
	}
	return async (baseUrl: string) => {
		const versions = await settledVersions(databasePath, mapIds);
		let next = 0;
		return load({
			...common,
			url: baseUrl,
			headers: { ...common.headers, 'content-type': 'application/json' },
			setupClient: (client) => {
				const mapId = mapIds[next++] ?? '';
				client.setRequests([
					{
						method: 'PUT',
						path: `/maps/${mapId}.json`,
						setupRequest: (request) => ({
							...request,
							body: `{"baseRevision":${versions.get(mapId)},"document":${document}}`
						}),
						onResponse: (status, body) => {
							// A conflict still counts as an error; the next save starts from the version that won.
							if (status === 200) {
								versions.set(mapId, (JSON.parse(body) as { revision: number }).revision);
							} else if (status === 409) {
								const { currentVersion } = JSON.parse(body) as { currentVersion: number };
								versions.set(mapId, currentVersion);
							}
						}
					}
				]);
			}
		});
	};
}

/**
 * The maps' versions once the server has answered the saves of the previous run: autocannon
 * stops sending when a run ends, but the server still works through what it received.
 */
async function settledVersions(databasePath: string, mapIds: string[]) {
	let versions = currentVersions(databasePath, mapIds);
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		const now = currentVersions(databasePath, mapIds);
		if (mapIds.every((id) => now.get(id) === versions.get(id))) return now;
		versions = now;
	}
}

function currentVersions(databasePath: string, mapIds: string[]): Map<string, number> {
	const db = new SQLite(databasePath, { readonly: true });
	try {
		const select = db.prepare('SELECT version FROM maps WHERE id = ?');
		return new Map(
			mapIds.map((id) => [id, Number((select.get(id) as { version: number }).version)])
		);
	} finally {
		db.close();
	}
}

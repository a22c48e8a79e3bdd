import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapDocument } from '$lib/argument';
import { openDatabase } from '$lib/server/db/connection';
import { CONFLICT_ROUNDS, LOAD_CONNECTIONS, LOAD_SECONDS, reportFigure } from './counts';
import { editedMap } from './edits';
import { startAppServer, type AppServer } from './processes';
import { seedDatabase, type Seeded } from './seed';

/** More maps than connections: every in-flight autosave holds a map of its own. */
const AUTOSAVE_MAPS = Math.ceil(LOAD_CONNECTIONS * 1.5);

let seeded: Seeded;
let server: AppServer;
let cookie: string;

beforeAll(async () => {
	seeded = await seedDatabase(AUTOSAVE_MAPS + 1);
	server = await startAppServer(seeded.path);
	cookie = `argumap_session=${seeded.sessionToken}`;
});

afterAll(async () => {
	await server?.stop();
});

function save(mapId: string, baseRevision: number, edit: number) {
	return fetch(`${server.origin}/maps/${mapId}.json`, {
		method: 'PUT',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ baseRevision, document: createMapDocument(editedMap(edit)) })
	});
}

describe('conflicting saves', () => {
	it('20 parallel saves from one base revision: exactly one wins, the others get 409, nothing else changes', async () => {
		const mapId = seeded.mapIds.at(-1)!;
		let revision = 1;
		let conflicts = 0;
		for (let round = 0; round < CONFLICT_ROUNDS; round++) {
			const writers = Array.from({ length: 20 }, (_, writer) => round * 100 + writer + 1);
			const responses = await Promise.all(writers.map((edit) => save(mapId, revision, edit)));
			const bodies = await Promise.all(
				responses.map(async (response) => ({
					status: response.status,
					body: (await response.json()) as Record<string, unknown>
				}))
			);
			const winners = bodies.flatMap((answer, index) =>
				answer.status === 200 ? [writers[index]!] : []
			);
			expect(winners).toHaveLength(1);
			const losers = bodies.filter((answer) => answer.status !== 200);
			expect(losers.map((answer) => answer.status)).toEqual(Array(19).fill(409));
			for (const loser of losers) {
				expect(loser.body).toMatchObject({
					code: 'version_conflict',
					currentVersion: revision + 1
				});
			}
			conflicts += losers.length;
			// What is stored is exactly the winner's document, one revision on.
			const stored = (await (
				await fetch(`${server.origin}/maps/${mapId}.json`, { headers: { cookie } })
			).json()) as { revision: number; map: { statements: { text: string }[] } };
			expect(stored.revision).toBe(revision + 1);
			expect(stored.map.statements[0]?.text).toBe(`edit ${winners[0]}`);
			revision++;
		}
		reportFigure('conflicts', {
			rounds: CONFLICT_ROUNDS,
			parallelSaves: CONFLICT_ROUNDS * 20,
			accepted: CONFLICT_ROUNDS,
			refusedWith409: conflicts,
			lost: 0
		});
	});
});

/** Runs autocannon and notes when each failed request failed, so a failure can be explained. */
async function load(options: autocannon.Options) {
	const started = Date.now();
	const failures: string[] = [];
	const run = autocannon(options);
	run.on('reqError', (error: Error) =>
		failures.push(`${Date.now() - started} ms: ${error.message}`)
	);
	const result = await run;
	if (failures.length) console.log(`failed requests:\n${failures.slice(0, 20).join('\n')}`);
	return result;
}

function statusCounts(result: autocannon.Result) {
	return Object.fromEntries(
		Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count])
	);
}

describe(`load: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s`, () => {
	// Four reads a second on each connection: well within what the server answers, so the test
	// is about errors rather than Node's slow accepting when saturated (see the autosaves).
	it('map reads, four a second on each connection: no error, no timeout, every answer 200', async () => {
		const result = await load({
			url: `${server.origin}/maps/${seeded.mapIds[0]}.json`,
			connections: LOAD_CONNECTIONS,
			connectionRate: 4,
			duration: LOAD_SECONDS,
			timeout: 10,
			headers: { cookie }
		});
		reportFigure('load map read', {
			requests: result.requests.total,
			perSecond: Math.round(result.requests.average),
			p50ms: result.latency.p50,
			p99ms: result.latency.p99,
			maxms: result.latency.max,
			errors: result.errors,
			timeouts: result.timeouts,
			non2xx: result.non2xx
		});
		expect(result.requests.total).toBeGreaterThan(0);
		expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
			errors: 0,
			timeouts: 0,
			non2xx: 0
		});
		expect(Object.keys(statusCounts(result))).toEqual(['200']);
	});

	// One save per connection and second: a class of 100 typing at once, each save answered before
	// the next. Unthrottled, Node itself (not the app: a bare node:http server that spends 8 ms per
	// request does the same) accepts new connections only a few a second once it is saturated, so
	// connections opened during the burst wait longer than any timeout.
	it('versioned autosaves, one a second on each connection: no error, no timeout, every save accepted and stored', async () => {
		const mapIds = seeded.mapIds.slice(0, AUTOSAVE_MAPS);
		const revisions = new Map(mapIds.map((id) => [id, 1]));
		// A map is taken by one save at a time and given back with its new revision, so saves
		// never conflict and any status but 200 is a fault.
		const idle = [...mapIds];
		let edit = 0;
		const result = await load({
			url: server.origin,
			connections: LOAD_CONNECTIONS,
			connectionRate: 1,
			duration: LOAD_SECONDS,
			timeout: 10,
			headers: { cookie, 'content-type': 'application/json' },
			requests: [
				{
					method: 'PUT',
					setupRequest: (request, context) => {
						const mapId = idle.shift();
						if (!mapId) throw new Error('More saves in flight than maps');
						context.mapId = mapId;
						edit++;
						return {
							...request,
							path: `/maps/${mapId}.json`,
							body: JSON.stringify({
								baseRevision: revisions.get(mapId),
								document: createMapDocument(editedMap(edit))
							})
						};
					},
					onResponse: (status, body, context) => {
						const mapId = context.mapId as string;
						if (status === 200) {
							revisions.set(mapId, (JSON.parse(body) as { revision: number }).revision);
						}
						idle.push(mapId);
					}
				}
			]
		});
		reportFigure('load autosave', {
			requests: result.requests.total,
			perSecond: Math.round(result.requests.average),
			p50ms: result.latency.p50,
			p99ms: result.latency.p99,
			maxms: result.latency.max,
			errors: result.errors,
			timeouts: result.timeouts,
			non2xx: result.non2xx
		});
		expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
			errors: 0,
			timeouts: 0,
			non2xx: 0
		});
		expect(Object.keys(statusCounts(result))).toEqual(['200']);

		// Every accepted save is in the database. Saves still in flight when the run stopped may
		// have been stored without their answer being read: one revision more, at most.
		const db = openDatabase(seeded.path);
		try {
			const rows = await db
				.selectFrom('maps')
				.select(['id', 'version'])
				.where('id', 'in', mapIds)
				.execute();
			const stored = new Map(rows.map((row) => [row.id, Number(row.version)]));
			const saves = [...revisions.values()].reduce((sum, revision) => sum + revision - 1, 0);
			expect(saves).toBeGreaterThan(0);
			const behind = mapIds.filter((id) => {
				const gap = stored.get(id)! - revisions.get(id)!;
				return gap !== 0 && gap !== 1;
			});
			expect(behind).toEqual([]);
			const unanswered = mapIds.filter((id) => stored.get(id) !== revisions.get(id)).length;
			expect(unanswered).toBeLessThanOrEqual(LOAD_CONNECTIONS);
		} finally {
			await db.destroy();
		}
	});
});

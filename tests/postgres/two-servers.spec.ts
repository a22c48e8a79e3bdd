import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapDocument, type ArgumentMap } from '$lib/argument';
import { openTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { EXAMPLE_MAP_SEED_KEY } from '$lib/server/seed';
import { migrations } from '../../db/migrations';
import {
	createTestMap,
	createTestUser,
	insertCommentary,
	PASSWORD,
	TEST_MAP
} from '../integration/helpers';
import {
	getJson,
	logIn,
	postForm,
	requirePostgres,
	startProductionServer,
	type AppServer
} from './servers';

/** Two app servers on one PostgreSQL database, as behind a load balancer. */
let database: TestDatabase;
let first: AppServer;
let second: AppServer;

beforeAll(async () => {
	requirePostgres();
	// A new installation: both servers find an empty database and start at the same moment.
	database = await openTestDatabase({ empty: true });
	[first, second] = await Promise.all([
		startProductionServer(database.env),
		startProductionServer(database.env)
	]);
});

afterAll(async () => {
	await Promise.all([first?.stop(), second?.stop()]);
	await database?.close();
});

function edited(edit: number): ArgumentMap {
	return {
		...TEST_MAP,
		statements: TEST_MAP.statements.map((statement, index) =>
			index === 0 ? { ...statement, note: `edit ${edit}` } : statement
		)
	};
}

function save(
	server: AppServer,
	cookie: string,
	mapId: string,
	baseRevision: number,
	edit: number
) {
	return fetch(`${server.origin}/maps/${mapId}.json`, {
		method: 'PUT',
		headers: { cookie, origin: server.origin, 'content-type': 'application/json' },
		body: JSON.stringify({ baseRevision, document: createMapDocument(edited(edit)) })
	});
}

describe('two app servers on one PostgreSQL database', () => {
	it('migrate a new database once and seed one example between them', async () => {
		const { db } = database;
		const applied = await db
			.withoutPlugins()
			.selectFrom('kysely_migration' as never)
			.select(sql<string>`name`.as('name'))
			.execute();
		expect(applied.map((row) => row.name).sort()).toEqual(Object.keys(migrations).sort());
		const seeded = await db
			.selectFrom('maps')
			.select('id')
			.where('seedKey', '=', EXAMPLE_MAP_SEED_KEY)
			.execute();
		expect(seeded).toHaveLength(1);
	});

	it('share sessions: a log-in on one is valid on the other, a log-out on either ends it on both', async () => {
		const { db } = database;
		const anna = await createTestUser(db, 'anna');
		const mapId = await createTestMap(db, anna, await insertCommentary(db, anna, 'private'));
		const path = `/maps/${mapId}.json`;

		const login = await logIn(first, 'anna', PASSWORD);
		expect(login.status).toBe(303);
		const cookie = login.cookie!;
		for (const server of [first, second]) {
			expect((await getJson(server, path, cookie)).status).toBe(200);
		}

		const logout = await postForm(second, '/logout', {}, cookie);
		expect(logout.status).toBe(303);
		for (const server of [first, second]) {
			expect((await getJson(server, path, cookie)).status).toBe(404);
		}
	});

	it('count failed log-ins together: 5 on each block the account on both', async () => {
		await createTestUser(database.db, 'bernd');
		for (const server of [first, second]) {
			for (let attempt = 0; attempt < 5; attempt++) {
				expect((await logIn(server, 'bernd', 'not the password')).status).toBe(400);
			}
		}
		for (const server of [first, second]) {
			const refused = await logIn(server, 'bernd', PASSWORD);
			expect(refused).toEqual({ status: 429, cookie: undefined });
		}
	});

	it('let one of two saves of the same version win and answer the other 409', async () => {
		const { db } = database;
		const clara = await createTestUser(db, 'clara');
		const mapId = await createTestMap(db, clara, await insertCommentary(db, clara, 'private'), {
			map: TEST_MAP
		});
		const { cookie } = await logIn(first, 'clara', PASSWORD);
		for (let round = 0; round < 5; round++) {
			const revision = round + 1;
			const responses = await Promise.all([
				save(first, cookie!, mapId, revision, round * 2),
				save(second, cookie!, mapId, revision, round * 2 + 1)
			]);
			const statuses = responses.map((response) => response.status).sort();
			expect(statuses).toEqual([200, 409]);
			const loser = responses.find((response) => response.status === 409)!;
			expect(await loser.json()).toMatchObject({
				code: 'version_conflict',
				currentVersion: revision + 1
			});
		}
		const stored = await db
			.selectFrom('maps')
			.select('version')
			.where('id', '=', mapId)
			.executeTakeFirstOrThrow();
		expect(stored.version).toBe(6);
	});
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	openSqliteTestDatabase,
	openTestDatabase,
	type TestDatabase
} from '$lib/server/db/test-database';
import { listTables } from '$lib/server/db/catalog';
import { createEveryKind, type EveryKind } from '../integration/every-kind';
import { PASSWORD } from '../integration/helpers';
import { getJson, logIn, requirePostgres, startProductionServer, type AppServer } from './servers';

const run = promisify(execFile);

/** A SQLite installation with every kind of object, moved to PostgreSQL as the README says. */
let sqlite: TestDatabase;
let postgres: TestDatabase;
let made: EveryKind;
let copyOutput: string;
let before: AppServer;
let after: AppServer;

beforeAll(async () => {
	requirePostgres();
	sqlite = await openSqliteTestDatabase();
	postgres = await openTestDatabase({ empty: true });
	made = await createEveryKind(sqlite.db);
	const sqlitePath = sqlite.env.DATABASE_PATH!;
	// As an operator would: copy, then start the app on PostgreSQL (here beside the old one).
	const { stdout } = await run('npm', [
		'run',
		'--silent',
		'db:copy',
		'--',
		'--from',
		sqlitePath,
		'--to',
		postgres.env.DATABASE_URL!
	]);
	copyOutput = stdout;
	[before, after] = await Promise.all([
		startProductionServer(sqlite.env),
		startProductionServer(postgres.env)
	]);
});

afterAll(async () => {
	await Promise.all([before?.stop(), after?.stop()]);
	await sqlite?.close();
	await postgres?.close();
});

describe('an installation moved from SQLite to PostgreSQL with npm run db:copy', () => {
	it('reports every table copied with matching counts', async () => {
		const tables = (await listTables(postgres.db)).filter((table) => !table.startsWith('kysely_'));
		expect(tables.length).toBeGreaterThan(10);
		for (const table of tables) {
			expect(copyOutput).toMatch(new RegExp(`${table}\\s+(\\d+) → \\1\\n`));
		}
		expect(copyOutput).toMatch(
			new RegExp(`Copied \\d+ rows in ${tables.length} tables; every table's row count matches`)
		);
	});

	it('shows the same maps, comparison and class to the same people', async () => {
		const [onSqlite, onPostgres] = await Promise.all([
			logIn(before, made.teacher.username, PASSWORD),
			logIn(after, made.teacher.username, PASSWORD)
		]);
		expect(onPostgres.status).toBe(303);
		for (const id of made.teacherMapIds) {
			const path = `/maps/${id}.json`;
			const [a, b] = await Promise.all([
				getJson(before, path, onSqlite.cookie),
				getJson(after, path, onPostgres.cookie)
			]);
			expect([a.status, b.status], path).toEqual([200, 200]);
			expect(await b.json(), path).toEqual(await a.json());
		}
		const pages: Record<string, string[]> = {
			'/maps': ['Draft', 'Reference'],
			[`/comparisons/${made.comparisonId}`]: ['Draft against the student'],
			[`/classes/${made.classId}`]: ['Class 10b', 'student Example']
		};
		for (const [path, texts] of Object.entries(pages)) {
			const page = await getJson(after, path, onPostgres.cookie);
			expect(page.status, path).toBe(200);
			const html = await page.text();
			for (const text of texts) expect(html, path).toContain(text);
		}
	});
});

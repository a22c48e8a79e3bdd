import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '$lib/server/db';
import { listPrimaryKey, listTables } from '$lib/server/db/catalog';
import { copyDatabase, CopyError, orderByForeignKeys } from '$lib/server/db/copy';
import { describeDatabase } from '$lib/server/db/config';
import {
	openSqliteTestDatabase,
	openTestDatabase,
	type TestDatabase
} from '$lib/server/db/test-database';
import { createEveryKind } from './every-kind';
import { useTestDatabase } from './helpers';

const run = promisify(execFile);

/** Every row of every app table, by table, in primary-key order, as stored. */
async function everyRow(db: AppDatabase) {
	const rows: Record<string, unknown[]> = {};
	const raw = db.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;
	for (const table of await listTables(db)) {
		if (table.startsWith('kysely_')) continue;
		let query = raw.selectFrom(table).selectAll();
		for (const column of await listPrimaryKey(db, table)) query = query.orderBy(sql.ref(column));
		rows[table] = await query.execute();
	}
	return rows;
}

describe('every kind of object', () => {
	const testDb = useTestDatabase();

	it('has a row in every table of the schema, so a copy of it covers them all', async () => {
		const { db } = testDb();
		await createEveryKind(db);
		const empty = Object.entries(await everyRow(db)).flatMap(([table, rows]) =>
			rows.length === 0 ? [table] : []
		);
		// A new table needs a row in tests/integration/every-kind.ts.
		expect(empty).toEqual([]);
	});
});

describe('copyDatabase', () => {
	const opened: TestDatabase[] = [];
	afterEach(async () => {
		for (const database of opened.splice(0)) await database.close();
	});

	/** A SQLite source with every kind of object, and an empty target (PostgreSQL if the tests have it). */
	async function sourceAndTarget() {
		const source = await openSqliteTestDatabase();
		const target = await openTestDatabase({ empty: true });
		opened.push(source, target);
		await createEveryKind(source.db);
		return { source, target };
	}

	it('copies every row of every table, in batches, and reports matching counts', async () => {
		const { source, target } = await sourceAndTarget();
		const counts = await copyDatabase(source.db, target.db, { batchSize: 2 });
		expect(counts.every((count) => count.source === count.target && count.source > 0)).toBe(true);
		expect(counts.map((count) => count.table).sort()).toEqual(
			Object.keys(await everyRow(source.db)).sort()
		);
		expect(await everyRow(target.db)).toEqual(await everyRow(source.db));
	});

	it('refuses a target that holds data unless told to replace it', async () => {
		const { source, target } = await sourceAndTarget();
		await copyDatabase(source.db, target.db);
		await source.db.deleteFrom('comments').execute();
		await expect(copyDatabase(source.db, target.db)).rejects.toThrow(
			/already holds data.*--replace/
		);
		await copyDatabase(source.db, target.db, { replace: true });
		expect(await everyRow(target.db)).toEqual(await everyRow(source.db));
	});

	it('refuses a source that is not migrated', async () => {
		const source = await openSqliteTestDatabase({ empty: true });
		const target = await openTestDatabase({ empty: true });
		opened.push(source, target);
		const copy = copyDatabase(source.db, target.db);
		await expect(copy).rejects.toBeInstanceOf(CopyError);
		await expect(copy).rejects.toThrow(/lacks migrations.*db:migrate/);
	});

	it('orders tables after the tables they refer to, and names a cycle', () => {
		const key = (table: string) => ({ from: `${table}_id`, table, to: 'id' });
		expect(
			orderByForeignKeys(
				new Map([
					['comments', [key('maps'), key('users')]],
					['maps', [key('users'), key('maps')]],
					['users', []]
				])
			)
		).toEqual(['users', 'maps', 'comments']);
		expect(() =>
			orderByForeignKeys(
				new Map([
					['a', [key('b')]],
					['b', [key('a')]]
				])
			)
		).toThrow(/cycle: a → b → a/);
	});
});

describe('npm run db:copy', () => {
	const opened: TestDatabase[] = [];
	afterEach(async () => {
		for (const database of opened.splice(0)) await database.close();
	});

	async function dbCopy(...args: string[]) {
		try {
			const { stdout, stderr } = await run('npx', ['tsx', 'scripts/db-copy.ts', ...args]);
			return { code: 0, stdout, stderr };
		} catch (error) {
			const failed = error as { code: number; stdout: string; stderr: string };
			return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
		}
	}

	function location(database: TestDatabase) {
		return database.config.kind === 'sqlite' ? database.config.path : database.env.DATABASE_URL!;
	}

	it('copies a SQLite file, prints the counts, and refuses to copy over the result', async () => {
		const source = await openSqliteTestDatabase();
		const target = await openTestDatabase({ empty: true });
		opened.push(source, target);
		await createEveryKind(source.db);

		const copied = await dbCopy('--from', location(source), '--to', location(target));
		expect(copied.stderr).toBe('');
		expect(copied.code).toBe(0);
		expect(copied.stdout).toContain(`to ${describeDatabase(target.config)}`);
		expect(copied.stdout).toMatch(/maps\s+4 → 4/);
		expect(copied.stdout).toMatch(/every table's row count matches/);
		expect(await everyRow(target.db)).toEqual(await everyRow(source.db));

		const again = await dbCopy('--from', location(source), '--to', location(target));
		expect(again.code).toBe(3);
		expect(again.stderr).toMatch(/already holds data .*--replace/);

		const missing = await dbCopy('--from', '/nonexistent/argumap.db', '--to', location(target));
		expect(missing).toMatchObject({
			code: 2,
			stderr: 'No database file at /nonexistent/argumap.db\n'
		});
	}, 60_000);
});

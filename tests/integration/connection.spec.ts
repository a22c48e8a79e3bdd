import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { openDatabase, withPreparedStatementCache } from '$lib/server/db/connection';
import { initAppDatabase } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openPostgresForMigrations, WRITE_TRANSACTION_LOCK } from '$lib/server/db/postgres';
import type { Database } from '$lib/server/db/schema';
import { testPostgresUrl } from '$lib/server/db/test-database';
import { T0, useTestDatabase } from './helpers';

async function pragma(db: Kysely<Database>, name: string): Promise<unknown> {
	const { rows } = await sql<Record<string, unknown>>`PRAGMA ${sql.raw(name)}`.execute(db);
	const [row] = rows;
	if (!row) throw new Error(`PRAGMA ${name} returned no row`);
	return Object.values(row)[0];
}

const run = promisify(execFile);

describe('openDatabase', () => {
	let folder: string;
	const opened: Kysely<Database>[] = [];

	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'argumap-connection-'));
	});
	afterEach(async () => {
		for (const db of opened.splice(0)) await db.destroy();
		rmSync(folder, { recursive: true, force: true });
	});

	function open(path = join(folder, 'app.db')): Kysely<Database> {
		const db = openDatabase(path);
		opened.push(db);
		return db;
	}

	it('runs every connection with WAL, synchronous FULL, foreign keys and a 5 s busy timeout', async () => {
		const db = open(join(folder, 'nested', 'folder', 'app.db'));
		expect(await pragma(db, 'journal_mode')).toBe('wal');
		expect(await pragma(db, 'synchronous')).toBe(2);
		expect(await pragma(db, 'foreign_keys')).toBe(1);
		expect(await pragma(db, 'busy_timeout')).toBe(5000);
	});

	it('applies the pragmas again on a second connection to an existing file', async () => {
		const path = join(folder, 'app.db');
		await migrateToLatest(open(path));
		const second = open(path);
		expect(await pragma(second, 'journal_mode')).toBe('wal');
		expect(await pragma(second, 'synchronous')).toBe(2);
		expect(await pragma(second, 'foreign_keys')).toBe(1);
		expect(await pragma(second, 'busy_timeout')).toBe(5000);
	});

	it('applies every migration once, and nothing when run again', async () => {
		const path = join(folder, 'app.db');
		const db = open(path);
		const all = Object.keys(migrations);
		expect(all.length).toBeGreaterThan(0);

		expect(await migrateToLatest(db)).toEqual(all);
		expect(await migrateToLatest(db)).toEqual([]);
		// A restarted server (a new connection to the same file) finds nothing to do either.
		expect(await migrateToLatest(open(path))).toEqual([]);

		const applied = await db
			.withoutPlugins()
			.selectFrom('kysely_migration' as never)
			.select(sql<string>`name`.as('name'))
			.execute();
		expect(applied.map((row) => row.name).sort()).toEqual([...all].sort());
	});

	// SQLite only; two servers on one new PostgreSQL database: tests/postgres.
	it.skipIf(testPostgresUrl())(
		'lets two processes migrate one new file at once: one migrates, the other waits and finds it done',
		async () => {
			const path = join(folder, 'new.db');
			const migrate = () =>
				run('npx', ['tsx', 'scripts/migrate.ts'], {
					env: { ...process.env, DATABASE_PATH: path, DATABASE_URL: '' }
				});
			const outputs = (await Promise.all([migrate(), migrate()])).map((out) => out.stdout).sort();
			expect(outputs).toEqual(
				[
					`${path} is up to date\n`,
					`Applied ${Object.keys(migrations).join(', ')} to ${path}\n`
				].sort()
			);
			const applied = await open(path)
				.withoutPlugins()
				.selectFrom('kysely_migration' as never)
				.select(sql<string>`name`.as('name'))
				.execute();
			expect(applied).toHaveLength(Object.keys(migrations).length);
		},
		60_000
	);
});

describe('the test database', () => {
	const testDb = useTestDatabase();

	it('is already migrated to the latest version', async () => {
		expect(await migrateToLatest(testDb().db)).toEqual([]);
		if (testDb().config.kind === 'sqlite') {
			expect(await pragma(testDb().db, 'journal_mode')).toBe('wal');
		}
	});

	it.skipIf(!testPostgresUrl())(
		'on PostgreSQL, runs with the statement timeout and reads BIGINT and counts as numbers',
		async () => {
			const { db } = testDb();
			const timeout = await sql<{ statementTimeout: string }>`SHOW statement_timeout`.execute(db);
			expect(timeout.rows).toEqual([{ statementTimeout: '30s' }]);
			const counted = await db
				.selectFrom('users')
				.select((eb) => eb.fn.countAll().as('count'))
				.executeTakeFirstOrThrow();
			expect(counted.count).toBe(0);
			const big = await sql<{ value: unknown }>`SELECT CAST(${T0} AS BIGINT) AS value`.execute(db);
			expect(big.rows[0]?.value).toBe(T0);
		}
	);

	it.skipIf(!testPostgresUrl())(
		'on PostgreSQL, rolls back a transaction that timed out waiting for the write lock',
		async () => {
			const { config } = testDb();
			if (config.kind !== 'postgres') throw new Error('not PostgreSQL');
			// One connection, so the next query must reuse the one the failed transaction had.
			const db = openDatabase({ ...config, poolSize: 1, statementTimeoutMs: 300 });
			const otherServer = new pg.Client({ connectionString: config.url });
			await otherServer.connect();
			try {
				await otherServer.query('select pg_advisory_lock($1)', [WRITE_TRANSACTION_LOCK]);
				await expect(db.transaction().execute((trx) => sql`select 1`.execute(trx))).rejects.toThrow(
					/statement timeout/
				);
				await otherServer.query('select pg_advisory_unlock($1)', [WRITE_TRANSACTION_LOCK]);

				const after = await sql<{ answer: number }>`select 1 as answer`.execute(db);
				expect(after.rows).toEqual([{ answer: 1 }]);
				const inTransaction = await db
					.transaction()
					.execute((trx) => sql<{ answer: number }>`select 2 as answer`.execute(trx));
				expect(inTransaction.rows).toEqual([{ answer: 2 }]);
			} finally {
				await otherServer.end();
				await db.destroy();
			}
		}
	);

	it.skipIf(!testPostgresUrl())(
		'on PostgreSQL, starts while another server migrates for longer than the statement timeout',
		async () => {
			const { config } = testDb();
			if (config.kind !== 'postgres') throw new Error('not PostgreSQL');
			// Kysely's migrator holds this session lock (PostgresAdapter) while it migrates.
			const migrationLock = '3853314791062309107';
			const otherServer = new pg.Client({ connectionString: config.url });
			await otherServer.connect();
			try {
				await otherServer.query('select pg_advisory_lock($1)', [migrationLock]);
				const starting = initAppDatabase({ ...config, statementTimeoutMs: 300 });
				// Awaited below; a failure meanwhile must not count as unhandled.
				starting.catch(() => undefined);
				await delay(1000);
				await otherServer.query('select pg_advisory_unlock($1)', [migrationLock]);
				const db = await starting;
				try {
					// The requests' pool keeps its timeout.
					const timeout = await sql<{
						statementTimeout: string;
					}>`SHOW statement_timeout`.execute(db);
					expect(timeout.rows).toEqual([{ statementTimeout: '300ms' }]);
				} finally {
					await db.destroy();
				}
				const migrating = openPostgresForMigrations({ ...config, statementTimeoutMs: 300 });
				try {
					const none = await sql<{ statementTimeout: string }>`SHOW statement_timeout`.execute(
						migrating
					);
					expect(none.rows).toEqual([{ statementTimeout: '0' }]);
				} finally {
					await migrating.destroy();
				}
			} finally {
				await otherServer.end();
			}
		}
	);

	it('enforces foreign keys', async () => {
		await expect(
			testDb()
				.db.insertInto('sessions')
				.values({ id: 'x'.repeat(64), userId: 'no-such-user', expiresAt: T0, createdAt: T0 })
				.execute()
		).rejects.toThrow(/FOREIGN KEY|foreign key/);
	});
});

describe('withPreparedStatementCache', () => {
	function countingDatabase() {
		const database = new SQLite(':memory:');
		const prepared: string[] = [];
		const prepare = database.prepare.bind(database);
		database.prepare = ((source: string) => {
			prepared.push(source);
			return prepare(source);
		}) as typeof database.prepare;
		return { database, prepared };
	}

	it('prepares each SQL text once and hands back the same statement', () => {
		const { database, prepared } = countingDatabase();
		const cached = withPreparedStatementCache(database);
		const first = cached.prepare('select ? as answer');
		expect(cached.prepare('select ? as answer')).toBe(first);
		expect(first.all([42])).toEqual([{ answer: 42 }]);
		expect(prepared).toEqual(['select ? as answer']);
		cached.close();
	});

	it('keeps only the most recently used texts', () => {
		const { database, prepared } = countingDatabase();
		const cached = withPreparedStatementCache(database, 2);
		cached.prepare('select 1');
		cached.prepare('select 2');
		cached.prepare('select 1'); // now the most recent: 'select 2' goes first
		cached.prepare('select 3');
		cached.prepare('select 1');
		cached.prepare('select 2');
		expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
		cached.close();
	});

	it('serves queries through Kysely after the schema changes under a cached statement', async () => {
		const db = new Kysely<{ notes: { id: number; body: string } }>({
			dialect: new SqliteDialect({ database: withPreparedStatementCache(new SQLite(':memory:')) })
		});
		await db.schema.createTable('notes').addColumn('id', 'integer').execute();
		const read = () => db.selectFrom('notes').selectAll().execute();
		expect(await read()).toEqual([]);
		await db.schema.alterTable('notes').addColumn('body', 'text').execute();
		await db.insertInto('notes').values({ id: 1, body: '„Waffenruhe“' }).execute();
		expect(await read()).toEqual([{ id: 1, body: '„Waffenruhe“' }]);
		await db.destroy();
	});
});

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { migrations } from '../../../../db/migrations';
import { databaseConfigFromEnv, type DatabaseConfig, type PostgresConfig } from './config';
import { listTables } from './catalog';
import { openDatabase } from './connection';
import { databaseKind } from './dialect';
import { migrateDatabase, migrateToLatest } from './migrate';
import type { AppDatabase } from '.';

export interface TestDatabase {
	db: AppDatabase;
	/** How an app server (or a script's environment) would name this database. */
	config: DatabaseConfig;
	/** The environment variables that select this database, for child processes. */
	env: Record<string, string>;
	/** A second connection (pool) to the same database, as another app server opens it; destroy it. */
	open(): AppDatabase;
	/** Empties every table, leaving the database as fresh as it was opened. */
	reset(): Promise<void>;
	close(): Promise<void>;
}

export interface TestDatabaseOptions {
	/** Leave the database without tables, as a new installation finds it (default: migrated). */
	empty?: boolean;
}

/** The PostgreSQL server the tests use (ARGUMAP_TEST_POSTGRES_URL), if any. */
export function testPostgresUrl(): string | undefined {
	return process.env.ARGUMAP_TEST_POSTGRES_URL || undefined;
}

/**
 * A fresh database with every migration applied; `close` removes it. SQLite: a file in a
 * temporary folder. PostgreSQL, when ARGUMAP_TEST_POSTGRES_URL is set: a new database copied
 * from a migrated template (CREATE DATABASE … TEMPLATE, about 0.1 s), dropped on close.
 */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
	const postgresUrl = testPostgresUrl();
	return postgresUrl
		? openPostgresTestDatabase(postgresUrl, options)
		: openSqliteTestDatabase(options);
}

export async function openSqliteTestDatabase(
	options: TestDatabaseOptions = {}
): Promise<TestDatabase> {
	const folder = mkdtempSync(join(tmpdir(), 'argumap-test-'));
	const path = join(folder, 'test.db');
	const db = openDatabase(path);
	if (!options.empty) await migrateToLatest(db);
	return {
		db,
		config: { kind: 'sqlite', path },
		env: { DATABASE_PATH: path },
		open: () => openDatabase(path),
		reset: () => emptyTables(db),
		async close() {
			await db.destroy();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}

async function emptyTables(db: AppDatabase): Promise<void> {
	const tables = (await listTables(db)).filter((table) => !table.startsWith('kysely_'));
	if (databaseKind(db) === 'postgres') {
		await sql`TRUNCATE ${sql.join(tables.map((table) => sql.table(table)))} CASCADE`.execute(db);
		return;
	}
	await db.transaction().execute(async (trx) => {
		await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
		for (const table of tables) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
	});
}

function withDatabaseName(url: string, name: string): string {
	const next = new URL(url);
	next.pathname = `/${name}`;
	return next.toString();
}

let adminPool: pg.Pool | undefined;
let template: Promise<string> | undefined;

function admin(serverUrl: string): pg.Pool {
	adminPool ??= new pg.Pool({ connectionString: serverUrl, max: 2, allowExitOnIdle: true });
	return adminPool;
}

/** Named after the migrations, so a changed or added migration makes a new template. */
function templateName(): string {
	const hash = createHash('sha256');
	for (const [name, migration] of Object.entries(migrations)) {
		hash.update(name).update(migration.up.toString());
	}
	return `argumap_template_${hash.digest('hex').slice(0, 16)}`;
}

/** The migrated template, made once per server; test workers starting together take turns. */
async function migratedTemplate(serverUrl: string): Promise<string> {
	const name = templateName();
	const client = await admin(serverUrl).connect();
	try {
		await client.query('select pg_advisory_lock(20251115)');
		const { rows } = await client.query<{ datistemplate: boolean }>(
			'select datistemplate from pg_database where datname = $1',
			[name]
		);
		if (rows[0]?.datistemplate) return name;
		// Missing, or left half-made by an interrupted run.
		await client.query(`drop database if exists "${name}" with (force)`);
		await client.query(`create database "${name}" template template0`);
		await migrateDatabase(postgresConfig(withDatabaseName(serverUrl, name)));
		await client.query(`alter database "${name}" is_template true`);
		return name;
	} finally {
		await client.query('select pg_advisory_unlock(20251115)').catch(() => undefined);
		client.release();
	}
}

function postgresConfig(url: string): PostgresConfig {
	const config = databaseConfigFromEnv({ DATABASE_URL: url });
	if (config.kind !== 'postgres') throw new Error('not a PostgreSQL URL');
	return config;
}

async function openPostgresTestDatabase(
	serverUrl: string,
	options: TestDatabaseOptions
): Promise<TestDatabase> {
	const source = options.empty
		? 'template0'
		: await (template ??= migratedTemplate(serverUrl).catch((error: unknown) => {
				template = undefined;
				throw error;
			}));
	const name = `argumap_test_${randomBytes(8).toString('hex')}`;
	await admin(serverUrl).query(`create database "${name}" template "${source}"`);
	const url = withDatabaseName(serverUrl, name);
	const config = postgresConfig(url);
	const db = openDatabase(config);
	return {
		db,
		config,
		env: { DATABASE_URL: url },
		open: () => openDatabase(config),
		reset: () => emptyTables(db),
		async close() {
			await db.destroy();
			await admin(serverUrl).query(`drop database if exists "${name}" with (force)`);
		}
	};
}

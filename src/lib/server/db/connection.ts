import SQLite from 'better-sqlite3';
import {
	CamelCasePlugin,
	CompiledQuery,
	Kysely,
	SqliteAdapter,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type SqliteDatabase
} from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from './config';
import { openPostgres } from './postgres';
import type { Database } from './schema';

const BUSY_TIMEOUT_MS = 5000;

/** The pragmas every connection must run with, and the values SQLite must report back. */
const REQUIRED_PRAGMAS: { set: string; name: string; expected: string | number }[] = [
	{ set: 'journal_mode = WAL', name: 'journal_mode', expected: 'wal' },
	// FULL: an acknowledged save survives a power cut, not only a crash.
	{ set: 'synchronous = FULL', name: 'synchronous', expected: 2 },
	{ set: 'foreign_keys = ON', name: 'foreign_keys', expected: 1 },
	// Deleted rows are overwritten with zeros, so an erased account leaves no readable trace.
	{ set: 'secure_delete = ON', name: 'secure_delete', expected: 1 },
	{ set: `busy_timeout = ${BUSY_TIMEOUT_MS}`, name: 'busy_timeout', expected: BUSY_TIMEOUT_MS }
];

export class DatabaseSetupError extends Error {}

function openSqlite(path: string): SQLite.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	for (const pragma of REQUIRED_PRAGMAS) {
		sqlite.pragma(pragma.set);
		const actual = sqlite.pragma(pragma.name, { simple: true });
		// In-memory databases cannot use WAL; they are only ever used by throwaway tools.
		if (pragma.name === 'journal_mode' && path === ':memory:') continue;
		if (actual !== pragma.expected) {
			sqlite.close();
			throw new DatabaseSetupError(
				`SQLite pragma ${pragma.name} is ${String(actual)}, expected ${pragma.expected} (${path})`
			);
		}
	}
	return sqlite;
}

/**
 * Transactions take the write lock when they begin. A plain (deferred) BEGIN reads first and
 * asks for the lock at its first write; if another connection wrote in between, SQLite answers
 * "database is locked" at once instead of waiting, because the transaction's snapshot is stale.
 * With BEGIN IMMEDIATE the busy timeout applies, so two app processes simply take turns.
 */
class ImmediateTransactionDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

/** Distinct SQL texts kept prepared; lists of varying length (`in (?, ?, …)`) make new texts. */
const PREPARED_STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, which was an eighth of a map read's server
 * time (BENCHMARKS.md). This keeps recent statements prepared, keyed by their SQL text, and drops
 * the least recently used. Safe to share: better-sqlite3 runs one statement at a time, and the app
 * never streams (`iterate`), which would keep a statement busy across other queries.
 */
export function withPreparedStatementCache(
	database: SQLite.Database,
	size = PREPARED_STATEMENT_CACHE_SIZE
): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => database.close(),
		prepare(sql) {
			let statement = statements.get(sql);
			if (statement) {
				statements.delete(sql);
			} else {
				statement = database.prepare(sql);
				if (statements.size >= size) {
					const oldest = statements.keys().next().value;
					if (oldest !== undefined) statements.delete(oldest);
				}
			}
			statements.set(sql, statement);
			return statement;
		}
	};
}

/**
 * SQLite runs DDL inside transactions too. Saying so makes Kysely's migrator run the migrations
 * in one (immediate) transaction: a second app server starting on the same new file waits for
 * the first to finish migrating instead of creating the same tables again.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl() {
		return true;
	}
}

class AppSqliteDialect extends SqliteDialect {
	readonly #database: SqliteDatabase;

	constructor(database: SQLite.Database) {
		const cached = withPreparedStatementCache(database);
		super({ database: cached });
		this.#database = cached;
	}

	override createDriver() {
		return new ImmediateTransactionDriver({ database: this.#database });
	}

	override createAdapter() {
		return new TransactionalDdlSqliteAdapter();
	}
}

function openSqliteDatabase(path: string): Kysely<Database> {
	const sqlite = openSqlite(path);
	return new Kysely<Database>({
		dialect: new AppSqliteDialect(sqlite),
		plugins: [new CamelCasePlugin()]
	});
}

/**
 * Opens the database `target` names: a SQLite file path (created if missing, pragmas checked)
 * or a configuration (src/lib/server/db/config.ts), SQLite or a PostgreSQL pool.
 */
export function openDatabase(target: string | DatabaseConfig): Kysely<Database> {
	if (typeof target === 'string') return openSqliteDatabase(target);
	return target.kind === 'sqlite' ? openSqliteDatabase(target.path) : openPostgres(target);
}

import {
	CamelCasePlugin,
	CompiledQuery,
	Kysely,
	PostgresDialect,
	PostgresDriver,
	type DatabaseConnection,
	type TransactionSettings
} from 'kysely';
import pg from 'pg';
import type { PostgresConfig } from './config';
import type { Database } from './schema';

const INT8_OID = 20;

/**
 * BIGINT columns (epoch milliseconds) and count(*) come back as numbers, as on SQLite. Every
 * value the app stores in them is far below 2^53.
 */
const types: pg.CustomTypesConfig = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8_OID && format !== 'binary'
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser']
};

/** The lock every write transaction takes: any number fixed for the app does. */
export const WRITE_TRANSACTION_LOCK = 741_852_963;

/**
 * Transactions were written for SQLite, where one writer at a time is a given: a read followed by
 * a dependent write (start an assignment once, a new commentary version) must not interleave.
 * On PostgreSQL every transaction takes one advisory lock first, so they still run one at a time
 * across all app servers, while single statements (most writes, and all reads) run in parallel.
 */
class SerialTransactionDriver extends PostgresDriver {
	override async beginTransaction(
		connection: DatabaseConnection,
		settings: TransactionSettings
	): Promise<void> {
		await super.beginTransaction(connection, settings);
		try {
			await connection.executeQuery(
				CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_TRANSACTION_LOCK})`)
			);
		} catch (error) {
			// Kysely rolls back only transactions whose begin succeeded; without this the connection
			// would go back to the pool inside an aborted transaction and fail every later query.
			// A failed rollback marks the connection for discard, so the pool closes it instead.
			// Every connection this driver hands out is Kysely's (unexported) PostgresConnection.
			const ownConnection = connection as Parameters<PostgresDriver['rollbackTransaction']>[0];
			await this.rollbackTransaction(ownConnection).catch(() => undefined);
			throw error;
		}
	}
}

class AppPostgresDialect extends PostgresDialect {
	readonly #pool: pg.Pool;

	constructor(pool: pg.Pool) {
		super({ pool });
		this.#pool = pool;
	}

	override createDriver() {
		return new SerialTransactionDriver({ pool: this.#pool });
	}
}

/** A pool for `config`; connections run with the statement timeout and TLS it names. */
export function createPool(config: PostgresConfig, max = config.poolSize): pg.Pool {
	const pool = new pg.Pool({
		connectionString: config.url,
		max,
		ssl: config.ssl,
		types,
		// pg leaves a timeout of 0 out of the connection, so a default set on the server or role
		// would apply; "none" has to be said outright.
		...(config.statementTimeoutMs > 0
			? { statement_timeout: config.statementTimeoutMs }
			: { options: '-c statement_timeout=0' }),
		// An app server that cannot reach its database should say so, not hang.
		connectionTimeoutMillis: 10_000,
		application_name: 'argumap'
	});
	// A connection that dies while idle in the pool (database restart) is dropped and replaced;
	// without a listener the error would end the process. A closing pool has no more use for it.
	pool.on('error', (error) => {
		if (pool.ending) return;
		console.error('PostgreSQL connection lost; the pool opens a new one', error.message);
	});
	return pool;
}

/** Kysely over a new pool for `config`; `destroy()` closes the pool. */
export function openPostgres(config: PostgresConfig): Kysely<Database> {
	return new Kysely<Database>({
		dialect: new AppPostgresDialect(createPool(config)),
		plugins: [new CamelCasePlugin()]
	});
}

/**
 * Kysely over a single connection without a statement timeout, for migrations: a server that
 * waits for another's migration (the migrator's advisory lock) or runs a long one itself must
 * not fail to start because a limit meant for requests ran out. `destroy()` closes it.
 */
export function openPostgresForMigrations(config: PostgresConfig): Kysely<Database> {
	return openPostgres({ ...config, poolSize: 1, statementTimeoutMs: 0 });
}

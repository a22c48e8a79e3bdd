import { PostgresAdapter, sql, type QueryExecutorProvider, type SelectQueryBuilder } from 'kysely';

// The few places where SQLite and PostgreSQL need different SQL. Everything else is written
// once, in Kysely's builder, and runs on both.

export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKind(db: QueryExecutorProvider): DatabaseKind {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Locks the selected rows until the transaction ends (PostgreSQL's FOR UPDATE). SQLite needs
 * none: its write transactions already run one at a time.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
	db: QueryExecutorProvider,
	query: SelectQueryBuilder<DB, TB, O>
): SelectQueryBuilder<DB, TB, O> {
	return databaseKind(db) === 'postgres' ? query.forUpdate() : query;
}

/**
 * After deleting personal data: SQLite (secure_delete) has zeroed the rows in the database file,
 * but the write-ahead log still holds the pages as they were until a checkpoint copies the
 * zeroed pages back and empties it. PostgreSQL keeps dead rows until VACUUM reuses their space;
 * nothing here can force that, so erasure there relies on the database's own upkeep.
 */
export async function flushDeletedRows(db: QueryExecutorProvider): Promise<void> {
	if (databaseKind(db) === 'sqlite') {
		await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
	}
}

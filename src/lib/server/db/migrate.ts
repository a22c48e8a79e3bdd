import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../../../db/migrations';
import type { DatabaseConfig } from './config';
import { openDatabase } from './connection';
import { openPostgresForMigrations } from './postgres';
import type { Database } from './schema';

/** How often a SQLite migration waits out another process's (each wait is the 5 s busy timeout). */
const BUSY_RETRIES = 12;

function isBusy(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		'code' in error &&
		(error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_BUSY_SNAPSHOT')
	);
}

/**
 * Applies every pending migration; throws with the failing migration's name. Several app
 * servers may start at once: on PostgreSQL, Kysely's migrator holds an advisory lock
 * (pg_advisory_lock) while it migrates; on SQLite the migrations run in one BEGIN IMMEDIATE
 * transaction (connection.ts), and a server that finds the file busy for longer than the busy
 * timeout tries again. Either way the second server finds nothing left to do.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	for (let attempt = 0; ; attempt++) {
		const { error, results } = await migrator.migrateToLatest();
		if (!error) return (results ?? []).map((result) => result.migrationName);
		if (isBusy(error) && attempt < BUSY_RETRIES) continue;
		const failed = results?.find((result) => result.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
	}
}

/**
 * Applies every pending migration to the database `target` names (a SQLite path or a
 * configuration) through a connection of its own, closed when done. On PostgreSQL that
 * connection runs without the statement timeout (postgres.ts).
 */
export async function migrateDatabase(target: string | DatabaseConfig): Promise<string[]> {
	const db =
		typeof target !== 'string' && target.kind === 'postgres'
			? openPostgresForMigrations(target)
			: openDatabase(target);
	try {
		return await migrateToLatest(db);
	} finally {
		await db.destroy();
	}
}

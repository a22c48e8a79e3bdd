import type { Kysely } from 'kysely';
import type { DatabaseConfig } from './config';
import { openDatabase } from './connection';
import { migrateDatabase } from './migrate';
import type { Database } from './schema';

export type { Database } from './schema';
export type { DatabaseConfig } from './config';
export { databaseConfigFromEnv } from './config';
export type AppDatabase = Kysely<Database>;

let appDatabase: AppDatabase | undefined;

/**
 * Opens and migrates the app's database once per process; called from `init` in hooks. A
 * string is the path of a SQLite file.
 */
export async function initAppDatabase(config: DatabaseConfig | string): Promise<AppDatabase> {
	await migrateDatabase(config);
	appDatabase = openDatabase(config);
	return appDatabase;
}

/** The process's database. Server modules take it as a parameter; routes fetch it here. */
export function getDb(): AppDatabase {
	if (!appDatabase) throw new Error('The database is not initialised: init() has not run');
	return appDatabase;
}

import type { Kysely } from 'kysely';
import { openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type { Database } from './schema';
export type AppDatabase = Kysely<Database>;

let appDatabase: AppDatabase | undefined;

/** Opens and migrates the app's database once per process; called from `init` in hooks. */
export async function initAppDatabase(path: string): Promise<AppDatabase> {
	const db = openDatabase(path);
	await migrateToLatest(db);
	appDatabase = db;
	return db;
}

/** The process's database. Server modules take it as a parameter; routes fetch it here. */
export function getDb(): AppDatabase {
	if (!appDatabase) throw new Error('The database is not initialised: init() has not run');
	return appDatabase;
}

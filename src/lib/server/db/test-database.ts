import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import type { AppDatabase } from '.';

export interface TestDatabase {
	db: AppDatabase;
	path: string;
	close(): Promise<void>;
}

/** A fresh SQLite file in a temporary folder with every migration applied; `close` removes it. */
export async function openTestDatabase(): Promise<TestDatabase> {
	const folder = mkdtempSync(join(tmpdir(), 'argumap-test-'));
	const path = join(folder, 'test.db');
	const db = openDatabase(path);
	await migrateToLatest(db);
	return {
		db,
		path,
		async close() {
			await db.destroy();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}

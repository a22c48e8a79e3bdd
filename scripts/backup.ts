// `npm run backup -- <file>`: a consistent copy of the database at DATABASE_PATH (default
// db/argumap.db), taken while the app runs. Restoring: README, "Backup and restore".
import { existsSync } from 'node:fs';
import { backupDatabase } from '../src/lib/server/backup';

const target = process.argv[2];
const source = process.env.DATABASE_PATH || 'db/argumap.db';
if (process.env.DATABASE_URL) {
	console.error(
		'DATABASE_URL is set: back up PostgreSQL with its own tools (pg_dump); this copies SQLite files'
	);
	process.exit(1);
}
if (!target) {
	console.error(
		'Usage: npm run backup -- <backup file>   (copies DATABASE_PATH, default db/argumap.db)'
	);
	process.exit(1);
}
if (!existsSync(source)) {
	console.error(`No database at ${source}`);
	process.exit(2);
}
try {
	const { bytes } = backupDatabase(source, target);
	console.log(`Backed up ${source} to ${target} (${bytes} bytes, integrity_check ok)`);
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(3);
}

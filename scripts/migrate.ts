// `npm run db:migrate`: applies pending migrations to DATABASE_PATH without starting the app.
import { openDatabase } from '../src/lib/server/db/connection';
import { migrateToLatest } from '../src/lib/server/db/migrate';

const path = process.env.DATABASE_PATH || 'db/argumap.db';
const db = openDatabase(path);
try {
	const applied = await migrateToLatest(db);
	console.log(
		applied.length ? `Applied ${applied.join(', ')} to ${path}` : `${path} is up to date`
	);
} finally {
	await db.destroy();
}

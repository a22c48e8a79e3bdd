// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or
// the SQLite file at DATABASE_PATH) without starting the app.
import { databaseConfigFromEnv, describeDatabase } from '../src/lib/server/db/config';
import { migrateDatabase } from '../src/lib/server/db/migrate';

const config = databaseConfigFromEnv(process.env);
const where = describeDatabase(config);
const applied = await migrateDatabase(config);
console.log(
	applied.length ? `Applied ${applied.join(', ')} to ${where}` : `${where} is up to date`
);

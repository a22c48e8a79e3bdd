// `npm run db:copy -- --from <sqlite file> --to <postgres url> [--replace]`: moves an
// installation's data from SQLite to PostgreSQL (either side may be either kind) and checks the
// row count of every table. Stop the app first, so nothing is written during the copy.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	databaseConfigFromEnv,
	DatabaseConfigError,
	describeDatabase,
	type DatabaseConfig
} from '../src/lib/server/db/config';
import { openDatabase } from '../src/lib/server/db/connection';
import { copyDatabase, CopyError } from '../src/lib/server/db/copy';

const USAGE = `Usage: npm run db:copy -- --from <sqlite file> --to <postgres://… url> [--replace]
Copies every table, in one transaction on the target, and compares the row counts.
--from and --to each take a SQLite file or a postgres:// URL. A target that already holds
data is refused unless --replace is given. The source is only read; stop the app first.
PostgreSQL settings (DATABASE_STATEMENT_TIMEOUT_MS, PGSSLMODE, DATABASE_SSL_CA) apply.
Exit codes: 0 copied and verified, 1 wrong usage, 2 source missing or not migrated,
3 target not empty, 4 copy failed or counts differ (no rows copied).`;

function fail(code: number, message: string): never {
	console.error(message);
	process.exit(code);
}

/** A postgres:// URL, with the pool and TLS settings of the environment, or a SQLite path. */
function configFor(target: string): DatabaseConfig {
	if (/^postgres(ql)?:\/\//.test(target)) {
		return databaseConfigFromEnv({ ...process.env, DATABASE_URL: target, DATABASE_POOL_SIZE: '2' });
	}
	return { kind: 'sqlite', path: target };
}

const { values } = (() => {
	try {
		return parseArgs({
			options: {
				from: { type: 'string' },
				to: { type: 'string' },
				replace: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		return fail(1, `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
	}
})();
if (values.help) fail(0, USAGE);
if (!values.from || !values.to) fail(1, USAGE);

let from: DatabaseConfig;
let to: DatabaseConfig;
try {
	from = configFor(values.from);
	to = configFor(values.to);
} catch (error) {
	if (error instanceof DatabaseConfigError) fail(1, error.message);
	throw error;
}
if (from.kind === 'sqlite' && !existsSync(from.path)) fail(2, `No database file at ${from.path}`);
if (describeDatabase(from) === describeDatabase(to)) {
	fail(1, '--from and --to are the same database');
}

const source = openDatabase(from);
const target = openDatabase(to);
let exitCode = 0;
try {
	console.log(`Copying ${describeDatabase(from)} to ${describeDatabase(to)} ...`);
	const counts = await copyDatabase(source, target, {
		replace: values.replace,
		onTable: ({ table, source, target }) =>
			console.log(`  ${table.padEnd(18)} ${String(source).padStart(8)} → ${target}`)
	});
	const rows = counts.reduce((sum, count) => sum + count.target, 0);
	console.log(`Copied ${rows} rows in ${counts.length} tables; every table's row count matches.`);
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof CopyError) {
		exitCode = { source_not_migrated: 2, target_not_empty: 3, count_mismatch: 4, schema: 4 }[
			error.reason
		];
	} else {
		exitCode = 4;
	}
	console.error(`Copy failed, no rows were copied: ${message}`);
} finally {
	await source.destroy();
	await target.destroy();
}
process.exit(exitCode);

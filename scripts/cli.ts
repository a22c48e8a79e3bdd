// `npm run cli -- …`: export and import maps against the configured database (DATABASE_URL or
// DATABASE_PATH).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { usernameKey } from '../src/lib/account/rules';
import { exportBundle, type ExportFormat } from '../src/lib/interchange/export';
import { IMPORT_FORMATS, type ImportFormat } from '../src/lib/interchange/import';
import type { OutlineLabels } from '../src/lib/interchange/markdown';
import { databaseConfigFromEnv, describeDatabase } from '../src/lib/server/db/config';
import { openDatabase } from '../src/lib/server/db/connection';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { importMapForUser } from '../src/lib/server/map-import';
import { getMapBundle } from '../src/lib/server/maps';

const USAGE = `Usage:
  npm run cli -- export <mapId> --format json|aif|argdown|svg [--out <file>]
  npm run cli -- import <file> --owner <username> [--format auto|argumap|aif|argdown|arggraph]
Uses the PostgreSQL database at DATABASE_URL if set, else the SQLite file at DATABASE_PATH
(default db/argumap.db).
Exit codes: 0 done, 1 wrong usage, 2 map or user not found, 3 file refused.`;

const CLI_EXPORT_FORMATS = ['json', 'aif', 'argdown', 'svg'] as const;

// The command line has no UI language; Markdown export (the only user of these) is not offered.
const NO_LABELS = {} as OutlineLabels;

function fail(code: number, message: string): never {
	console.error(message);
	process.exit(code);
}

async function main() {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: {
			format: { type: 'string' },
			out: { type: 'string' },
			owner: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	const [command, target] = positionals;
	if (values.help || !command || !target) fail(command ? 1 : 0, USAGE);

	const config = databaseConfigFromEnv(process.env);
	const path = describeDatabase(config);
	await migrateDatabase(config);
	const db = openDatabase(config);
	try {
		if (command === 'export') {
			const format = values.format ?? '';
			if (!(CLI_EXPORT_FORMATS as readonly string[]).includes(format)) {
				fail(1, `--format must be one of ${CLI_EXPORT_FORMATS.join(', ')}\n\n${USAGE}`);
			}
			// The command line acts as the administrator: it may read any map.
			const owner = await db
				.selectFrom('maps')
				.select('ownerId')
				.where('id', '=', target)
				.executeTakeFirst();
			if (!owner) fail(2, `No map with id ${target} in ${path}`);
			const bundle = await getMapBundle(db, target, owner.ownerId);
			if (!bundle) fail(2, `No map with id ${target} in ${path}`);
			const output = exportBundle(format as ExportFormat, bundle, NO_LABELS);
			if (values.out) {
				await writeFile(values.out, output);
				console.error(`Wrote ${values.out}`);
			} else {
				process.stdout.write(output);
			}
		} else if (command === 'import') {
			if (!values.owner) fail(1, `--owner <username> is required\n\n${USAGE}`);
			const format = values.format ?? 'auto';
			if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
				fail(1, `--format must be one of ${IMPORT_FORMATS.join(', ')}`);
			}
			const user = await db
				.selectFrom('users')
				.select('id')
				.where('usernameKey', '=', usernameKey(values.owner))
				.executeTakeFirst();
			if (!user) fail(2, `No user named ${values.owner} in ${path}`);
			let text: string;
			try {
				text = await readFile(target, 'utf8');
			} catch {
				fail(2, `Cannot read ${target}`);
			}
			const result = await importMapForUser(db, user.id, target, text, format as ImportFormat);
			if (!result.ok) {
				const { code, line, column, path: jsonPath, detail } = result.error;
				const where =
					line !== undefined
						? ` at line ${line}, column ${column ?? 1}`
						: jsonPath
							? ` at ${jsonPath.join('.')}`
							: '';
				fail(
					3,
					`Refused ${target}: ${code}${where}${detail ? ` (${detail})` : ''}. Nothing was written.`
				);
			}
			for (const line of result.skipped) console.error(`Skipped: ${line}`);
			console.log(result.mapId);
		} else {
			fail(1, USAGE);
		}
	} finally {
		await db.destroy();
	}
}

await main();

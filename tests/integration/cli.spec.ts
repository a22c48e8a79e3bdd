import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { seedExampleContent } from '$lib/server/seed';
import { createTestUser } from './helpers';

const run = promisify(execFile);

/** Runs the CLI as a user would, against the database `database` names in its environment. */
async function cli(database: TestDatabase, ...args: string[]) {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', 'scripts/cli.ts', ...args], {
			env: { ...process.env, ...database.env }
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe('npm run cli', () => {
	let folder: string;
	let database: TestDatabase;
	let exampleMapId: string;

	// A SQLite file, or a PostgreSQL database when the tests run on one.
	beforeAll(async () => {
		folder = mkdtempSync(join(tmpdir(), 'argumap-cli-'));
		database = await openTestDatabase();
		const { db } = database;
		await seedExampleContent(db);
		await createTestUser(db, 'lehrerin');
		exampleMapId = (await db.selectFrom('maps').select('id').executeTakeFirstOrThrow()).id;
	});

	afterAll(async () => {
		await database.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('exports a map as Argumap JSON and imports it back for a user', async () => {
		const file = join(folder, 'example.argumap.json');
		const exported = await cli(database, 'export', exampleMapId, '--format', 'json', '--out', file);
		expect(exported.code).toBe(0);
		const imported = await cli(database, 'import', file, '--owner', 'lehrerin');
		expect(imported.code).toBe(0);
		const newId = imported.stdout.trim();
		expect(newId).toMatch(/^[a-z2-7]{8,}$/);
		const again = await cli(database, 'export', newId, '--format', 'aif');
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout).nodes.length).toBeGreaterThan(10);
	}, 60_000);

	it('answers wrong usage, unknown ids and broken files with a message and an exit code', async () => {
		expect((await cli(database, 'export', exampleMapId, '--format', 'pdf')).code).toBe(1);
		const missing = await cli(database, 'export', 'nosuchmapid', '--format', 'json');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('No map with id nosuchmapid');
		const broken = join(folder, 'broken.json');
		writeFileSync(broken, '{"format": "argumap-bundle", ');
		const refused = await cli(database, 'import', broken, '--owner', 'lehrerin');
		expect(refused.code).toBe(3);
		expect(refused.stderr).toMatch(/Refused .*broken\.json: import_not_json at line 1/);
		expect((await cli(database, 'import', broken, '--owner', 'niemand')).code).toBe(2);
	}, 60_000);
});

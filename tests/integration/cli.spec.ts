import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrate';
import { seedExampleContent } from '$lib/server/seed';
import { createTestUser } from './helpers';

const run = promisify(execFile);

/** Runs the CLI as a user would, against the database file at `path`. */
async function cli(path: string, ...args: string[]) {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', 'scripts/cli.ts', ...args], {
			env: { ...process.env, DATABASE_PATH: path }
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe('npm run cli', () => {
	let folder: string;
	let path: string;
	let exampleMapId: string;

	beforeAll(async () => {
		folder = mkdtempSync(join(tmpdir(), 'argumap-cli-'));
		path = join(folder, 'cli.db');
		const db = openDatabase(path);
		await migrateToLatest(db);
		await seedExampleContent(db);
		await createTestUser(db, 'lehrerin');
		exampleMapId = (await db.selectFrom('maps').select('id').executeTakeFirstOrThrow()).id;
		await db.destroy();
	});

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('exports a map as Argumap JSON and imports it back for a user', async () => {
		const file = join(folder, 'example.argumap.json');
		const exported = await cli(path, 'export', exampleMapId, '--format', 'json', '--out', file);
		expect(exported.code).toBe(0);
		const imported = await cli(path, 'import', file, '--owner', 'lehrerin');
		expect(imported.code).toBe(0);
		const newId = imported.stdout.trim();
		expect(newId).toMatch(/^[a-z2-7]{8,}$/);
		const again = await cli(path, 'export', newId, '--format', 'aif');
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout).nodes.length).toBeGreaterThan(10);
	}, 60_000);

	it('answers wrong usage, unknown ids and broken files with a message and an exit code', async () => {
		expect((await cli(path, 'export', exampleMapId, '--format', 'pdf')).code).toBe(1);
		const missing = await cli(path, 'export', 'nosuchmapid', '--format', 'json');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('No map with id nosuchmapid');
		const broken = join(folder, 'broken.json');
		writeFileSync(broken, '{"format": "argumap-bundle", ');
		const refused = await cli(path, 'import', broken, '--owner', 'lehrerin');
		expect(refused.code).toBe(3);
		expect(refused.stderr).toMatch(/Refused .*broken\.json: import_not_json at line 1/);
		expect((await cli(path, 'import', broken, '--owner', 'niemand')).code).toBe(2);
	}, 60_000);
});

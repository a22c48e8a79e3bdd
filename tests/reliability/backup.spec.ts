import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db';
import { BACKUPS_DURING_WRITES, reportFigure } from './counts';
import { bundleEditWorker, exited, startAppServer, startEditWorker } from './processes';
import { consistencyProblems, readEdits, seedDatabase } from './seed';

const run = promisify(execFile);

/** `npm run backup -- <file>` as an operator types it, against DATABASE_PATH. */
function npmBackup(databasePath: string, target: string) {
	return run('npm', ['run', '--silent', 'backup', '--', target], {
		env: { ...process.env, DATABASE_PATH: databasePath }
	});
}

function openReadOnly(path: string) {
	return new Kysely<Database>({
		dialect: new SqliteDialect({ database: new SQLite(path, { readonly: true }) }),
		plugins: [new CamelCasePlugin()]
	});
}

describe('backup', () => {
	it('takes consistent online backups while another process keeps writing, and a restored backup serves the app', async () => {
		const worker = await bundleEditWorker();
		const seeded = await seedDatabase();
		const mapId = seeded.mapIds[0]!;
		const folder = dirname(seeded.path);
		const writer = startEditWorker(worker, seeded.path, seeded.userId, mapId, 1);
		const backups: { path: string; edits: number }[] = [];
		try {
			await writer.acknowledgedAtLeast(20);
			for (let i = 1; i <= BACKUPS_DURING_WRITES; i++) {
				const acknowledgedBefore = writer.acknowledged.at(-1)!;
				const target = join(folder, `backup-${i}.db`);
				const { stdout } = await npmBackup(seeded.path, target);
				expect(stdout).toContain('integrity_check ok');
				const copy = openReadOnly(target);
				try {
					const state = await readEdits(copy, mapId);
					expect(consistencyProblems(state), target).toEqual([]);
					// Everything acknowledged before the backup began is in it.
					expect(state.edits.length).toBeGreaterThanOrEqual(acknowledgedBefore);
					backups.push({ path: target, edits: state.edits.length });
				} finally {
					await copy.destroy();
				}
			}
			// The writer went on during the backups: they were taken online.
			expect(writer.acknowledged.at(-1)!).toBeGreaterThan(backups[0]!.edits);
		} finally {
			writer.child.kill('SIGKILL');
			await exited(writer.child);
		}
		expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);

		// Restore as README says: stop the app, copy the backup over the database file, remove
		// the old write-ahead log and shared-memory files, start the app.
		const restored = backups.at(-1)!;
		copyFileSync(restored.path, seeded.path);
		rmSync(`${seeded.path}-wal`, { force: true });
		rmSync(`${seeded.path}-shm`, { force: true });
		const server = await startAppServer(seeded.path);
		try {
			const response = await fetch(`${server.origin}/maps/${mapId}.json`, {
				headers: { cookie: `argumap_session=${seeded.sessionToken}` }
			});
			expect(response.status).toBe(200);
			const body = (await response.json()) as { revision: number };
			expect(body.revision).toBe(restored.edits + 1);
		} finally {
			await server.stop();
		}
		reportFigure('backup', {
			backupsDuringWrites: backups.length,
			editsInLastBackup: restored.edits,
			editsWrittenMeanwhile: writer.acknowledged.length,
			restoredRevision: restored.edits + 1
		});
	});

	it('a failed backup leaves no file under the target name and says why', async () => {
		const seeded = await seedDatabase();
		const folder = dirname(seeded.path);
		const notADatabase = join(folder, 'notes.db');
		writeFileSync(
			notADatabase,
			'this is not an SQLite file, but long enough to look like one '.repeat(20)
		);
		const target = join(folder, 'backup.db');
		const failed = await npmBackup(notADatabase, target).then(
			() => undefined,
			(error: { code: number; stderr: string }) => error
		);
		expect(failed?.code).toBe(3);
		expect(failed?.stderr).toMatch(/Backup failed: .*not a database/);
		expect(
			readdirSync(folder).filter((name) => name.startsWith('backup') || name.endsWith('.partial'))
		).toEqual([]);
	});
});

import SQLite from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class BackupError extends Error {}

function fsyncPath(path: string) {
	const descriptor = openSync(path, 'r');
	try {
		fsyncSync(descriptor);
	} finally {
		closeSync(descriptor);
	}
}

/**
 * Copies the database at `sourcePath` to `targetPath` while the app keeps writing. `VACUUM INTO`
 * reads one snapshot (WAL lets writers go on meanwhile), so the copy holds every transaction
 * committed before it began and none in part. The copy is written beside the target under a
 * temporary name, checked with `integrity_check`, flushed and only then renamed into place: a
 * crash or a failed check never leaves a half-written backup under the target's name.
 */
export function backupDatabase(sourcePath: string, targetPath: string): { bytes: number } {
	const temporary = join(dirname(targetPath), `.${basename(targetPath)}.${process.pid}.partial`);
	rmSync(temporary, { force: true });
	try {
		const source = new SQLite(sourcePath, { fileMustExist: true });
		try {
			source.pragma('busy_timeout = 5000');
			source.prepare('VACUUM INTO ?').run(temporary);
		} finally {
			source.close();
		}
		const copy = new SQLite(temporary, { fileMustExist: true, readonly: true });
		try {
			const result = copy.pragma('integrity_check', { simple: true });
			if (result !== 'ok') throw new BackupError(`The copy failed integrity_check: ${result}`);
		} finally {
			copy.close();
		}
		fsyncPath(temporary);
		renameSync(temporary, targetPath);
		fsyncPath(dirname(targetPath));
		return { bytes: statSync(targetPath).size };
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}

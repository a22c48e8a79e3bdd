import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testPostgresUrl } from '$lib/server/db/test-database';
import { requirePostgres } from './servers';

const run = promisify(execFile);

describe('scripts/postgres-for-tests.sh start', () => {
	it('fails with the server log when PostgreSQL cannot start', async () => {
		requirePostgres();
		// The running test server holds this port, so a second cluster cannot listen on it.
		const takenPort = new URL(testPostgresUrl()!).port;
		const data = join(tmpdir(), `argumap-postgres-start-${randomBytes(4).toString('hex')}`);
		try {
			const failure = await run('bash', ['scripts/postgres-for-tests.sh', 'start'], {
				env: {
					...process.env,
					ARGUMAP_TEST_POSTGRES_PORT: takenPort,
					ARGUMAP_TEST_POSTGRES_DIR: data
				}
			}).then(
				() => undefined,
				(error: { code?: number; stderr?: string }) => error
			);
			expect(failure?.code).toBe(1);
			expect(failure?.stderr).toMatch(/PostgreSQL did not start: .*server\.log:\n/);
			expect(failure?.stderr).toMatch(/Address already in use/);
		} finally {
			rmSync(data, { recursive: true, force: true });
		}
	});
});

import { describe, expect, it } from 'vitest';
import { databaseConfigFromEnv, describeDatabase } from './config';

describe('databaseConfigFromEnv', () => {
	it('stays on SQLite without DATABASE_URL', () => {
		expect(databaseConfigFromEnv({})).toEqual({ kind: 'sqlite', path: 'db/argumap.db' });
		expect(databaseConfigFromEnv({ DATABASE_PATH: '/srv/a.db', DATABASE_URL: ' ' })).toEqual({
			kind: 'sqlite',
			path: '/srv/a.db'
		});
	});

	it('selects PostgreSQL with the default pool, timeout and no TLS', () => {
		expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://app:pw@db:5432/argumap' })).toEqual({
			kind: 'postgres',
			url: 'postgres://app:pw@db:5432/argumap',
			poolSize: 10,
			statementTimeoutMs: 30_000,
			ssl: false
		});
	});

	it('reads pool size, statement timeout and sslmode from the URL or PGSSLMODE', () => {
		const config = databaseConfigFromEnv({
			DATABASE_URL: 'postgresql://db/argumap?sslmode=require&application_name=x',
			DATABASE_POOL_SIZE: '4',
			DATABASE_STATEMENT_TIMEOUT_MS: '5000',
			PGSSLMODE: 'disable'
		});
		expect(config).toMatchObject({
			url: 'postgresql://db/argumap?application_name=x',
			poolSize: 4,
			statementTimeoutMs: 5000,
			ssl: { rejectUnauthorized: false }
		});
		expect(
			databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/a', PGSSLMODE: 'verify-full' })
		).toMatchObject({ ssl: { rejectUnauthorized: true } });
	});

	it('refuses settings it would otherwise have to guess at', () => {
		expect(() => databaseConfigFromEnv({ DATABASE_URL: 'mysql://db/a' })).toThrow(/postgres:\/\//);
		expect(() =>
			databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/a', DATABASE_POOL_SIZE: 'ten' })
		).toThrow(/DATABASE_POOL_SIZE/);
		expect(() => databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/a?sslmode=prefer' })).toThrow(
			/sslmode "prefer"/
		);
	});

	it('refuses TLS parameters in the URL other than sslmode, which would override it', () => {
		for (const parameter of [
			'ssl=false',
			'sslcert=/tmp/c.pem',
			'sslkey=/tmp/k.pem',
			'sslrootcert=/tmp/ca.pem',
			'SSLROOTCERT=system'
		]) {
			expect(() =>
				databaseConfigFromEnv({
					DATABASE_URL: `postgres://db/a?sslmode=verify-full&${parameter}`
				})
			).toThrow(/DATABASE_URL must not set ssl.*: use sslmode and DATABASE_SSL_CA/i);
		}
	});

	it('never shows the password', () => {
		const config = databaseConfigFromEnv({ DATABASE_URL: 'postgres://app:secret@db/a' });
		expect(describeDatabase(config)).toBe('postgres://app:***@db/a');
	});
});

import { readFileSync } from 'node:fs';

export const DEFAULT_SQLITE_PATH = 'db/argumap.db';
export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** TLS towards PostgreSQL: off, encrypted only, or encrypted with the server's certificate checked. */
export type PostgresSsl = false | { rejectUnauthorized: boolean; ca?: string };

export interface SqliteConfig {
	kind: 'sqlite';
	path: string;
}

export interface PostgresConfig {
	kind: 'postgres';
	/** The connection URL without `sslmode`, which `ssl` carries instead. */
	url: string;
	poolSize: number;
	statementTimeoutMs: number;
	ssl: PostgresSsl;
}

export type DatabaseConfig = SqliteConfig | PostgresConfig;

export class DatabaseConfigError extends Error {}

type Env = Record<string, string | undefined>;

function positiveInteger(env: Env, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value <= 0) {
		throw new DatabaseConfigError(`${name} must be a positive whole number, not "${raw}"`);
	}
	return value;
}

/**
 * libpq's sslmode names: `disable`; `require` (encrypted, certificate not checked); `verify-ca`
 * and `verify-full` (certificate checked against DATABASE_SSL_CA or the system's CAs). Node's
 * TLS always checks the host name when it checks the certificate, so both verify modes do.
 */
function sslFrom(mode: string, env: Env): PostgresSsl {
	switch (mode) {
		case 'disable':
			return false;
		case 'require':
		case 'no-verify':
			return { rejectUnauthorized: false };
		case 'verify-ca':
		case 'verify-full': {
			const caFile = env.DATABASE_SSL_CA;
			return caFile
				? { rejectUnauthorized: true, ca: readFileSync(caFile, 'utf8') }
				: { rejectUnauthorized: true };
		}
		default:
			// libpq's `prefer` and `allow` fall back to plain text silently; better to choose.
			throw new DatabaseConfigError(
				`sslmode "${mode}" is not supported: use disable, require, verify-ca or verify-full`
			);
	}
}

function postgresConfig(raw: string, env: Env): PostgresConfig {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new DatabaseConfigError('DATABASE_URL is not a valid URL');
	}
	// pg lets the URL's TLS parameters override the `ssl` settings made here from sslmode.
	const overriding = [...url.searchParams.keys()].filter(
		(key) => key.toLowerCase().startsWith('ssl') && key !== 'sslmode'
	);
	if (overriding.length > 0) {
		throw new DatabaseConfigError(
			`DATABASE_URL must not set ${overriding.join(', ')}: use sslmode and DATABASE_SSL_CA`
		);
	}
	const mode = url.searchParams.get('sslmode') ?? env.PGSSLMODE ?? 'disable';
	url.searchParams.delete('sslmode');
	return {
		kind: 'postgres',
		url: url.toString(),
		poolSize: positiveInteger(env, 'DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE),
		statementTimeoutMs: positiveInteger(
			env,
			'DATABASE_STATEMENT_TIMEOUT_MS',
			DEFAULT_STATEMENT_TIMEOUT_MS
		),
		ssl: sslFrom(mode, env)
	};
}

/**
 * The database the environment names: PostgreSQL when DATABASE_URL is a postgres:// URL,
 * otherwise the SQLite file at DATABASE_PATH (default db/argumap.db).
 */
export function databaseConfigFromEnv(env: Env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) {
		if (!/^postgres(ql)?:\/\//.test(url)) {
			throw new DatabaseConfigError('DATABASE_URL must start with postgres:// or postgresql://');
		}
		return postgresConfig(url, env);
	}
	return { kind: 'sqlite', path: env.DATABASE_PATH || DEFAULT_SQLITE_PATH };
}

/** Where the database is, for messages: the SQLite path, or the PostgreSQL URL without password. */
export function describeDatabase(config: DatabaseConfig): string {
	if (config.kind === 'sqlite') return config.path;
	const url = new URL(config.url);
	if (url.password) url.password = '***';
	return url.toString();
}

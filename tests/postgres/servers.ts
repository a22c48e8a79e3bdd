import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testPostgresUrl } from '$lib/server/db/test-database';
import { exited, freePort } from '../reliability/processes';

const ROOT = process.cwd();
export const SESSION_COOKIE = 'argumap_session';

export interface AppServer {
	origin: string;
	/** Everything the process printed. */
	output(): string;
	stop(): Promise<void>;
}

/** Fails clearly when the suite runs without a PostgreSQL server to run on. */
export function requirePostgres(): void {
	if (!testPostgresUrl()) {
		throw new Error(
			'ARGUMAP_TEST_POSTGRES_URL is not set: start one with `bash scripts/postgres-for-tests.sh start`'
		);
	}
}

/** The production build (`node build`) on a port of its own, with the database `env` names. */
export async function startServer(env: Record<string, string>): Promise<AppServer> {
	if (!existsSync(join(ROOT, 'build', 'index.js'))) {
		throw new Error('No production build: run `npm run build` first');
	}
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	// Only the database `env` names: none the test process happens to have.
	const inherited = { ...process.env };
	delete inherited.DATABASE_URL;
	delete inherited.DATABASE_PATH;
	const child = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), ORIGIN: origin, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 60_000;
	while (!output.includes('Argumap is ready')) {
		if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`The server did not start within 60 s:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		origin,
		output: () => output,
		async stop() {
			child.kill('SIGTERM');
			await exited(child);
		}
	};
}

function sessionCookieOf(response: Response): string | undefined {
	for (const header of response.headers.getSetCookie()) {
		const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(header);
		if (match?.[1]) return `${SESSION_COOKIE}=${match[1]}`;
	}
	return undefined;
}

/** Posts a form action as the browser would (same origin, so the CSRF check passes). */
export function postForm(
	server: AppServer,
	path: string,
	fields: Record<string, string>,
	cookie?: string
): Promise<Response> {
	return fetch(`${server.origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.origin,
			// A browser's plain form post; without it SvelteKit answers as to `use:enhance`.
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

/** Logs in through the form; the session cookie on success. */
export async function logIn(server: AppServer, username: string, password: string) {
	const response = await postForm(server, '/login', { username, password });
	await response.body?.cancel();
	return { status: response.status, cookie: sessionCookieOf(response) };
}

export function getJson(server: AppServer, path: string, cookie?: string): Promise<Response> {
	return fetch(`${server.origin}${path}`, {
		redirect: 'manual',
		headers: cookie ? { cookie } : {}
	});
}

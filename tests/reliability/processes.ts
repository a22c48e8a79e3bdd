import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = process.cwd();

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface AppServer {
	origin: string;
	/** Everything the process printed. */
	output(): string;
	stop(): Promise<void>;
}

/**
 * The production build (`node build`) on a port of its own, as `npm start` runs it, on the
 * database `env` names (never one the test process happens to have), with `env`'s other settings.
 */
export async function startProductionServer(env: Record<string, string>): Promise<AppServer> {
	if (!existsSync(join(ROOT, 'build', 'index.js'))) {
		throw new Error('No production build: run `npm run build` first');
	}
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
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
	// Our start-up hook prints "ready" once the database is migrated and seeded, but adapter-node
	// binds the port only after that; its "Listening on" line is the moment requests get through.
	while (!(output.includes('Argumap is ready') && output.includes('Listening on '))) {
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

/** The production build on its own SQLite file, taking the large bodies the load tests send. */
export function startAppServer(databasePath: string): Promise<AppServer> {
	return startProductionServer({ DATABASE_PATH: databasePath, BODY_SIZE_LIMIT: '4M' });
}

/**
 * The edit worker bundled into one file, so each of the many restarts costs a plain `node`
 * start instead of a TypeScript compile.
 */
export async function bundleEditWorker(): Promise<string> {
	const outfile = join(ROOT, 'tests', '.tmp', 'reliability', 'edit-worker.mjs');
	await build({
		entryPoints: [join(ROOT, 'tests', 'reliability', 'edit-worker.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		external: ['better-sqlite3'],
		outfile,
		logLevel: 'warning',
		banner: {
			js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
		}
	});
	return outfile;
}

/** A running edit worker and the edits it has acknowledged so far. */
export interface EditWorker {
	child: ChildProcess;
	acknowledged: number[];
	/** Resolves once the worker has acknowledged at least `count` edits. */
	acknowledgedAtLeast(count: number): Promise<void>;
}

export function startEditWorker(
	workerPath: string,
	databasePath: string,
	userId: string,
	mapId: string,
	firstEdit: number
): EditWorker {
	const child = spawn(
		process.execPath,
		[workerPath, databasePath, userId, mapId, String(firstEdit)],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const acknowledged: number[] = [];
	let pending = '';
	let errors = '';
	const waiters: (() => void)[] = [];
	child.stdout!.on('data', (chunk: Buffer) => {
		pending += chunk.toString();
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) acknowledged.push(Number(line));
		for (const wake of waiters.splice(0)) wake();
	});
	child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
	return {
		child,
		acknowledged,
		acknowledgedAtLeast(count) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (acknowledged.length >= count) resolve();
					else if (child.exitCode !== null) reject(new Error(`The worker exited:\n${errors}`));
					else waiters.push(check);
				};
				child.once('exit', check);
				check();
			});
		}
	};
}

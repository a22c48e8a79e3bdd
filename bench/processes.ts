// Starting and stopping the servers the benchmark measures, pinned to one core when possible.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const HAS_TASKSET = existsSync('/usr/bin/taskset');
/** Servers run on core 0; the load generator and the browser on core 1. */
export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

export function pinSelfToLoadCore(): boolean {
	if (!HAS_TASKSET) return false;
	// -a: every thread of this process, and children started from now on inherit it.
	execFileSync('taskset', ['-a', '-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
	return true;
}

export function startPinned(
	command: string,
	args: string[],
	env: Record<string, string>
): ChildProcess {
	const [file, argv] = HAS_TASKSET
		? ['taskset', ['-c', SERVER_CORE, command, ...args]]
		: [command, args];
	const child = spawn(file, argv, {
		env: { ...process.env, ...env },
		stdio: ['ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore', 'inherit']
	});
	return child;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			await response.arrayBuffer();
			return;
		} catch (error) {
			if (process.env.BENCH_DEBUG) {
				console.warn(String(error), (error as { cause?: unknown }).cause);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

/**
 * `npm test` runs the reliability suite short; CI (.ci/run) sets ARGUMAP_FULL_RELIABILITY=1 for
 * the full counts the issue asks for: 200 kills, 100 connections for 30 s.
 */
export const FULL = process.env.ARGUMAP_FULL_RELIABILITY === '1';

export const KILLS = FULL ? 200 : 15;
export const LOAD_CONNECTIONS = 100;
export const LOAD_SECONDS = FULL ? 30 : 3;
export const CONFLICT_ROUNDS = FULL ? 20 : 5;
export const BACKUPS_DURING_WRITES = FULL ? 5 : 2;

/** One line per figure, easy to find in the log and to copy into SECURITY.md. */
export function reportFigure(name: string, figures: Record<string, number | string>) {
	const text = Object.entries(figures)
		.map(([key, value]) => `${key}=${value}`)
		.join(' ');
	console.log(`[figure] ${name}: ${text}${FULL ? ' (full run)' : ' (short run)'}`);
}

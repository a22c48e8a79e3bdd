// Shared helpers: A B B A ordering, medians, ratios, and the table printed at the end.
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return NaN;
	return sorted.length % 2
		? (sorted[middle] ?? NaN)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export interface Paired<T> {
	a: T[];
	b: T[];
}

/**
 * Runs `a` and `b` in the order A B B A, `rounds` times, so slow drift (heat, other load) hits
 * both sides alike. Every side runs 2 × rounds times.
 */
export async function abba<T>(
	rounds: number,
	a: () => Promise<T> | T,
	b: () => Promise<T> | T
): Promise<Paired<T>> {
	const result: Paired<T> = { a: [], b: [] };
	for (let round = 0; round < rounds; round++) {
		result.a.push(await a());
		result.b.push(await b());
		result.b.push(await b());
		result.a.push(await a());
	}
	return result;
}

export async function timeMs(run: () => unknown): Promise<number> {
	const start = performance.now();
	await run();
	return performance.now() - start;
}

/** One line of the final table: what was measured, ours, the baseline, the ratio and the budget. */
export interface Row {
	part: string;
	measure: string;
	ours: number;
	baseline: number;
	unit: string;
	/** ours / baseline */
	ratio: number;
	budget?: string;
	met?: boolean;
}

export function row(
	part: string,
	measure: string,
	ours: number,
	baseline: number,
	unit: string,
	budget?: { text: string; met: (ratio: number, ours: number, baseline: number) => boolean }
): Row {
	const ratio = baseline === 0 ? NaN : ours / baseline;
	return {
		part,
		measure,
		ours: round(ours),
		baseline: round(baseline),
		unit,
		ratio: round(ratio),
		...(budget ? { budget: budget.text, met: budget.met(ratio, ours, baseline) } : {})
	};
}

export function printTable(rows: Row[]): void {
	const header = ['part', 'measure', 'ours', 'baseline', 'unit', 'ratio', 'budget', 'met'];
	const cells = rows.map((r) => [
		r.part,
		r.measure,
		String(r.ours),
		String(r.baseline),
		r.unit,
		`${r.ratio}×`,
		r.budget ?? '',
		r.met === undefined ? '' : r.met ? 'yes' : 'NO'
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
	const line = (values: string[]) =>
		values.map((value, i) => value.padEnd(widths[i] ?? 0)).join('  ');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const c of cells) console.log(line(c));
}

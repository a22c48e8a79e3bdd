// `npm run bench:suggest`: times the suggester (segmentation + structure) on a 10,000-word text
// per language against plain Intl.Segmenter sentence splitting of the same text, in one run.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suggestStructure } from '../src/lib/suggest/index';
import { segmentSentences } from '../src/lib/suggest/sentence-split';
import type { SuggestLanguage } from '../src/lib/suggest/types';

const WORDS = 10_000;
const ROUNDS = 3; // each round runs A B B A, so every side runs 2 × ROUNDS times
/**
 * Runs of each side before timing: the first calls in a process run cold code and compile the
 * patterns (10,000 German words: about 120, 70, 45 ms, then about 20 ms from the fifth call).
 * The first call is measured on its own, in fresh processes (`firstCall`).
 */
const WARM_UP_RUNS = 5;
/** Fresh processes for the first-call figure (median). */
const FIRST_CALL_PROCESSES = 3;
const RESULTS = new URL('./results-suggest.json', import.meta.url);

// Written for this benchmark: a small commentary per language, repeated until it is long enough.
const SENTENCES: Record<SuggestLanguage, string[]> = {
	en: [
		'The city should open its libraries on Sundays.',
		'Many people work all week and have no other time to borrow books.',
		'Critics say that the extra hours would cost too much, because staff must be paid more on weekends.',
		'However, volunteers already run reading groups in several districts, so the costs could stay low.',
		'Moreover, families with young children would gain a quiet place to spend the afternoon.',
		'Of course, not every branch needs to open.',
		'Dr. Miller, who studied the plan, expects about 2,000 visitors on the first Sunday.',
		'Although some councillors doubt these numbers, a trial of six months would show whether they hold.'
	],
	de: [
		'Die Stadt sollte ihre Bibliotheken auch sonntags öffnen.',
		'Viele Menschen arbeiten die ganze Woche und haben sonst keine Zeit, Bücher auszuleihen.',
		'Kritiker sagen, dass die zusätzlichen Stunden zu teuer wären, weil das Personal am Wochenende mehr verdient.',
		'Allerdings leiten Ehrenamtliche schon jetzt Lesegruppen in mehreren Bezirken, sodass die Kosten gering bleiben könnten.',
		'Außerdem bekämen Familien mit kleinen Kindern einen ruhigen Ort für den Nachmittag.',
		'Natürlich muss nicht jede Zweigstelle öffnen.',
		'Dr. Müller, die den Plan geprüft hat, erwartet am 1. Sonntag etwa 2.000 Besucher.',
		'Obwohl einige Stadträte an diesen Zahlen zweifeln, würde ein Versuch von sechs Monaten zeigen, ob sie stimmen.'
	]
};

function longText(language: SuggestLanguage): { text: string; words: number } {
	const paragraphs: string[] = [];
	let words = 0;
	while (words < WORDS) {
		const paragraph = SENTENCES[language].join(' ');
		paragraphs.push(paragraph);
		words += paragraph.split(/\s+/).length;
	}
	return { text: paragraphs.join('\n\n'), words };
}

function segmenterSentences(text: string, language: SuggestLanguage): number {
	let count = 0;
	for (const { segment } of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(
		text
	)) {
		if (segment.trim()) count++;
	}
	return count;
}

function time(run: () => unknown): number {
	const start = performance.now();
	run();
	return performance.now() - start;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? NaN)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function benchSuggestLanguage(language: SuggestLanguage, rounds = ROUNDS) {
	const { text, words } = longText(language);
	const suggest = () => suggestStructure(text, language);
	const baseline = () => segmenterSentences(text, language);
	const units = suggest().units.length;
	for (let run = 0; run < WARM_UP_RUNS; run++) {
		suggest();
		baseline();
	}
	const suggestRuns: number[] = [];
	const baselineRuns: number[] = [];
	for (let round = 0; round < rounds; round++) {
		suggestRuns.push(time(suggest));
		baselineRuns.push(time(baseline));
		baselineRuns.push(time(baseline));
		suggestRuns.push(time(suggest));
	}
	// Our sentence segmentation alone, against the same baseline.
	const segment = () => segmentSentences(text, language);
	for (let run = 0; run < WARM_UP_RUNS; run++) segment();
	const segmentRuns: number[] = [];
	const segmentBaselineRuns: number[] = [];
	for (let round = 0; round < rounds; round++) {
		segmentRuns.push(time(segment));
		segmentBaselineRuns.push(time(baseline));
		segmentBaselineRuns.push(time(baseline));
		segmentRuns.push(time(segment));
	}
	const perTenThousand = (ms: number) => (ms * 10_000) / words;
	const suggestMs = perTenThousand(median(suggestRuns));
	const segmenterMs = perTenThousand(median(baselineRuns));
	const segmentMs = perTenThousand(median(segmentRuns));
	const segmentBaselineMs = perTenThousand(median(segmentBaselineRuns));
	return {
		words,
		units,
		runsEach: suggestRuns.length,
		suggestStructureMsPer10kWords: round(suggestMs),
		intlSegmenterMsPer10kWords: round(segmenterMs),
		ratio: round(suggestMs / segmenterMs),
		segmentSentencesMsPer10kWords: round(segmentMs),
		segmentationBaselineMsPer10kWords: round(segmentBaselineMs),
		segmentationRatio: round(segmentMs / segmentBaselineMs)
	};
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

/**
 * This file as Vite bundles and minifies code for the browser, which is how the editor runs the
 * suggester: run through tsx, every function would also carry esbuild's name-keeping helpers.
 */
/** The first suggestion and the first `Intl.Segmenter` run in this process, per 10,000 words. */
export function firstCall(language: SuggestLanguage) {
	const { text, words } = longText(language);
	const suggestMs = time(() => suggestStructure(text, language));
	const segmenterMs = time(() => segmenterSentences(text, language));
	return { suggestMs: (suggestMs * 10_000) / words, segmenterMs: (segmenterMs * 10_000) / words };
}

/** `firstCall` in fresh Node processes running the built file: what a first press costs. */
function firstCallsOf(file: string, language: SuggestLanguage) {
	const runs: ReturnType<typeof firstCall>[] = [];
	for (let run = 0; run < FIRST_CALL_PROCESSES; run++) {
		const script = `const { firstCall } = await import(${JSON.stringify(pathToFileURL(file).href)});
console.log(JSON.stringify(firstCall(${JSON.stringify(language)})));`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script]);
		runs.push(JSON.parse(output.toString()) as ReturnType<typeof firstCall>);
	}
	return {
		suggestStructureMsPer10kWords: round(median(runs.map((run) => run.suggestMs))),
		intlSegmenterMsPer10kWords: round(median(runs.map((run) => run.segmenterMs))),
		processes: runs.length
	};
}

export async function builtForBrowser(): Promise<{
	benchSuggestLanguage: typeof benchSuggestLanguage;
	firstCalls(language: SuggestLanguage): ReturnType<typeof firstCallsOf>;
	done(): void;
}> {
	const { build } = await import('vite');
	const outDir = fileURLToPath(new URL(`./.suggest-build-${process.pid}`, import.meta.url));
	await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			ssr: fileURLToPath(import.meta.url),
			outDir,
			minify: true,
			emptyOutDir: true,
			rolldownOptions: { output: { format: 'es', entryFileNames: 'suggest.js' } }
		}
	});
	const built = (await import(pathToFileURL(`${outDir}/suggest.js`).href)) as {
		benchSuggestLanguage: typeof benchSuggestLanguage;
	};
	return {
		benchSuggestLanguage: built.benchSuggestLanguage,
		firstCalls: (language) => firstCallsOf(`${outDir}/suggest.js`, language),
		done: () => rmSync(outDir, { recursive: true, force: true })
	};
}

async function main() {
	const built = await builtForBrowser();
	const benchSuggestLanguage = built.benchSuggestLanguage;
	const results = {
		date: new Date().toISOString(),
		node: process.version,
		order: 'A B B A per round (A = suggestStructure, B = Intl.Segmenter sentences); medians',
		languages: { de: benchSuggestLanguage('de'), en: benchSuggestLanguage('en') },
		firstCalls: { de: built.firstCalls('de'), en: built.firstCalls('en') }
	};
	for (const [language, result] of Object.entries(results.languages)) {
		console.log(
			`${language}: ${result.words} words, ${result.units} units — suggestStructure ` +
				`${result.suggestStructureMsPer10kWords} ms / 10,000 words, Intl.Segmenter ` +
				`${result.intlSegmenterMsPer10kWords} ms, ratio ${result.ratio}× (median of ${result.runsEach} runs each)`
		);
	}
	for (const [language, first] of Object.entries(results.firstCalls)) {
		console.log(
			`${language}: first call in a fresh process — suggestStructure ` +
				`${first.suggestStructureMsPer10kWords} ms / 10,000 words, Intl.Segmenter ` +
				`${first.intlSegmenterMsPer10kWords} ms (median of ${first.processes} processes)`
		);
	}
	writeFileSync(RESULTS, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`Wrote ${RESULTS.pathname}`);
	built.done();
}

// `npm run bench` imports this file for part 7; `npm run bench:suggest` runs it on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

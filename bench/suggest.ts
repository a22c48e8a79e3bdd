// `npm run bench:suggest`: times the suggester (segmentation + structure) on a 10,000-word text
// per language against plain Intl.Segmenter sentence splitting of the same text, in one run.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suggestStructure } from '../src/lib/suggest/index';
import { segmentSentences } from '../src/lib/suggest/sentence-split';
import type { SuggestLanguage } from '../src/lib/suggest/types';
import { median, round, row, type Row } from './stats';

const WORDS = 10_000;
const ROUNDS = 3; // each round runs A B B A, so every side runs 2 × ROUNDS times
/**
 * Runs of each side before timing, after a first call: early calls in a process run cold code
 * (10,000 German words, commit 9be182b, one fresh process: 122, 66, 45, 47, 48, 21, 19 ms).
 * The first call is measured on its own, in fresh processes (`firstRuns`).
 */
const WARM_UP_RUNS = 5;
/** Fresh processes per side for the first-run figures (median). */
const FIRST_RUN_PROCESSES = 3;

type Side = 'suggest' | 'segmenter';
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

/**
 * The first run of one side in this process, ms per 10,000 words. Exported for the fresh
 * processes `firstRunsOf` starts; each runs one side only, so neither side warms up the other.
 */
export function firstRunMs(language: SuggestLanguage, side: Side): number {
	const { text, words } = longText(language);
	const ms = time(() =>
		side === 'suggest' ? suggestStructure(text, language) : segmenterSentences(text, language)
	);
	return (ms * 10_000) / words;
}

/** Each side's first run in fresh Node processes running the built file: a first press. */
function firstRunsOf(file: string, language: SuggestLanguage) {
	const medianOf = (side: Side) => {
		const runs: number[] = [];
		for (let run = 0; run < FIRST_RUN_PROCESSES; run++) {
			const script = `const { firstRunMs } = await import(${JSON.stringify(pathToFileURL(file).href)});
console.log(firstRunMs(${JSON.stringify(language)}, ${JSON.stringify(side)}));`;
			const output = execFileSync(process.execPath, ['--input-type=module', '-e', script]);
			runs.push(Number(output.toString()));
		}
		return round(median(runs));
	};
	return {
		suggestStructureMsPer10kWords: medianOf('suggest'),
		intlSegmenterMsPer10kWords: medianOf('segmenter'),
		processes: FIRST_RUN_PROCESSES
	};
}

/**
 * This file as Vite bundles and minifies code for the browser, which is how the editor runs the
 * suggester: run through tsx, every function would also carry esbuild's name-keeping helpers.
 */
export async function builtForBrowser(): Promise<{
	benchSuggestLanguage: typeof benchSuggestLanguage;
	firstRuns(language: SuggestLanguage): ReturnType<typeof firstRunsOf>;
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
		firstRuns: (language) => firstRunsOf(`${outDir}/suggest.js`, language),
		done: () => rmSync(outDir, { recursive: true, force: true })
	};
}

/** Part 7 of `npm run bench`: the rows of both languages. */
export async function benchSuggestion(rounds: number): Promise<Row[]> {
	const built = await builtForBrowser();
	try {
		return (['de', 'en'] as const).flatMap((language) => {
			const result = built.benchSuggestLanguage(language, rounds);
			const first = built.firstRuns(language);
			return [
				row(
					'7 suggest',
					`${language}: suggestStructure per 10,000 words vs Intl.Segmenter`,
					result.suggestStructureMsPer10kWords,
					result.intlSegmenterMsPer10kWords,
					'ms',
					{ text: '≤ 50 ms', met: (_, ours) => ours <= 50 }
				),
				row(
					'7 suggest',
					`${language}: the first suggestion in a fresh process vs Intl.Segmenter's first run`,
					first.suggestStructureMsPer10kWords,
					first.intlSegmenterMsPer10kWords,
					'ms'
				),
				row(
					'7 suggest',
					`${language}: sentence segmentation per 10,000 words vs Intl.Segmenter`,
					result.segmentSentencesMsPer10kWords,
					result.segmentationBaselineMsPer10kWords,
					'ms',
					{ text: '≤ 1.5×', met: (ratio) => ratio <= 1.5 }
				)
			];
		});
	} finally {
		built.done();
	}
}

async function main() {
	const built = await builtForBrowser();
	try {
		writeResults(built);
	} finally {
		built.done();
	}
}

function writeResults(built: Awaited<ReturnType<typeof builtForBrowser>>) {
	const benchSuggestLanguage = built.benchSuggestLanguage;
	const results = {
		date: new Date().toISOString(),
		node: process.version,
		order: 'A B B A per round (A = suggestStructure, B = Intl.Segmenter sentences); medians',
		languages: { de: benchSuggestLanguage('de'), en: benchSuggestLanguage('en') },
		firstRuns: { de: built.firstRuns('de'), en: built.firstRuns('en') }
	};
	for (const [language, result] of Object.entries(results.languages)) {
		console.log(
			`${language}: ${result.words} words, ${result.units} units — suggestStructure ` +
				`${result.suggestStructureMsPer10kWords} ms / 10,000 words, Intl.Segmenter ` +
				`${result.intlSegmenterMsPer10kWords} ms, ratio ${result.ratio}× (median of ${result.runsEach} runs each)`
		);
	}
	for (const [language, first] of Object.entries(results.firstRuns)) {
		console.log(
			`${language}: first run in a fresh process — suggestStructure ` +
				`${first.suggestStructureMsPer10kWords} ms / 10,000 words, Intl.Segmenter ` +
				`${first.intlSegmenterMsPer10kWords} ms (median of ${first.processes} processes)`
		);
	}
	writeFileSync(RESULTS, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`Wrote ${RESULTS.pathname}`);
}

// `npm run bench` imports this file for part 7; `npm run bench:suggest` runs it on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

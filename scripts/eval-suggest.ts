// `npm run eval:suggest -- <dir> [--json] [--texts]`: scores the suggester (src/lib/suggest) on a
// gold corpus laid out as the arg-microtexts, <dir>/de and <dir>/en with micro_*.xml and .txt.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	evaluateLanguage,
	scoreOf,
	TARGETS,
	type LanguageEvaluation,
	type TargetName
} from '../src/lib/suggest/evaluate';
import { corpusLanguages, readCorpusLanguage } from './suggest-corpus';

const USAGE = `Usage: npm run eval:suggest -- <dir> [--json] [--texts]
  <dir>    corpus directory with de/ and/or en/ holding micro_*.xml and micro_*.txt
           (e.g. ../shared/corpus/microtexts)
  --json   print the scores as JSON
  --texts  also list every text: central claim found, units right, boundaries missed/extra
Exit codes: 0 evaluated, 2 wrong usage or no corpus there.`;

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

function main() {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				json: { type: 'boolean' },
				texts: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
	}
	const { positionals, values } = parsed;
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const [dir, ...extra] = positionals;
	if (!dir || extra.length > 0) fail(USAGE);
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		fail(`No corpus directory at ${dir}.\n\n${USAGE}`);
	}
	const languages = corpusLanguages(dir);
	if (languages.length === 0) fail(`${dir} has neither a de/ nor an en/ directory.\n\n${USAGE}`);

	const evaluations = languages.map((language) =>
		evaluateLanguage(language, readCorpusLanguage(dir, language))
	);
	if (values.json) {
		console.log(JSON.stringify(asJson(dir, evaluations, values.texts ?? false), null, '\t'));
	} else {
		console.log(table(dir, evaluations));
		if (values.texts) for (const evaluation of evaluations) console.log(textList(evaluation));
	}
}

const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

function targetsMet(evaluation: LanguageEvaluation): Record<TargetName, boolean> {
	return Object.fromEntries(
		TARGET_NAMES.map((name) => [name, scoreOf(evaluation, name) >= TARGETS[name]])
	) as Record<TargetName, boolean>;
}

function asJson(dir: string, evaluations: LanguageEvaluation[], withTexts: boolean) {
	return {
		corpus: dir,
		targets: TARGETS,
		languages: Object.fromEntries(
			evaluations.map((evaluation) => [
				evaluation.language,
				{
					...evaluation.structure,
					boundary: evaluation.boundaries,
					unitsNotLocated: evaluation.unitsNotLocated,
					targetsMet: targetsMet(evaluation),
					...(withTexts ? { perText: evaluation.texts } : {})
				}
			])
		)
	};
}

interface Row {
	label: string;
	value: (evaluation: LanguageEvaluation) => number;
	target?: TargetName;
	integer?: boolean;
}

const ROWS: Row[] = [
	{ label: 'texts', value: (e) => e.structure.texts, integer: true },
	{ label: 'cc accuracy', value: (e) => e.structure.ccAccuracy, target: 'ccAccuracy' },
	{ label: 'cc macro-F1', value: (e) => e.structure.cc },
	{ label: 'ro macro-F1', value: (e) => e.structure.ro, target: 'ro' },
	{ label: 'fu macro-F1', value: (e) => e.structure.fu, target: 'fu' },
	{ label: 'at macro-F1', value: (e) => e.structure.at, target: 'at' },
	{ label: 'boundary precision', value: (e) => e.boundaries.precision },
	{ label: 'boundary recall', value: (e) => e.boundaries.recall },
	{ label: 'boundary F1', value: (e) => e.boundaries.f1, target: 'boundaryF1' },
	{ label: 'gold units not located', value: (e) => e.unitsNotLocated, integer: true }
];

function table(dir: string, evaluations: LanguageEvaluation[]): string {
	const cell = (row: Row, evaluation: LanguageEvaluation) => {
		const value = row.value(evaluation);
		if (row.integer) return String(value);
		const mark = row.target ? (value >= TARGETS[row.target] ? ' ✓' : ' ✗') : '  ';
		return value.toFixed(3) + mark;
	};
	const header = ['', ...evaluations.map((e) => e.language), 'target'];
	const lines = ROWS.map((row) => [
		row.label,
		...evaluations.map((evaluation) => cell(row, evaluation)),
		row.target ? `≥ ${TARGETS[row.target].toFixed(2)}` : ''
	]);
	const widths = header.map((_, column) =>
		Math.max(...[header, ...lines].map((line) => (line[column] ?? '').length))
	);
	const format = (line: string[]) =>
		line
			.map((text, column) =>
				column === 0 ? text.padEnd(widths[0] ?? 0) : text.padStart(widths[column] ?? 0)
			)
			.join('   ')
			.trimEnd();
	const met = evaluations.flatMap((evaluation) =>
		TARGET_NAMES.filter((name) => targetsMet(evaluation)[name])
	).length;
	return [
		`Suggestion scores on ${dir} (gold units for the structure, raw text for the boundaries)`,
		'',
		format(header),
		...lines.map(format),
		'',
		`✓ target met, ✗ not yet: ${met} of ${TARGET_NAMES.length * evaluations.length} met.`
	].join('\n');
}

function textList(evaluation: LanguageEvaluation): string {
	return [
		'',
		`${evaluation.language}: text, central claim, units right, boundaries missed / extra`,
		...evaluation.texts.map(
			(text) =>
				`${text.name}  cc ${text.centralClaimFound ? '✓' : '✗'}  ${text.unitsRight}/${text.units}` +
				`  boundaries -${text.boundaries.falseNegatives} +${text.boundaries.falsePositives}` +
				(text.unitsNotLocated ? `  (${text.unitsNotLocated} units not located)` : '')
		)
	].join('\n');
}

main();

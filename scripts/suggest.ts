// `npm run suggest -- --arggraph <in.xml> --out <out.xml> [--language de|en]`: writes the
// suggester's structure over the gold units of an arggraph text as arggraph XML of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { suggestionToArggraph } from '../src/lib/suggest/arggraph-out';
import { readGold } from '../src/lib/suggest/gold';
import { analyseStructure } from '../src/lib/suggest/structure';
import type { SuggestLanguage } from '../src/lib/suggest/types';

const USAGE = `Usage: npm run suggest -- --arggraph <in.xml> --out <out.xml> [--language de|en]
  Suggests the structure over the units of <in.xml> and writes it as arggraph XML to <out.xml>.
  --language  the rules to use; by default de when <in.xml> lies in a de/ directory, else en
Exit codes: 0 written, 2 wrong usage or a file that cannot be read or written.`;

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function main() {
	let parsed;
	try {
		parsed = parseArgs({
			options: {
				arggraph: { type: 'string' },
				out: { type: 'string' },
				language: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		fail(`${errorMessage(error)}\n\n${USAGE}`);
	}
	const { values } = parsed;
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const input = values.arggraph;
	const output = values.out;
	if (!input || !output) fail(USAGE);
	const language = values.language ?? languageOfPath(input);
	if (language !== 'de' && language !== 'en') {
		fail(`--language must be de or en, not "${language}"\n\n${USAGE}`);
	}

	let xml: string;
	try {
		xml = readFileSync(input, 'utf8');
	} catch (error) {
		fail(`Cannot read ${input}: ${errorMessage(error)}`);
	}
	const gold = readGold(xml);
	if (!gold.ok) {
		const { code, detail } = gold.error;
		fail(`${input} is not a readable arggraph: ${code}${detail ? ` (${detail})` : ''}`);
	}
	const analyses = analyseStructure(
		gold.gold.units.map((unit) => unit.text),
		language
	);
	try {
		writeFileSync(output, suggestionToArggraph(gold.gold, analyses));
	} catch (error) {
		fail(`Cannot write ${output}: ${errorMessage(error)}`);
	}
	console.log(`Wrote the ${language} suggestion for ${gold.gold.units.length} units to ${output}`);
}

function languageOfPath(file: string): SuggestLanguage {
	return path.resolve(file).split(path.sep).includes('de') ? 'de' : 'en';
}

main();

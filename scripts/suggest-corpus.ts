// Reads a gold corpus laid out as the arg-microtexts: <dir>/<language>/micro_*.xml with their .txt.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusText } from '../src/lib/suggest/evaluate';
import type { SuggestLanguage } from '../src/lib/suggest/types';

export const CORPUS_LANGUAGES: readonly SuggestLanguage[] = ['de', 'en'];

/** The languages with a sub-directory in the corpus directory. */
export function corpusLanguages(dir: string): SuggestLanguage[] {
	return CORPUS_LANGUAGES.filter((language) => existsSync(path.join(dir, language)));
}

/** The texts of one language, by file name; an XML file without its .txt is an error. */
export function readCorpusLanguage(dir: string, language: SuggestLanguage): CorpusText[] {
	const languageDir = path.join(dir, language);
	return readdirSync(languageDir)
		.filter((name) => /^micro_.*\.xml$/.test(name))
		.sort()
		.map((name) => {
			const xmlPath = path.join(languageDir, name);
			const textPath = xmlPath.replace(/\.xml$/, '.txt');
			if (!existsSync(textPath)) throw new Error(`${textPath} is missing (needed for ${name})`);
			return {
				name: `${language}/${name.replace(/\.xml$/, '')}`,
				xml: readFileSync(xmlPath, 'utf8'),
				text: readFileSync(textPath, 'utf8')
			};
		});
}

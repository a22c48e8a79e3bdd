import { importAif } from './aif';
import { importArgdown } from './argdown';
import { importArggraph } from './arggraph';
import { importArgumapJson } from './argumap-json';
import { IMPORT_MAX_BYTES, type ImportResult } from './types';

export const IMPORT_FORMATS = ['auto', 'argumap', 'aif', 'argdown', 'arggraph'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Guesses the format from the file name, then from the first characters of the content. */
export function detectFormat(fileName: string, text: string): Exclude<ImportFormat, 'auto'> {
	const name = fileName.toLowerCase();
	if (name.endsWith('.argdown') || name.endsWith('.ad')) return 'argdown';
	if (name.endsWith('.xml')) return 'arggraph';
	const start = text.trimStart();
	if (start.startsWith('<')) return 'arggraph';
	if (start.startsWith('{')) {
		return /"format"\s*:\s*"argumap-bundle"/.test(text.slice(0, 2000)) ? 'argumap' : 'aif';
	}
	return 'argdown';
}

/** Imports a file in the given (or detected) format; refuses it whole on any problem. */
export function importMapFile(fileName: string, text: string, format: ImportFormat): ImportResult {
	if (new TextEncoder().encode(text).length > IMPORT_MAX_BYTES) {
		return { ok: false, error: { code: 'import_too_large' } };
	}
	if (!text.trim()) return { ok: false, error: { code: 'import_empty' } };
	const chosen = format === 'auto' ? detectFormat(fileName, text) : format;
	switch (chosen) {
		case 'argumap':
			return importArgumapJson(text);
		case 'aif':
			return importAif(text);
		case 'argdown':
			return importArgdown(text);
		case 'arggraph':
			return importArggraph(text);
	}
}

import type { ArgumentMap } from '$lib/argument';

/** The commentary a map is anchored in, as it travels with the map. */
export interface InterchangeCommentary {
	title: string;
	author: string;
	outlet: string;
	language: 'de' | 'en' | 'other';
	publishedOn: string | null;
	sourceUrl: string | null;
	body: string;
}

/** What every exporter takes and every importer produces: a map with its title and text. */
export interface MapBundle {
	title: string;
	commentary: InterchangeCommentary;
	map: ArgumentMap;
}

/**
 * Why an import was refused, as a code the UI translates, with where in the file it happened:
 * a line and column for text formats, a JSON path for JSON.
 */
export interface ImportError {
	code: ImportErrorCode;
	line?: number;
	column?: number;
	path?: (string | number)[];
	/** Extra words for the message, e.g. the offending element or value (already plain text). */
	detail?: string;
}

export type ImportErrorCode =
	| 'import_too_large'
	| 'import_not_json'
	| 'import_not_xml'
	| 'import_unknown_format'
	| 'import_invalid_document'
	| 'import_dangling_reference'
	| 'import_empty'
	| 'import_argdown_syntax'
	| 'import_unsupported_structure';

export type ImportResult =
	| {
			ok: true;
			bundle: MapBundle;
			/** Things skipped on purpose (e.g. unknown AIF node types), listed to the user. */
			skipped: string[];
	  }
	| { ok: false; error: ImportError };

/** Files above this are refused before parsing; the UI shows the limit. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

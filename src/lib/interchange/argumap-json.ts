import { MAP_TITLE_MAX_LENGTH } from '$lib/maps/rules';
import { z } from '$lib/validation/zod';
import { createMapDocument, parseMapDocument } from '$lib/argument';
import type { ArgumentMap, MapDocument, MapIssue, Relation, Statement } from '$lib/argument';
import {
	COMMENTARY_LANGUAGES,
	COMMENTARY_MAX_LENGTH,
	COMMENTARY_META_MAX_LENGTH,
	COMMENTARY_TITLE_MAX_LENGTH
} from '$lib/commentary/rules';
import { IMPORT_MAX_BYTES } from './types';
import type { ImportError, ImportResult, InterchangeCommentary, MapBundle } from './types';

export const BUNDLE_FORMAT = 'argumap-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** The file `exportArgumapJson` writes: the map with the text it is anchored in. */
export interface BundleFile {
	format: typeof BUNDLE_FORMAT;
	version: typeof BUNDLE_FORMAT_VERSION;
	title: string;
	commentary: InterchangeCommentary;
	document: MapDocument;
}

const SOURCE_URL_MAX_LENGTH = 10_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** The same limits the commentary form enforces, so an imported text can be saved. */
export const commentarySchema = z.strictObject({
	title: z.string().min(1).max(COMMENTARY_TITLE_MAX_LENGTH),
	author: z.string().max(COMMENTARY_META_MAX_LENGTH),
	outlet: z.string().max(COMMENTARY_META_MAX_LENGTH),
	language: z.enum(COMMENTARY_LANGUAGES),
	publishedOn: z
		.string()
		.regex(ISO_DATE)
		.refine((value) => !Number.isNaN(Date.parse(value)))
		.nullable(),
	sourceUrl: z.string().max(SOURCE_URL_MAX_LENGTH).refine(isHttpUrl).nullable(),
	body: z.string().min(1).max(COMMENTARY_MAX_LENGTH)
}) satisfies z.ZodType<InterchangeCommentary>;

export const mapTitleSchema = z.string().min(1).max(MAP_TITLE_MAX_LENGTH);

// The map inside is checked by parseMapDocument, which knows the text length and the invariants.
const bundleFileSchema = z.strictObject({
	format: z.literal(BUNDLE_FORMAT),
	version: z.literal(BUNDLE_FORMAT_VERSION),
	title: mapTitleSchema,
	commentary: commentarySchema,
	document: z.looseObject({})
});

/** The commentary with its keys in a fixed order, so the same bundle always serialises alike. */
export function canonicalCommentary(commentary: InterchangeCommentary): InterchangeCommentary {
	return {
		title: commentary.title,
		author: commentary.author,
		outlet: commentary.outlet,
		language: commentary.language,
		publishedOn: commentary.publishedOn,
		sourceUrl: commentary.sourceUrl,
		body: commentary.body
	};
}

function canonicalStatement(statement: Statement): Statement {
	const copy: Statement = {
		id: statement.id,
		text: statement.text,
		role: statement.role,
		implicit: statement.implicit,
		anchors: statement.anchors.map(({ start, end, quote }) => ({ start, end, quote })),
		note: statement.note
	};
	if (statement.position) copy.position = { x: statement.position.x, y: statement.position.y };
	return copy;
}

function canonicalRelation(relation: Relation): Relation {
	if (relation.kind === 'support') {
		return {
			id: relation.id,
			kind: 'support',
			premiseIds: [...relation.premiseIds],
			conclusionId: relation.conclusionId
		};
	}
	return {
		id: relation.id,
		kind: 'attack',
		attackerId: relation.attackerId,
		target: { kind: relation.target.kind, id: relation.target.id }
	};
}

function canonicalMap(map: ArgumentMap): ArgumentMap {
	return {
		statements: map.statements.map(canonicalStatement),
		relations: map.relations.map(canonicalRelation)
	};
}

/** The bundle as a versioned, self-contained JSON file (tab-indented, ending in a newline). */
export function exportArgumapJson(bundle: MapBundle): string {
	const file: BundleFile = {
		format: BUNDLE_FORMAT,
		version: BUNDLE_FORMAT_VERSION,
		title: bundle.title,
		commentary: canonicalCommentary(bundle.commentary),
		document: createMapDocument(canonicalMap(bundle.map))
	};
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/**
 * Reads a file written by `exportArgumapJson`. The whole bundle is required: a bare map document
 * has no text for its anchors. Anything wrong refuses the file, with the JSON path of the first
 * problem.
 */
export function importArgumapJson(text: string): ImportResult {
	const parsed = parseJsonText(text);
	if (!parsed.ok) return parsed;
	const json = parsed.value;

	if (isRecord(json)) {
		if (json.format !== BUNDLE_FORMAT) {
			const detail = json.format === undefined ? undefined : valueDetail(json.format);
			return refused('import_unknown_format', ['format'], detail);
		}
		if (json.version !== BUNDLE_FORMAT_VERSION) {
			return refused('import_invalid_document', ['version'], 'unsupported_version');
		}
	}
	const shape = bundleFileSchema.safeParse(json);
	if (!shape.success) return refusedByZod(shape.error);

	const { title, commentary, document } = shape.data;
	const map = parseMapDocument(document, { textLength: commentary.body.length });
	if (!map.ok) return refusedByMapIssue(map.issues, (path) => ['document', ...path]);
	return {
		ok: true,
		bundle: { title, commentary: canonicalCommentary(commentary), map: map.document.map },
		skipped: []
	};
}

// Helpers shared with the AIF importer, which reads JSON the same way.

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function refused(
	code: ImportError['code'],
	path?: ImportError['path'],
	detail?: string
): { ok: false; error: ImportError } {
	const error: ImportError = { code };
	if (path) error.path = path;
	if (detail) error.detail = detail;
	return { ok: false, error };
}

/** A short, plain-text rendering of an unexpected value, for an error's detail. */
export function valueDetail(value: unknown): string {
	// Not JSON.stringify: a hostile file could nest a value deeper than the stack reaches.
	const shown =
		typeof value === 'string'
			? value
			: typeof value === 'object' && value !== null
				? Array.isArray(value)
					? 'array'
					: 'object'
				: String(value);
	return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

/** The first zod issue, as an import error pointing at the offending key. */
export function refusedByZod(
	error: z.ZodError,
	prefix: (string | number)[] = []
): { ok: false; error: ImportError } {
	const issue = error.issues[0];
	if (!issue) return refused('import_invalid_document', prefix);
	const path = [
		...prefix,
		...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))
	];
	if (issue.code === 'unrecognized_keys') {
		return refused('import_invalid_document', [...path, issue.keys[0] ?? ''], 'unknown_key');
	}
	return refused('import_invalid_document', path, issueDetail(issue.code));
}

// The same words parseMapDocument uses, so a detail reads alike whichever check found it.
function issueDetail(code: z.core.$ZodIssue['code']): string {
	switch (code) {
		case 'invalid_type':
		case 'invalid_format':
		case 'too_small':
		case 'too_big':
			return code;
		default:
			return 'invalid_value';
	}
}

/** The first problem parseMapDocument found, with its path translated into the file's. */
export function refusedByMapIssue(
	issues: MapIssue[],
	toFilePath: (path: (string | number)[]) => (string | number)[]
): { ok: false; error: ImportError } {
	const issue = issues[0];
	if (!issue) return refused('import_invalid_document');
	const code =
		issue.code === 'dangling_reference' ? 'import_dangling_reference' : 'import_invalid_document';
	return refused(code, toFilePath(issue.path), issue.code);
}

/** Counts UTF-8 bytes without encoding the text; a lone surrogate counts as the 3 bytes of U+FFFD. */
export function utf8ByteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x80) bytes += 1;
		else if (unit < 0x800) bytes += 2;
		else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Parses untrusted JSON after checking its size. A syntax error carries the line and column (both
 * from 1, the column in characters) of the parser's position; engines that do not say where
 * (V8 for an unexpected token, Safari) get it from a scan that stops where the parser would.
 */
export function parseJsonText(
	text: string
): { ok: true; value: unknown } | { ok: false; error: ImportError } {
	if (text.length > IMPORT_MAX_BYTES || utf8ByteLength(text) > IMPORT_MAX_BYTES) {
		return refused('import_too_large');
	}
	// Editors on Windows like to start a UTF-8 file with a byte order mark; JSON.parse does not.
	const bom = text.startsWith('\uFEFF') ? 1 : 0;
	const json = text.slice(bom);
	if (json.trim() === '') return refused('import_empty');
	try {
		return { ok: true, value: JSON.parse(json) };
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		const reported = /line (\d+) column (\d+)/.exec(message);
		const where = reported
			? { line: Number(reported[1]), column: Number(reported[2]) }
			: lineAndColumn(text, bom + errorOffset(json, message));
		return { ok: false, error: { code: 'import_not_json', ...where } };
	}
}

function errorOffset(json: string, message: string): number {
	const position = /at position (\d+)/.exec(message);
	if (position) return Math.min(Number(position[1]), json.length);
	return jsonSyntaxErrorOffset(json) ?? json.length;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const lineStart = before.lastIndexOf('\n') + 1;
	let line = 1;
	for (let i = 0; i < lineStart; i++) if (before.charCodeAt(i) === 10) line++;
	return { line, column: [...before.slice(lineStart)].length + 1 };
}

/**
 * Where the first syntax error in `text` is (UTF-16 offset), or null when it is valid JSON.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonSyntaxErrorOffset(text: string): number | null {
	const end = text.length;
	const containers: ('{' | '[')[] = [];
	let i = 0;
	let expect: 'value' | 'key' | 'after' = 'value';

	const skipWhitespace = () => {
		while (i < end && ' \t\n\r'.includes(text.charAt(i))) i++;
	};

	while (true) {
		skipWhitespace();
		if (expect === 'after') {
			const container = containers.at(-1);
			if (!container) return i < end ? i : null;
			const char = text.charAt(i);
			if (char === ',') {
				i++;
				expect = container === '{' ? 'key' : 'value';
			} else if (char === (container === '{' ? '}' : ']')) {
				i++;
				containers.pop();
			} else {
				return i;
			}
			continue;
		}
		if (i >= end) return end;
		const char = text.charAt(i);
		if (expect === 'key') {
			if (char !== '"') return i;
			const afterKey = scanString(text, i);
			if (afterKey < 0) return -afterKey - 1;
			i = afterKey;
			skipWhitespace();
			if (text.charAt(i) !== ':') return i;
			i++;
			expect = 'value';
			continue;
		}
		if (char === '{' || char === '[') {
			i++;
			skipWhitespace();
			if (text.charAt(i) === (char === '{' ? '}' : ']')) {
				i++;
				expect = 'after';
			} else {
				containers.push(char);
				expect = char === '{' ? 'key' : 'value';
			}
			continue;
		}
		const next =
			char === '"'
				? scanString(text, i)
				: char === '-' || (char >= '0' && char <= '9')
					? scanNumber(text, i)
					: scanLiteral(text, i);
		if (next < 0) return -next - 1;
		i = next;
		expect = 'after';
	}
}

// The scanners return the offset after the token, or -(offset of the error) - 1.

function scanString(text: string, start: number): number {
	let i = start + 1;
	while (i < text.length) {
		const unit = text.charCodeAt(i);
		if (unit === 0x22) return i + 1;
		if (unit < 0x20) return -i - 1;
		if (unit === 0x5c) {
			const escape = text.charAt(i + 1);
			if (escape === 'u') {
				for (let k = i + 2; k < i + 6; k++) {
					if (!/[0-9a-fA-F]/.test(text.charAt(k))) return -k - 1;
				}
				i += 6;
			} else if (escape !== '' && '"\\/bfnrt'.includes(escape)) {
				i += 2;
			} else {
				return -(i + 1) - 1;
			}
		} else {
			i++;
		}
	}
	return -text.length - 1;
}

function scanNumber(text: string, start: number): number {
	let i = start;
	const isDigit = (at: number) =>
		at < text.length && text.charAt(at) >= '0' && text.charAt(at) <= '9';
	const digits = () => {
		if (!isDigit(i)) return false;
		while (isDigit(i)) i++;
		return true;
	};
	if (text.charAt(i) === '-') i++;
	if (text.charAt(i) === '0') i++;
	else if (!digits()) return -i - 1;
	if (text.charAt(i) === '.') {
		i++;
		if (!digits()) return -i - 1;
	}
	if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
		i++;
		if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
		if (!digits()) return -i - 1;
	}
	return i;
}

function scanLiteral(text: string, start: number): number {
	const literal = ['true', 'false', 'null'].find((word) => word.charAt(0) === text.charAt(start));
	if (!literal) return -start - 1;
	for (let k = 1; k < literal.length; k++) {
		if (text.charAt(start + k) !== literal.charAt(k)) return -(start + k) - 1;
	}
	return start + literal.length;
}

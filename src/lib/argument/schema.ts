import { findInvariantViolations } from './invariants';
import type { InvariantCode, IssuePath } from './invariants';
import { ID_PATTERN, MAP_LIMITS } from './limits';
import type { ArgumentMap } from './types';
import { STATEMENT_ROLES } from './types';

export const MAP_FORMAT = 'argumap-map';
export const MAP_FORMAT_VERSION = 1;

export interface MapDocument {
	format: typeof MAP_FORMAT;
	version: typeof MAP_FORMAT_VERSION;
	map: ArgumentMap;
}

export type SchemaIssueCode =
	| 'unsupported_format'
	| 'unsupported_version'
	| 'invalid_type'
	| 'invalid_value'
	| 'invalid_format'
	| 'unknown_key'
	| 'too_small'
	| 'too_big';

export type MapIssueCode = SchemaIssueCode | InvariantCode;

export interface MapIssue {
	code: MapIssueCode;
	/** Where in the document the problem sits, e.g. `['map', 'relations', 3, 'premiseIds']`. */
	path: IssuePath;
	/** For invariant violations, the ids the problem is about. */
	ids?: string[];
}

export type ParseMapResult =
	{ ok: true; document: MapDocument } | { ok: false; issues: MapIssue[] };

export function createMapDocument(map: ArgumentMap): MapDocument {
	return { format: MAP_FORMAT, version: MAP_FORMAT_VERSION, map };
}

/**
 * Validates untrusted JSON (already parsed) as a map document: first its shape and limits, then
 * the invariants, with anchors bounded by `textLength` when the commentary is known. An unknown
 * format or version is reported alone, since the rest of such a document means something else.
 *
 * The shape check is written out by hand instead of with a schema library: it runs on every
 * autosave of maps with thousands of statements (zod's checks and copy took three times as long),
 * and it keeps zod out of the browser, which loads `$lib/argument`. It returns the input itself,
 * not a copy.
 * `$lib/validation/map-schemas` describes the same shape for the interchange formats, and its
 * spec keeps the two in step.
 */
export function parseMapDocument(
	json: unknown,
	options: { textLength?: number } = {}
): ParseMapResult {
	if (isRecord(json)) {
		if (json.format !== MAP_FORMAT) return rejected('unsupported_format', ['format']);
		if (json.version !== MAP_FORMAT_VERSION) return rejected('unsupported_version', ['version']);
	}
	const issues = new ShapeCheck().document(json);
	if (issues.length > 0) return { ok: false, issues };
	const document = json as MapDocument;
	const violations = findInvariantViolations(document.map, options.textLength);
	if (violations.length > 0) {
		return {
			ok: false,
			issues: violations.map((violation) => ({ ...violation, path: ['map', ...violation.path] }))
		};
	}
	return { ok: true, document };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(code: SchemaIssueCode, path: IssuePath): ParseMapResult {
	return { ok: false, issues: [{ code, path }] };
}

const DOCUMENT_KEYS = new Set(['format', 'version', 'map']);
const MAP_KEYS = new Set(['statements', 'relations']);
const STATEMENT_KEYS = new Set(['id', 'text', 'role', 'implicit', 'anchors', 'note', 'position']);
const ANCHOR_KEYS = new Set(['start', 'end', 'quote']);
const POSITION_KEYS = new Set(['x', 'y']);
const SUPPORT_KEYS = new Set(['id', 'kind', 'premiseIds', 'conclusionId']);
const ATTACK_KEYS = new Set(['id', 'kind', 'attackerId', 'target']);
const TARGET_KEYS = new Set(['kind', 'id']);
const ROLES: ReadonlySet<unknown> = new Set(STATEMENT_ROLES);

/**
 * One pass over a document, reporting what a strict schema would, in its order: within an object,
 * its fields in declaration order, then every unknown key. `path` is a stack, copied only when an
 * issue is reported, so a valid document allocates nothing.
 */
class ShapeCheck {
	readonly issues: MapIssue[] = [];
	readonly #path: (string | number)[] = [];

	document(value: unknown): MapIssue[] {
		if (!isRecord(value)) return [{ code: 'invalid_type', path: [] }];
		// Format and version were checked before.
		this.#path.push('map');
		this.#map(value.map);
		this.#path.pop();
		this.#unknownKeys(value, DOCUMENT_KEYS);
		return this.issues;
	}

	#map(value: unknown) {
		if (!isRecord(value)) return this.#issue('invalid_type');
		const { statements, relations } = value;
		this.#path.push('statements');
		if (!Array.isArray(statements)) this.#issue('invalid_type');
		else {
			for (let index = 0; index < statements.length; index++) {
				this.#path.push(index);
				this.#statement(statements[index]);
				this.#path.pop();
			}
			if (statements.length > MAP_LIMITS.statements) this.#issue('too_big');
		}
		this.#path[this.#path.length - 1] = 'relations';
		if (!Array.isArray(relations)) this.#issue('invalid_type');
		else {
			for (let index = 0; index < relations.length; index++) {
				this.#path.push(index);
				this.#relation(relations[index]);
				this.#path.pop();
			}
			if (relations.length > MAP_LIMITS.relations) this.#issue('too_big');
		}
		this.#path.pop();
		this.#unknownKeys(value, MAP_KEYS);
	}

	#statement(value: unknown) {
		if (!isRecord(value)) return this.#issue('invalid_type');
		this.#id(value.id, 'id');
		this.#string(value.text, MAP_LIMITS.statementTextLength, 'text');
		if (!ROLES.has(value.role)) this.#issue('invalid_value', 'role');
		if (typeof value.implicit !== 'boolean') this.#issue('invalid_type', 'implicit');
		const anchors = value.anchors;
		this.#path.push('anchors');
		if (!Array.isArray(anchors)) this.#issue('invalid_type');
		else {
			for (let index = 0; index < anchors.length; index++) {
				this.#path.push(index);
				this.#anchor(anchors[index]);
				this.#path.pop();
			}
			if (anchors.length > MAP_LIMITS.anchorsPerStatement) this.#issue('too_big');
		}
		this.#path.pop();
		this.#string(value.note, MAP_LIMITS.noteLength, 'note');
		if (value.position !== undefined) {
			this.#path.push('position');
			this.#position(value.position);
			this.#path.pop();
		}
		this.#unknownKeys(value, STATEMENT_KEYS);
	}

	#anchor(value: unknown) {
		if (!isRecord(value)) return this.#issue('invalid_type');
		this.#offset(value.start, 'start');
		this.#offset(value.end, 'end');
		this.#string(value.quote, MAP_LIMITS.quoteLength, 'quote');
		this.#unknownKeys(value, ANCHOR_KEYS);
	}

	#position(value: unknown) {
		if (!isRecord(value)) return this.#issue('invalid_type');
		if (!isFiniteNumber(value.x)) this.#issue('invalid_type', 'x');
		if (!isFiniteNumber(value.y)) this.#issue('invalid_type', 'y');
		this.#unknownKeys(value, POSITION_KEYS);
	}

	#relation(value: unknown) {
		if (!isRecord(value)) return this.#issue('invalid_type');
		if (value.kind === 'support') {
			this.#id(value.id, 'id');
			const premiseIds = value.premiseIds;
			this.#path.push('premiseIds');
			if (!Array.isArray(premiseIds)) this.#issue('invalid_type');
			else {
				for (let index = 0; index < premiseIds.length; index++) this.#id(premiseIds[index], index);
				if (premiseIds.length < 1) this.#issue('too_small');
				if (premiseIds.length > MAP_LIMITS.premisesPerSupport) this.#issue('too_big');
			}
			this.#path.pop();
			this.#id(value.conclusionId, 'conclusionId');
			this.#unknownKeys(value, SUPPORT_KEYS);
		} else if (value.kind === 'attack') {
			this.#id(value.id, 'id');
			this.#id(value.attackerId, 'attackerId');
			this.#path.push('target');
			this.#target(value.target);
			this.#path.pop();
			this.#unknownKeys(value, ATTACK_KEYS);
		} else {
			this.#issue('invalid_value', 'kind');
		}
	}

	#target(value: unknown) {
		if (!isRecord(value)) return this.#issue('invalid_type');
		if (value.kind !== 'statement' && value.kind !== 'relation') {
			return this.#issue('invalid_value', 'kind');
		}
		this.#id(value.id, 'id');
		this.#unknownKeys(value, TARGET_KEYS);
	}

	#unknownKeys(record: Record<string, unknown>, known: ReadonlySet<string>) {
		for (const key in record) {
			if (!known.has(key) && Object.hasOwn(record, key)) this.#issue('unknown_key', key);
		}
	}

	#id(value: unknown, key: string | number) {
		if (typeof value !== 'string') this.#issue('invalid_type', key);
		else if (!ID_PATTERN.test(value)) this.#issue('invalid_format', key);
	}

	#string(value: unknown, max: number, key: string) {
		if (typeof value !== 'string') this.#issue('invalid_type', key);
		else if (value.length > max) this.#issue('too_big', key);
	}

	#offset(value: unknown, key: string) {
		if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
			return this.#issue('invalid_type', key);
		}
		if (value < 0) this.#issue('too_small', key);
		if (value > MAP_LIMITS.textOffset) this.#issue('too_big', key);
	}

	/** Records an issue at the current path, or at its `key` when given. */
	#issue(code: SchemaIssueCode, key?: string | number) {
		const path = [...this.#path];
		if (key !== undefined) path.push(key);
		this.issues.push({ code, path });
	}
}

function isFiniteNumber(value: unknown): boolean {
	return typeof value === 'number' && Number.isFinite(value);
}

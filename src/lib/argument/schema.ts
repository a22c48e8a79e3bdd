import { z } from '$lib/validation/zod';
import { findInvariantViolations } from './invariants';
import type { InvariantCode, IssuePath } from './invariants';
import { ID_PATTERN, MAP_LIMITS } from './limits';
import type { Anchor, ArgumentMap, Attack, Position, Relation, Statement, Support } from './types';
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

// Strict objects: an unknown key is a bug or a newer format, and dropping it would lose data.
const idSchema = z.string().regex(ID_PATTERN);

const offsetSchema = z.int().min(0).max(MAP_LIMITS.textOffset);

export const anchorSchema = z.strictObject({
	start: offsetSchema,
	end: offsetSchema,
	quote: z.string().max(MAP_LIMITS.quoteLength)
}) satisfies z.ZodType<Anchor>;

export const positionSchema = z.strictObject({
	x: z.number(),
	y: z.number()
}) satisfies z.ZodType<Position>;

export const statementSchema = z.strictObject({
	id: idSchema,
	text: z.string().max(MAP_LIMITS.statementTextLength),
	role: z.enum(STATEMENT_ROLES),
	implicit: z.boolean(),
	anchors: z.array(anchorSchema).max(MAP_LIMITS.anchorsPerStatement),
	note: z.string().max(MAP_LIMITS.noteLength),
	position: positionSchema.optional()
}) satisfies z.ZodType<Statement>;

export const supportSchema = z.strictObject({
	id: idSchema,
	kind: z.literal('support'),
	premiseIds: z.array(idSchema).min(1).max(MAP_LIMITS.premisesPerSupport),
	conclusionId: idSchema
}) satisfies z.ZodType<Support>;

export const attackSchema = z.strictObject({
	id: idSchema,
	kind: z.literal('attack'),
	attackerId: idSchema,
	target: z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('statement'), id: idSchema }),
		z.strictObject({ kind: z.literal('relation'), id: idSchema })
	])
}) satisfies z.ZodType<Attack>;

export const relationSchema = z.discriminatedUnion('kind', [
	supportSchema,
	attackSchema
]) satisfies z.ZodType<Relation>;

export const argumentMapSchema = z.strictObject({
	statements: z.array(statementSchema).max(MAP_LIMITS.statements),
	relations: z.array(relationSchema).max(MAP_LIMITS.relations)
}) satisfies z.ZodType<ArgumentMap>;

export const mapDocumentSchema = z.strictObject({
	format: z.literal(MAP_FORMAT),
	version: z.literal(MAP_FORMAT_VERSION),
	map: argumentMapSchema
}) satisfies z.ZodType<MapDocument>;

export function createMapDocument(map: ArgumentMap): MapDocument {
	return { format: MAP_FORMAT, version: MAP_FORMAT_VERSION, map };
}

/**
 * Validates untrusted JSON (already parsed) as a map document: first its shape and limits, then
 * the invariants, with anchors bounded by `textLength` when the commentary is known. An unknown
 * format or version is reported alone, since the rest of such a document means something else.
 */
export function parseMapDocument(
	json: unknown,
	options: { textLength?: number } = {}
): ParseMapResult {
	if (isRecord(json)) {
		if (json.format !== MAP_FORMAT) return rejected('unsupported_format', ['format']);
		if (json.version !== MAP_FORMAT_VERSION) return rejected('unsupported_version', ['version']);
	}
	const parsed = mapDocumentSchema.safeParse(json);
	if (!parsed.success) {
		return {
			ok: false,
			issues: parsed.error.issues.flatMap((issue) => {
				const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
				// One issue per unknown key, so each points at the key itself.
				if (issue.code === 'unrecognized_keys') {
					return issue.keys.map((key) => ({ code: 'unknown_key' as const, path: [...path, key] }));
				}
				return [{ code: schemaIssueCode(issue.code), path }];
			})
		};
	}
	const violations = findInvariantViolations(parsed.data.map, options.textLength);
	if (violations.length > 0) {
		return {
			ok: false,
			issues: violations.map((violation) => ({ ...violation, path: ['map', ...violation.path] }))
		};
	}
	return { ok: true, document: parsed.data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(code: SchemaIssueCode, path: IssuePath): ParseMapResult {
	return { ok: false, issues: [{ code, path }] };
}

// Zod's issue codes are translated so callers depend on ours, not on a library's vocabulary.
function schemaIssueCode(zodCode: z.core.$ZodIssue['code']): SchemaIssueCode {
	switch (zodCode) {
		case 'invalid_type':
		case 'invalid_format':
		case 'too_small':
		case 'too_big':
			return zodCode;
		default:
			return 'invalid_value';
	}
}

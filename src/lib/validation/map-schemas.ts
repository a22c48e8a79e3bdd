import type { Anchor, ArgumentMap, Position, Relation, Statement } from '$lib/argument';
import { ID_PATTERN, MAP_LIMITS, STATEMENT_ROLES } from '$lib/argument';
import type { Attack, Support } from '$lib/argument';
import { z } from './zod';

// The map's parts as zod schemas, for the interchange formats that embed them in schemas of their
// own files. A map document itself is checked by `parseMapDocument` ($lib/argument), which keeps
// zod out of the browser and is much faster on large maps; map-schemas.spec.ts checks that both
// accept and refuse the same documents, with the same issues.

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

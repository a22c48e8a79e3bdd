// Test data for the interchange specs (fast-check); not part of the app.
import fc from 'fast-check';
import {
	addAnchor,
	addAttack,
	addStatement,
	addSupport,
	emptyMap,
	STATEMENT_ROLES
} from '$lib/argument';
import type { ArgumentMap } from '$lib/argument';
import { COMMENTARY_LANGUAGES } from '$lib/commentary/rules';
import type { InterchangeCommentary, MapBundle } from './types';

// Pieces that have broken exporters before: quotes, markup, entities, astral characters, breaks.
const trickyPieces = [
	'„Sparen ist keine Strategie“',
	'»Zitat«',
	'"double"',
	"'single'",
	'<script>alert(1)</script>',
	'A & B &amp; C',
	'🙂',
	'👩‍👩‍👧',
	'e\u0301',
	'ß',
	'\n',
	'\n\n',
	' ',
	'\t',
	'{"json": [1]}',
	'\\',
	'Die Schuldenbremse gehört reformiert.'
];

const textArb = (maxLength: number) =>
	fc
		.array(
			fc.oneof(fc.constantFrom(...trickyPieces), fc.string({ unit: 'grapheme', maxLength: 12 })),
			{ maxLength }
		)
		.map((pieces) => pieces.join(''));

/** A non-empty commentary body; anchors are generated into it. */
const bodyArb = textArb(24).map((text) => (text.trim() ? text : `„${text}“`));

const commentaryArb = (body: string): fc.Arbitrary<InterchangeCommentary> =>
	fc.record({
		title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
		author: fc.string({ unit: 'grapheme', maxLength: 15 }),
		outlet: fc.string({ unit: 'grapheme', maxLength: 15 }),
		language: fc.constantFrom(...COMMENTARY_LANGUAGES),
		publishedOn: fc.option(
			fc
				.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
				.map((date) => date.toISOString().slice(0, 10)),
			{ nil: null }
		),
		sourceUrl: fc.option(fc.webUrl(), { nil: null }),
		body: fc.constant(body)
	});

// -0 would come back from JSON as 0, which a deep equality on the bundle tells apart.
const coordinateArb = fc
	.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
	.map((value) => (value === 0 ? 0 : value));

const statementArb = (textLength: number) =>
	fc.record(
		{
			text: textArb(6),
			role: fc.constantFrom(...STATEMENT_ROLES),
			implicit: fc.boolean(),
			note: textArb(3),
			anchors: fc.array(fc.tuple(fc.nat(textLength - 1), fc.nat(textLength - 1)), {
				maxLength: 3
			}),
			position: fc.record({ x: coordinateArb, y: coordinateArb })
		},
		{ requiredKeys: ['text', 'role', 'implicit', 'note', 'anchors'] }
	);

// Indices are taken modulo the number of statements (or supports) when the map is built.
const relationArb = fc.oneof(
	fc.record({
		kind: fc.constant('support' as const),
		premises: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
		conclusion: fc.nat()
	}),
	fc.record({ kind: fc.constant('rebuttal' as const), attacker: fc.nat(), target: fc.nat() }),
	fc.record({ kind: fc.constant('undercut' as const), attacker: fc.nat(), target: fc.nat() })
);

/**
 * A valid map bundle, built through the model's operations so every map obeys the invariants:
 * single and linked supports, rebuttals, undercuts, implicit premises, positions, and anchors
 * into a text with Unicode, „quotes“ and markup. Relations the model refuses are left out.
 */
export function arbitraryBundle(): fc.Arbitrary<MapBundle> {
	return bodyArb.chain((body) =>
		fc
			.record({
				title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
				commentary: commentaryArb(body),
				idPrefix: fc.stringMatching(/^[A-Za-z_-]{0,6}$/),
				statements: fc.array(statementArb(body.length), { minLength: 1, maxLength: 8 }),
				relations: fc.array(relationArb, { maxLength: 12 })
			})
			.map(({ title, commentary, idPrefix, statements, relations }) => {
				let map: ArgumentMap = emptyMap();
				const apply = (result: { ok: true; map: ArgumentMap } | { ok: false }) => {
					if (result.ok) map = result.map;
					return result.ok;
				};
				// Statement ids end in a digit, relation ids in `r`: they never collide.
				const statementIds = statements.map((_, index) => `${idPrefix}${index}`);
				statements.forEach((spec, index) => {
					apply(
						addStatement(map, {
							id: statementIds[index] ?? '',
							text: spec.text,
							role: spec.role,
							implicit: spec.implicit,
							note: spec.note,
							position: spec.position
						})
					);
					for (const [a, b] of spec.anchors) {
						const start = Math.min(a, b);
						const end = Math.max(a, b) + 1;
						const anchor = { start, end, quote: body.slice(start, end) };
						apply(addAnchor(map, statementIds[index] ?? '', anchor, body.length));
					}
				});
				const statementAt = (index: number) => statementIds[index % statementIds.length] ?? '';
				const supportIds: string[] = [];
				relations.forEach((spec, index) => {
					const id = `${idPrefix}${index}r`;
					if (spec.kind === 'support') {
						const premiseIds = [...new Set(spec.premises.map(statementAt))];
						const added = apply(
							addSupport(map, { id, premiseIds, conclusionId: statementAt(spec.conclusion) })
						);
						if (added) supportIds.push(id);
					} else if (spec.kind === 'rebuttal') {
						apply(
							addAttack(map, {
								id,
								attackerId: statementAt(spec.attacker),
								target: { kind: 'statement', id: statementAt(spec.target) }
							})
						);
					} else {
						const supportId = supportIds[spec.target % Math.max(supportIds.length, 1)];
						if (supportId === undefined) return;
						apply(
							addAttack(map, {
								id,
								attackerId: statementAt(spec.attacker),
								target: { kind: 'relation', id: supportId }
							})
						);
					}
				});
				return { title, commentary, map };
			})
	);
}

const junkArb = fc.oneof(
	fc.string({ maxLength: 6 }),
	fc.constantFrom(
		'{',
		'}',
		'[',
		']',
		',',
		':',
		'"',
		'\\',
		'null',
		'-0',
		'1e999',
		'"nodeID"',
		'"type"'
	)
);

/** Random JSON-level damage: a value replaced by any JSON, or a key deleted. */
function mutateJson(json: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
	const containers: (Record<string, unknown> | unknown[])[] = [];
	const collect = (value: unknown) => {
		if (typeof value !== 'object' || value === null) return;
		const container = value as Record<string, unknown> | unknown[];
		containers.push(container);
		Object.values(container).forEach(collect);
	};
	collect(json);
	const target = containers[pick % Math.max(containers.length, 1)];
	if (!target) return replacement;
	const keys = Object.keys(target);
	const key = keys[pick % Math.max(keys.length, 1)];
	if (key === undefined) return json;
	if (remove && !Array.isArray(target)) delete target[key];
	else (target as Record<string, unknown>)[key] = replacement;
	return json;
}

/**
 * Damaged versions of a valid file, for fuzzing an importer: bytes deleted, inserted or replaced,
 * or a value somewhere in the JSON swapped for other JSON.
 */
export function arbitraryMutationOf(text: string): fc.Arbitrary<string> {
	const textEdit = fc
		.array(
			fc.record({
				at: fc.nat(Math.max(text.length - 1, 0)),
				remove: fc.nat(16),
				insert: fc.oneof(fc.constant(''), junkArb)
			}),
			{ minLength: 1, maxLength: 4 }
		)
		.map((edits) =>
			edits.reduce(
				(edited, { at, remove, insert }) =>
					edited.slice(0, at) + insert + edited.slice(at + remove),
				text
			)
		);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		// Not JSON (Argdown, XML): byte edits only.
		return textEdit;
	}
	const jsonEdit = fc
		.record({ pick: fc.nat(), replacement: fc.jsonValue(), remove: fc.boolean() })
		.map(({ pick, replacement, remove }) =>
			JSON.stringify(mutateJson(structuredClone(json), pick, replacement, remove), null, '\t')
		);
	return fc.oneof(textEdit, jsonEdit);
}

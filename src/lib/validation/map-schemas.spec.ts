import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMapDocument, MAP_FORMAT, MAP_FORMAT_VERSION, parseMapDocument } from '$lib/argument';
import { sampleMap } from '$lib/argument/spec-fixtures';
import { argumentMapSchema } from './map-schemas';
import { z } from './zod';

const documentSchema = z.strictObject({
	format: z.literal(MAP_FORMAT),
	version: z.literal(MAP_FORMAT_VERSION),
	map: argumentMapSchema
});

/** What zod finds wrong with the document, in parseMapDocument's vocabulary. */
function zodIssues(json: unknown) {
	const parsed = documentSchema.safeParse(json);
	if (parsed.success) return [];
	const wrongType = new Set(
		parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('.'))
	);
	// zod also checks the length of a string given where an array belongs: one issue is enough.
	const issues = parsed.error.issues.filter(
		(issue) =>
			!(['too_small', 'too_big'].includes(issue.code) && wrongType.has(issue.path.join('.')))
	);
	return issues.flatMap((issue) => {
		const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => ({ code: 'unknown_key', path: [...path, key] }));
		}
		const known = ['invalid_type', 'invalid_format', 'too_small', 'too_big'];
		return [{ code: known.includes(issue.code) ? issue.code : 'invalid_value', path }];
	});
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const strange = fc.oneof(
	fc.constantFrom<Json>(
		null,
		true,
		0.5,
		-1,
		1e12,
		'',
		'not ok',
		[],
		{},
		['a', 'a'],
		'x'.repeat(65)
	),
	fc.constantFrom<Json>('support', 'attack', 'statement', 'relation', 'premise', 'thesis'),
	fc.constantFrom<Json>(
		{ kind: 'relation', id: 'claim' },
		{ kind: 'x' },
		{ x: 1 },
		{ x: 'a', y: 2 }
	),
	fc.constantFrom<Json>({ start: 0, end: 2, quote: 'q' }, { start: 3, end: 1, quote: '', more: 1 }),
	fc.integer({ min: -5, max: 20_000_000 }),
	fc.string({ maxLength: 3 })
);

/** Every path in the document, to pick one to damage. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
	if (typeof value !== 'object' || value === null) return [path];
	const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
	return [path, ...keys.flatMap((key) => pathsOf((value as never)[key], [...path, key]))];
}

const damage = fc.record({
	pick: fc.nat(),
	how: fc.constantFrom('replace', 'delete', 'add key'),
	value: strange,
	key: fc.constantFrom('extra', 'id', 'kind', 'position', 'target', 'start')
});

function damaged(
	document: Json,
	changes: { pick: number; how: string; value: Json; key: string }[]
) {
	for (const change of changes) {
		// Another format or version is refused before the shape is looked at.
		const paths = pathsOf(document).filter((path) => path[0] === 'map');
		const path = paths[change.pick % paths.length] ?? [];
		const parent = path.slice(0, -1).reduce<Json>((value, key) => (value as never)[key], document);
		const last = path[path.length - 1] ?? '';
		if (typeof parent !== 'object' || parent === null) continue;
		const record = parent as Record<string | number, Json>;
		if (change.how === 'replace') record[last] = structuredClone(change.value);
		else if (change.how === 'delete' && !Array.isArray(parent)) delete record[last];
		else if (!Array.isArray(parent)) record[change.key] = structuredClone(change.value);
	}
	return document;
}

describe('the map schemas for interchange and parseMapDocument', () => {
	it('find the same problems, in the same order, in damaged documents', () => {
		fc.assert(
			fc.property(fc.array(damage, { minLength: 1, maxLength: 4 }), (changes) => {
				const document = JSON.parse(JSON.stringify(createMapDocument(sampleMap())));
				const json = damaged(document, changes);
				const expected = zodIssues(json);
				const result = parseMapDocument(json);
				if (expected.length > 0) {
					expect(result.ok ? [] : result.issues).toEqual(expected);
				} else {
					// The shape is right: whatever parseMapDocument still finds is an invariant.
					const issues = result.ok ? [] : result.issues;
					expect(issues.every((issue) => issue.ids !== undefined)).toBe(true);
				}
			}),
			{ numRuns: 2000 }
		);
	});
});

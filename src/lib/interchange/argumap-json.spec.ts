import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '$lib/argument';
import { arbitraryBundle, arbitraryMutationOf } from './arbitrary';
import {
	exportArgumapJson,
	importArgumapJson,
	jsonSyntaxErrorOffset,
	parseJsonText
} from './argumap-json';
import fixture from './fixtures/argumap/autofreie-innenstadt.argumap.json?raw';
import { IMPORT_MAX_BYTES } from './types';
import type { ImportResult } from './types';

const IMPORT_ERROR_CODES = [
	'import_too_large',
	'import_not_json',
	'import_unknown_format',
	'import_invalid_document',
	'import_dangling_reference',
	'import_empty'
];

/** The fixture as JSON, to tamper with. */
function fixtureJson() {
	return JSON.parse(fixture);
}

function errorOf(result: ImportResult) {
	return result.ok ? null : result.error;
}

/** Either a refusal with a known code or a bundle whose map keeps every invariant. */
function expectSafeResult(result: ImportResult) {
	if (result.ok) {
		const { map, commentary } = result.bundle;
		expect(findInvariantViolations(map, commentary.body.length)).toEqual([]);
	} else {
		expect(IMPORT_ERROR_CODES).toContain(result.error.code);
	}
}

describe('importArgumapJson', () => {
	it('reads a hand-written bundle with a linked support, a rebuttal and an undercut', () => {
		const result = importArgumapJson(fixture);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { title, commentary, map } = result.bundle;
		expect(title).toBe('Autofreie Innenstadt');
		expect(commentary).toMatchObject({ language: 'de', publishedOn: '2024-04-12' });
		expect(result.skipped).toEqual([]);
		expect(map.relations).toEqual([
			{
				id: 's-claim',
				kind: 'support',
				premiseIds: ['noise', 'air', 'health'],
				conclusionId: 'claim'
			},
			{
				id: 'a-trade',
				kind: 'attack',
				attackerId: 'trade',
				target: { kind: 'statement', id: 'claim' }
			},
			{
				id: 'a-ghent',
				kind: 'attack',
				attackerId: 'ghent',
				target: { kind: 'statement', id: 'trade' }
			},
			{
				id: 'u-source',
				kind: 'attack',
				attackerId: 'source',
				target: { kind: 'relation', id: 's-claim' }
			}
		]);
		const air = map.statements.find((statement) => statement.id === 'air');
		expect(air?.anchors[0]?.quote).toBe('„die Luft wird besser“');
		expect(commentary.body.slice(air?.anchors[0]?.start, air?.anchors[0]?.end)).toBe(
			'„die Luft wird besser“'
		);
	});

	it('accepts a byte order mark before the JSON', () => {
		expect(importArgumapJson(`\uFEFF${fixture}`).ok).toBe(true);
	});

	it('refuses a bare map document, which has no text for its anchors', () => {
		const { document } = fixtureJson();
		expect(errorOf(importArgumapJson(JSON.stringify(document)))).toEqual({
			code: 'import_unknown_format',
			path: ['format'],
			detail: 'argumap-map'
		});
	});

	it('refuses another version of the bundle format', () => {
		const json = { ...fixtureJson(), version: 2 };
		expect(errorOf(importArgumapJson(JSON.stringify(json)))).toEqual({
			code: 'import_invalid_document',
			path: ['version'],
			detail: 'unsupported_version'
		});
	});

	it('points at the first problem in the shape of the bundle', () => {
		const json = fixtureJson();
		json.commentary.body = 'x'.repeat(200_001);
		expect(errorOf(importArgumapJson(JSON.stringify(json)))).toEqual({
			code: 'import_invalid_document',
			path: ['commentary', 'body'],
			detail: 'too_big'
		});

		const withExtraKey = fixtureJson();
		withExtraKey.commentary.secret = true;
		expect(errorOf(importArgumapJson(JSON.stringify(withExtraKey)))).toEqual({
			code: 'import_invalid_document',
			path: ['commentary', 'secret'],
			detail: 'unknown_key'
		});

		const withLongTitle = { ...fixtureJson(), title: 't'.repeat(301) };
		expect(errorOf(importArgumapJson(JSON.stringify(withLongTitle)))?.path).toEqual(['title']);

		const withScriptUrl = fixtureJson();
		withScriptUrl.commentary.sourceUrl = 'javascript:alert(1)';
		expect(errorOf(importArgumapJson(JSON.stringify(withScriptUrl)))?.path).toEqual([
			'commentary',
			'sourceUrl'
		]);
	});

	it('reports a dangling id with its path in the map', () => {
		const json = fixtureJson();
		json.document.map.relations[0].premiseIds[1] = 'ghost';
		expect(errorOf(importArgumapJson(JSON.stringify(json)))).toEqual({
			code: 'import_dangling_reference',
			path: ['document', 'map', 'relations', 0, 'premiseIds', 1],
			detail: 'dangling_reference'
		});
	});

	it('checks the anchors against the length of the text', () => {
		const json = fixtureJson();
		json.document.map.statements[1].anchors[0].end = json.commentary.body.length + 1;
		expect(errorOf(importArgumapJson(JSON.stringify(json)))).toEqual({
			code: 'import_invalid_document',
			path: ['document', 'map', 'statements', 1, 'anchors', 0],
			detail: 'anchor_out_of_range'
		});
	});

	it('refuses a file above the size limit, counted in UTF-8 bytes', () => {
		// Fewer characters than the limit, but two bytes each.
		const text = `"${'ä'.repeat(IMPORT_MAX_BYTES / 2)}"`;
		expect(text.length).toBeLessThan(IMPORT_MAX_BYTES);
		expect(errorOf(importArgumapJson(text))).toEqual({ code: 'import_too_large' });
	});

	it('reports malformed JSON with the line and column of the error', () => {
		const text = '{\n\t"format": "argumap-bundle",\n\t"version": 1,,\n\t"title": "x"\n}';
		expect(errorOf(importArgumapJson(text))).toEqual({
			code: 'import_not_json',
			line: 3,
			column: 15
		});
		expect(errorOf(importArgumapJson('{"title": "„Zitat“ 🙂", x}'))).toEqual({
			code: 'import_not_json',
			line: 1,
			column: 24
		});
		expect(errorOf(importArgumapJson('{\n  "title": [1, 2'))).toEqual({
			code: 'import_not_json',
			line: 2,
			column: 17
		});
		expect(errorOf(importArgumapJson(' \n\t'))).toEqual({ code: 'import_empty' });
	});

	it('is tested on generated maps with every kind of relation, anchors and implicit premises', () => {
		const maps = fc.sample(arbitraryBundle(), 200).map((bundle) => bundle.map);
		const some = (test: (map: (typeof maps)[number]) => boolean) => maps.some(test);
		expect(
			some((map) => map.relations.some((r) => r.kind === 'support' && r.premiseIds.length > 1))
		).toBe(true);
		expect(
			some((map) => map.relations.some((r) => r.kind === 'attack' && r.target.kind === 'statement'))
		).toBe(true);
		expect(
			some((map) => map.relations.some((r) => r.kind === 'attack' && r.target.kind === 'relation'))
		).toBe(true);
		expect(some((map) => map.statements.some((s) => s.implicit && s.role === 'premise'))).toBe(
			true
		);
		expect(
			some((map) => map.statements.some((s) => s.anchors.some((a) => /[„“🙂<&]/u.test(a.quote))))
		).toBe(true);
	});

	it('exports a versioned bundle that reads back byte for byte', () => {
		fc.assert(
			fc.property(arbitraryBundle(), (bundle) => {
				const exported = exportArgumapJson(bundle);
				expect(exported.startsWith('{\n\t"format": "argumap-bundle",\n\t"version": 1,')).toBe(true);
				const imported = importArgumapJson(exported);
				expect(imported).toEqual({ ok: true, bundle, skipped: [] });
				if (imported.ok) expect(exportArgumapJson(imported.bundle)).toBe(exported);
			})
		);
	});

	it('never throws on random text: it refuses it with a code', () => {
		fc.assert(
			fc.property(
				// Not String(value): fast-check builds some objects without a prototype, and those
				// have no string form at all.
				fc.oneof(
					fc.string(),
					fc.json(),
					fc.jsonValue().map((value) => JSON.stringify(value, null, 2))
				),
				(text) => {
					expectSafeResult(importArgumapJson(text));
				}
			)
		);
	});

	it('never throws on a damaged file, and what it accepts is valid', () => {
		fc.assert(
			fc.property(
				arbitraryBundle().chain((bundle) => arbitraryMutationOf(exportArgumapJson(bundle))),
				(text) => expectSafeResult(importArgumapJson(text))
			)
		);
	});
});

describe('parseJsonText', () => {
	it('finds a syntax error exactly where the parser stops', () => {
		const almostJson = fc
			.json()
			.chain((json) =>
				fc
					.tuple(fc.nat(json.length), fc.string({ maxLength: 2 }))
					.map(([at, insert]) => json.slice(0, at) + insert + json.slice(at + 1))
			);
		fc.assert(
			fc.property(fc.oneof(fc.json(), fc.string(), almostJson), (text) => {
				let position: number | null = null;
				try {
					JSON.parse(text);
				} catch (error) {
					const reported = /at position (\d+)/.exec((error as Error).message);
					position = reported ? Number(reported[1]) : -1;
				}
				const found = jsonSyntaxErrorOffset(text);
				if (position === null) expect(found).toBeNull();
				else if (position === -1) expect(found).not.toBeNull();
				else expect(found).toBe(position);
			}),
			{ numRuns: 2000 }
		);
	});

	it('survives nesting deeper than any stack', () => {
		const deep = '['.repeat(200_000);
		expect(jsonSyntaxErrorOffset(deep)).toBe(200_000);
		expect(parseJsonText(deep)).toMatchObject({ ok: false, error: { code: 'import_not_json' } });
	});
});

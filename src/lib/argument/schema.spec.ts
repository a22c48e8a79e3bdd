import { describe, expect, it } from 'vitest';
import { commentary, sampleMap } from './spec-fixtures';
import { MAP_LIMITS } from './limits';
import { createMapDocument, MAP_FORMAT_VERSION, parseMapDocument } from './schema';

/** The sample map as a client would send it: serialised, parsed, and open to tampering. */
function documentJson(): {
	format: unknown;
	version: unknown;
	map: { statements: unknown[]; relations: unknown[] };
} {
	return JSON.parse(JSON.stringify(createMapDocument(sampleMap())));
}

function issuesOf(json: unknown, textLength?: number) {
	const result = parseMapDocument(json, { textLength });
	return result.ok ? [] : result.issues;
}

describe('parseMapDocument', () => {
	it('accepts a document written by createMapDocument, after a JSON round trip', () => {
		const result = parseMapDocument(documentJson(), { textLength: commentary.length });
		expect(MAP_FORMAT_VERSION).toBe(1);
		expect(result).toEqual({
			ok: true,
			document: { format: 'argumap-map', version: 1, map: sampleMap() }
		});
	});

	it('keeps a statement position and accepts an empty map', () => {
		const json = documentJson();
		json.map.statements = [
			{
				id: 'a',
				text: '',
				role: 'premise',
				implicit: false,
				anchors: [],
				note: '',
				position: { x: 1.5, y: -3 }
			}
		];
		json.map.relations = [];
		const result = parseMapDocument(json);
		expect(result.ok && result.document.map.statements[0]?.position).toEqual({ x: 1.5, y: -3 });
	});

	it('reports another format or version alone', () => {
		expect(issuesOf({ ...documentJson(), format: 'aif' })).toEqual([
			{ code: 'unsupported_format', path: ['format'] }
		]);
		expect(issuesOf({ ...documentJson(), version: 2, map: 'whatever' })).toEqual([
			{ code: 'unsupported_version', path: ['version'] }
		]);
		expect(issuesOf({ format: 'argumap-map' })).toEqual([
			{ code: 'unsupported_version', path: ['version'] }
		]);
	});

	it('reports a value that is not a document at all', () => {
		for (const json of [null, 'map', 42, []]) {
			expect(issuesOf(json)).toEqual([{ code: 'invalid_type', path: [] }]);
		}
	});

	it('reports malformed ids, unknown roles and missing fields where they are', () => {
		const json = documentJson();
		Object.assign(json.map.statements[0] as object, { id: 'not ok', role: 'thesis' });
		delete (json.map.statements[1] as Record<string, unknown>).note;
		expect(issuesOf(json)).toEqual([
			{ code: 'invalid_format', path: ['map', 'statements', 0, 'id'] },
			{ code: 'invalid_value', path: ['map', 'statements', 0, 'role'] },
			{ code: 'invalid_type', path: ['map', 'statements', 1, 'note'] }
		]);
	});

	it('reports every unknown key, including one in a relation', () => {
		const json = documentJson();
		Object.assign(json, { extra: true });
		Object.assign(json.map.relations[0] as object, { weight: 2, label: 'x' });
		expect(issuesOf(json)).toEqual([
			{ code: 'unknown_key', path: ['map', 'relations', 0, 'weight'] },
			{ code: 'unknown_key', path: ['map', 'relations', 0, 'label'] },
			{ code: 'unknown_key', path: ['extra'] }
		]);
	});

	it('enforces the limits', () => {
		const json = documentJson();
		Object.assign(json.map.statements[0] as object, {
			text: 'ä'.repeat(MAP_LIMITS.statementTextLength + 1)
		});
		Object.assign(json.map.relations[1] as object, { premiseIds: [] });
		Object.assign(json.map.relations[2] as object, { id: 'x'.repeat(65) });
		expect(issuesOf(json)).toEqual([
			{ code: 'too_big', path: ['map', 'statements', 0, 'text'] },
			{ code: 'too_small', path: ['map', 'relations', 1, 'premiseIds'] },
			{ code: 'invalid_format', path: ['map', 'relations', 2, 'id'] }
		]);
		const tooMany = documentJson();
		tooMany.map.relations = Array.from({ length: MAP_LIMITS.relations + 1 }, (_, i) => ({
			id: `r${i}`,
			kind: 'support',
			premiseIds: ['quote'],
			conclusionId: 'claim'
		}));
		expect(issuesOf(tooMany)).toEqual([{ code: 'too_big', path: ['map', 'relations'] }]);
	});

	it('reports fractional or negative offsets and unknown relation kinds', () => {
		const json = documentJson();
		Object.assign(json.map.statements[0] as object, {
			anchors: [
				{ start: 0.5, end: 3, quote: 'Die' },
				{ start: -1, end: 3, quote: 'Die' }
			]
		});
		Object.assign(json.map.relations[0] as object, { kind: 'conflict' });
		expect(issuesOf(json).map((issue) => [issue.code, issue.path.join('.')])).toEqual([
			['invalid_type', 'map.statements.0.anchors.0.start'],
			['too_small', 'map.statements.0.anchors.1.start'],
			['invalid_value', 'map.relations.0.kind']
		]);
	});

	it('reports invariant violations once the shape is right, with their ids', () => {
		const json = documentJson();
		Object.assign(json.map.relations[0] as object, { conclusionId: 'invest' });
		Object.assign(json.map.relations[2] as object, { target: { kind: 'relation', id: 'a-reply' } });
		expect(issuesOf(json)).toEqual([
			{
				code: 'self_support',
				path: ['map', 'relations', 0, 'premiseIds', 0],
				ids: ['s-main', 'invest']
			},
			{
				code: 'undercut_target_not_support',
				path: ['map', 'relations', 2, 'target', 'id'],
				ids: ['u-source', 'a-reply']
			}
		]);
	});

	it('checks anchors against the commentary length when it is given', () => {
		expect(issuesOf(documentJson(), 20).map((issue) => issue.code)).toEqual(
			Array(5).fill('anchor_out_of_range')
		);
		expect(issuesOf(documentJson())).toEqual([]);
	});
});

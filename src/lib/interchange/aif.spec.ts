import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAttack, addStatement, addSupport, emptyMap } from '$lib/argument';
import type { ArgumentMap, OperationResult } from '$lib/argument';
import { exportAif, exportOva, highlightedHtml, importAif } from './aif';
import { arbitraryBundle, arbitraryMutationOf } from './arbitrary';
import { exportArgumapJson } from './argumap-json';
import aifdbFixture from './fixtures/aif/aifdb-tempolimit.json?raw';
import ovaFixture from './fixtures/aif/ova3-four-day-week.json?raw';
import type { ImportResult, MapBundle } from './types';

const now = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

function unwrap(result: OperationResult): ArgumentMap {
	if (!result.ok) throw new Error(result.code);
	return result.map;
}

const body = 'Tempo 30 rettet Leben. Sagt die <script>-Lobby & „Experten“.\nDas bezweifle ich.';

function anchor(quote: string) {
	const start = body.indexOf(quote);
	return { start, end: start + quote.length, quote };
}

/** A claim with a linked support, a rebuttal, an undercut and an implicit premise. */
function sampleBundle(): MapBundle {
	let map = emptyMap();
	map = unwrap(
		addStatement(map, {
			id: 'claim',
			text: 'Tempo 30 rettet Leben.',
			role: 'main_claim',
			anchors: [anchor('Tempo 30 rettet Leben.')],
			position: { x: 10.5, y: -20 }
		})
	);
	map = unwrap(
		addStatement(map, {
			id: 'experts',
			text: 'Experten sagen es.',
			role: 'premise',
			anchors: [anchor('„Experten“')]
		})
	);
	map = unwrap(
		addStatement(map, {
			id: 'trust',
			text: 'Experten kann man trauen.',
			role: 'premise',
			implicit: true,
			note: 'ergänzt'
		})
	);
	map = unwrap(
		addStatement(map, {
			id: 'doubt',
			text: 'Das bezweifle ich.',
			role: 'objection',
			anchors: [anchor('Das bezweifle ich.')]
		})
	);
	map = unwrap(
		addStatement(map, {
			id: 'lobby',
			text: 'Die Experten sind Lobbyisten.',
			role: 'objection',
			anchors: [anchor('Sagt die <script>-Lobby & „Experten“.')]
		})
	);
	map = unwrap(
		addSupport(map, { id: 's1', premiseIds: ['experts', 'trust'], conclusionId: 'claim' })
	);
	map = unwrap(
		addAttack(map, { id: 'a1', attackerId: 'doubt', target: { kind: 'statement', id: 'claim' } })
	);
	map = unwrap(
		addAttack(map, { id: 'u1', attackerId: 'lobby', target: { kind: 'relation', id: 's1' } })
	);
	return {
		title: 'Tempo 30',
		commentary: {
			title: 'Tempo 30 überall',
			author: 'A. Autorin',
			outlet: 'Blatt',
			language: 'de',
			publishedOn: '2024-01-01',
			sourceUrl: null,
			body
		},
		map
	};
}

function bundleOf(result: ImportResult): MapBundle {
	if (!result.ok) throw new Error(JSON.stringify(result.error));
	return result.bundle;
}

function errorOf(result: ImportResult) {
	return result.ok ? null : result.error;
}

function withoutArgumapBlock(text: string): string {
	const json = JSON.parse(text);
	delete (json.AIF ?? json).argumap;
	return JSON.stringify(json);
}

describe('exportAif', () => {
	it('writes I-, RA- and CA-nodes with consecutive ids, as AIFdb reads them', () => {
		const aif = JSON.parse(exportAif(sampleBundle(), { now }));
		const timestamp = '2024-01-02 03:04:05';
		expect(aif.nodes).toEqual([
			{ nodeID: '1', text: 'Tempo 30 rettet Leben.', type: 'I', timestamp },
			{ nodeID: '2', text: 'Experten sagen es.', type: 'I', timestamp },
			{ nodeID: '3', text: 'Experten kann man trauen.', type: 'I', timestamp },
			{ nodeID: '4', text: 'Das bezweifle ich.', type: 'I', timestamp },
			{ nodeID: '5', text: 'Die Experten sind Lobbyisten.', type: 'I', timestamp },
			{ nodeID: '6', text: 'Default Inference', type: 'RA', timestamp },
			{ nodeID: '7', text: 'Default Conflict', type: 'CA', timestamp },
			{ nodeID: '8', text: 'Default Conflict', type: 'CA', timestamp }
		]);
		// The linked premises share one RA-node; the undercut's CA-node points at that RA-node.
		expect(aif.edges).toEqual([
			{ edgeID: '1', fromID: '2', toID: '6' },
			{ edgeID: '2', fromID: '3', toID: '6' },
			{ edgeID: '3', fromID: '6', toID: '1' },
			{ edgeID: '4', fromID: '4', toID: '7' },
			{ edgeID: '5', fromID: '7', toID: '1' },
			{ edgeID: '6', fromID: '5', toID: '8' },
			{ edgeID: '7', fromID: '8', toID: '6' }
		]);
		expect(aif.locutions).toEqual([]);
		expect(aif.argumap).toMatchObject({
			format: 'argumap-aif',
			version: 1,
			title: 'Tempo 30',
			relations: [
				{ nodeID: '6', id: 's1' },
				{ nodeID: '7', id: 'a1' },
				{ nodeID: '8', id: 'u1' }
			]
		});
		expect(aif.argumap.statements[2]).toEqual({
			nodeID: '3',
			id: 'trust',
			role: 'premise',
			implicit: true,
			anchors: [],
			note: 'ergänzt'
		});
	});

	it('reads back byte for byte, with everything AIF cannot say kept in its block', () => {
		fc.assert(
			fc.property(arbitraryBundle(), (bundle) => {
				const exported = exportAif(bundle, { now });
				const imported = importAif(exported);
				expect(imported).toEqual({ ok: true, bundle, skipped: [] });
				expect(exportAif(bundleOf(imported), { now })).toBe(exported);
			})
		);
	});

	it('still gives a valid map of the same shape when a tool dropped the block', () => {
		fc.assert(
			fc.property(arbitraryBundle(), (bundle) => {
				const result = importAif(withoutArgumapBlock(exportAif(bundle, { now })));
				// The statements' texts become the commentary, which must not be empty.
				if (!bundle.map.statements.some((statement) => statement.text.trim())) {
					expect(result).toEqual({ ok: false, error: { code: 'import_empty' } });
					return;
				}
				const imported = bundleOf(result);
				expect(imported.map.statements.map((statement) => statement.text)).toEqual(
					bundle.map.statements.map((statement) => statement.text)
				);
				expect(imported.map.relations.map((relation) => relation.kind)).toEqual(
					bundle.map.relations.map((relation) => relation.kind)
				);
				for (const statement of imported.map.statements) {
					for (const { start, end, quote } of statement.anchors) {
						expect(imported.commentary.body.slice(start, end)).toBe(quote);
					}
				}
			})
		);
	});
});

describe('exportOva', () => {
	it('wraps the AIF with the commentary as HTML, escaped, passages highlighted', () => {
		const ova = JSON.parse(exportOva(sampleBundle(), { now }));
		expect(ova.AIF).toEqual(JSON.parse(exportAif(sampleBundle(), { now })));
		expect(ova.text).toBe(
			'<span class="highlighted" id="node1">Tempo 30 rettet Leben.</span> ' +
				'<span class="highlighted" id="node5">Sagt die &lt;script&gt;-Lobby &amp; ' +
				'<span class="highlighted" id="node2">„Experten“</span>.</span><br>' +
				'<span class="highlighted" id="node4">Das bezweifle ich.</span>'
		);
		expect(ova.text).not.toContain('<script>');
		expect(ova.OVA).toMatchObject({ firstname: '', surname: '', url: '' });
		expect(ova.OVA.nodes[0]).toEqual({
			nodeID: '1',
			visible: true,
			x: 11,
			y: -20,
			timestamp: '2024-01-02 03:04:05'
		});
		expect(ova.OVA.nodes).toHaveLength(8);
		expect(ova.OVA.edges[0]).toEqual({ fromID: '2', toID: '6', visible: true });
	});

	it('reads back byte for byte', () => {
		fc.assert(
			fc.property(arbitraryBundle(), (bundle) => {
				const exported = exportOva(bundle, { now });
				expect(exportOva(bundleOf(importAif(exported)), { now })).toBe(exported);
			}),
			{ numRuns: 50 }
		);
	});
});

describe('highlightedHtml', () => {
	it('escapes markup and quotes, and turns line breaks into <br>', () => {
		expect(highlightedHtml(`<b>"it's"</b> & co\nnext`, [])).toBe(
			'&lt;b&gt;&quot;it&#39;s&quot;&lt;/b&gt; &amp; co<br>next'
		);
	});

	it('nests a passage inside another and splits one that crosses an end', () => {
		const text = 'abcdefghij';
		expect(
			highlightedHtml(text, [
				{ start: 0, end: 6, nodeID: '1', order: 0 },
				{ start: 2, end: 4, nodeID: '2', order: 1 },
				{ start: 4, end: 9, nodeID: '3', order: 2 },
				{ start: 8, end: 10, nodeID: '1', order: 0 }
			])
		).toBe(
			'<span class="highlighted" id="node1">ab' +
				'<span class="highlighted" id="node2">cd</span>' +
				'<span class="highlighted" id="node3">ef</span></span>' +
				'<span class="highlighted" id="node3_2">gh' +
				'<span class="highlighted" id="node1_2">i</span></span>' +
				'<span class="highlighted" id="node1_3">j</span>'
		);
	});

	it('always produces balanced spans that spell out the text', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 30 }),
				fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(3)), { maxLength: 6 }),
				(raw, ranges) => {
					const text = raw.replace(/[<>&"'\n\r]/g, 'x');
					const highlights = ranges
						.map(([a, b, node]) => ({
							start: Math.min(a, b) % (text.length + 1),
							end: Math.max(a, b) % (text.length + 1),
							nodeID: String(node),
							order: node
						}))
						.filter(({ start, end }) => start < end);
					const html = highlightedHtml(text, highlights);
					let depth = 0;
					for (const tag of html.match(/<\/?span[^>]*>/g) ?? []) {
						depth += tag.startsWith('</') ? -1 : 1;
						expect(depth).toBeGreaterThanOrEqual(0);
					}
					expect(depth).toBe(0);
					expect(html.replace(/<[^>]*>/g, '')).toBe(text);
					const ids = [...html.matchAll(/id="([^"]*)"/g)].map((match) => match[1]);
					expect(new Set(ids).size).toBe(ids.length);
				}
			)
		);
	});
});

describe('importAif', () => {
	it('reads an AIFdb file with integer ids, skipping and listing L, YA and TA nodes', () => {
		const result = importAif(aifdbFixture);
		expect(result.ok && result.skipped).toEqual([
			'3 nodes of type L',
			'3 nodes of type YA',
			'1 node of type TA'
		]);
		const { title, commentary, map } = bundleOf(result);
		expect(title).toBe('Imported AIF map');
		expect(commentary).toMatchObject({ title: 'Imported AIF map', language: 'other' });
		expect(map.statements.map(({ id, role }) => [id, role])).toEqual([
			['n2', 'main_claim'],
			['n5', 'premise'],
			['n8', 'premise'],
			['n10', 'objection'],
			['n14', 'objection'],
			['n16', 'objection']
		]);
		expect(map.relations).toEqual([
			{ id: 'n7', kind: 'support', premiseIds: ['n5', 'n8'], conclusionId: 'n2' },
			{ id: 'n12', kind: 'attack', attackerId: 'n10', target: { kind: 'statement', id: 'n5' } },
			{ id: 'n15', kind: 'attack', attackerId: 'n14', target: { kind: 'statement', id: 'n10' } },
			{ id: 'n17', kind: 'attack', attackerId: 'n16', target: { kind: 'relation', id: 'n7' } }
		]);
		// The text is made of the statements, one paragraph each, every statement anchored in it.
		expect(commentary.body.split('\n\n')).toEqual(map.statements.map(({ text }) => text));
		for (const statement of map.statements) {
			const [only] = statement.anchors;
			expect(only && commentary.body.slice(only.start, only.end)).toBe(statement.text);
		}
	});

	it('reads an OVA3 file with string ids and takes its layout', () => {
		const result = importAif(ovaFixture);
		expect(result.ok && result.skipped).toEqual([
			'1 node of type L',
			'1 node of type YA',
			'the analysed text of the OVA file (the commentary is made of the statements)'
		]);
		const { map } = bundleOf(result);
		expect(map.statements.map(({ id, role, position }) => [id, role, position])).toEqual([
			['n101', 'main_claim', { x: 400, y: 40 }],
			['n102', 'intermediate_conclusion', { x: 250, y: 240 }],
			['n103', 'premise', { x: 550, y: 240 }],
			['n105', 'premise', { x: 250, y: 440 }],
			['n108', 'objection', { x: 850, y: 40 }],
			// Its x is not a number, so the node is left for the layout to place.
			['nx-110', 'objection', undefined]
		]);
		expect(map.relations).toEqual([
			{ id: 'n104', kind: 'support', premiseIds: ['n102', 'n103'], conclusionId: 'n101' },
			{ id: 'n106', kind: 'support', premiseIds: ['n105'], conclusionId: 'n102' },
			{
				id: 'n107',
				kind: 'attack',
				attackerId: 'n108',
				target: { kind: 'statement', id: 'n101' }
			},
			{
				id: 'n109',
				kind: 'attack',
				attackerId: 'nx-110',
				target: { kind: 'relation', id: 'n106' }
			}
		]);
	});

	it('accepts integer and string ids for the same file alike', () => {
		const json = JSON.parse(aifdbFixture);
		for (const node of json.nodes) node.nodeID = String(node.nodeID);
		expect(bundleOf(importAif(JSON.stringify(json)))).toEqual(bundleOf(importAif(aifdbFixture)));
	});

	it('refuses an edge to a node that does not exist, with its path', () => {
		const json = JSON.parse(aifdbFixture);
		json.edges[4].toID = 99;
		expect(errorOf(importAif(JSON.stringify(json)))).toEqual({
			code: 'import_dangling_reference',
			path: ['edges', 4, 'toID'],
			detail: '99'
		});
		const ova = JSON.parse(ovaFixture);
		ova.AIF.edges[0].fromID = 'nope';
		expect(errorOf(importAif(JSON.stringify(ova)))).toEqual({
			code: 'import_dangling_reference',
			path: ['AIF', 'edges', 0, 'fromID'],
			detail: 'nope'
		});
	});

	it('refuses duplicate node ids and I-nodes without text', () => {
		const json = JSON.parse(aifdbFixture);
		json.nodes[3].nodeID = '2';
		expect(errorOf(importAif(JSON.stringify(json)))).toEqual({
			code: 'import_invalid_document',
			path: ['nodes', 3, 'nodeID'],
			detail: 'duplicate_id'
		});
		const untitled = JSON.parse(ovaFixture);
		delete untitled.AIF.nodes[1].text;
		expect(errorOf(importAif(JSON.stringify(untitled)))?.path).toEqual(['AIF', 'nodes', 1, 'text']);
	});

	it('skips and lists what our model cannot hold', () => {
		const json = {
			nodes: [
				{ nodeID: 1, type: 'I', text: 'A' },
				{ nodeID: 2, type: 'I', text: 'B' },
				{ nodeID: 3, type: 'RA', text: 'no conclusion' },
				{ nodeID: 4, type: 'CA', text: 'attacks a conflict' },
				{ nodeID: 5, type: 'CA', text: 'B against A' },
				{ nodeID: 6, type: 'MA', text: 'Default Rephrase' }
			],
			edges: [
				{ fromID: 1, toID: 3 },
				{ fromID: 2, toID: 1 },
				{ fromID: 1, toID: 4 },
				{ fromID: 4, toID: 5 },
				{ fromID: 2, toID: 5 },
				{ fromID: 5, toID: 1 },
				{ fromID: 1, toID: 6 },
				{ fromID: 6, toID: 2 }
			]
		};
		const result = importAif(JSON.stringify(json));
		expect(result.ok && result.skipped).toEqual([
			'1 node of type MA',
			'1 edge from I to I',
			'1 edge from CA to CA',
			'1 RA node not mappable to a support',
			'1 CA node not mappable to an attack'
		]);
		expect(bundleOf(result).map.relations).toEqual([
			{ id: 'n5', kind: 'attack', attackerId: 'n2', target: { kind: 'statement', id: 'n1' } }
		]);
	});

	it('keeps the list of skipped node types short', () => {
		const nodes = [
			{ nodeID: 0, type: 'I', text: 'Only statement' },
			...Array.from({ length: 30 }, (_, index) => ({
				nodeID: index + 1,
				type: `X\n${index % 15}`,
				text: ''
			}))
		];
		const result = importAif(JSON.stringify({ nodes, edges: [] }));
		expect(result.ok && result.skipped).toEqual([
			...Array.from({ length: 9 }, (_, index) => `2 nodes of type X ${index}`),
			'12 nodes of 6 other types'
		]);
	});

	it('makes each top of several unconnected arguments a main claim', () => {
		const json = {
			nodes: [
				{ nodeID: '1', type: 'I', text: 'Claim one' },
				{ nodeID: '2', type: 'I', text: 'Reason one' },
				{ nodeID: '3', type: 'RA', text: '' },
				{ nodeID: '4', type: 'I', text: 'Claim two' },
				{ nodeID: '5', type: 'I', text: 'Reason two' },
				{ nodeID: '6', type: 'RA', text: '' },
				{ nodeID: '7', type: 'I', text: 'A loose remark' }
			],
			edges: [
				{ fromID: '2', toID: '3' },
				{ fromID: '3', toID: '1' },
				{ fromID: '5', toID: '6' },
				{ fromID: '6', toID: '4' }
			]
		};
		const { map } = bundleOf(importAif(JSON.stringify(json)));
		expect(map.statements.map(({ role }) => role)).toEqual([
			'main_claim',
			'premise',
			'main_claim',
			'premise',
			'premise'
		]);
	});

	it('points at the block when its data breaks the map', () => {
		const json = JSON.parse(exportAif(sampleBundle(), { now }));
		json.argumap.statements[3].anchors[0].end = body.length + 5;
		expect(errorOf(importAif(JSON.stringify(json)))).toEqual({
			code: 'import_invalid_document',
			path: ['argumap', 'statements', 3, 'anchors', 0],
			detail: 'anchor_out_of_range'
		});
		json.argumap.statements[3].anchors = [];
		json.argumap.relations[1].id = 'claim';
		expect(errorOf(importAif(JSON.stringify(json)))).toEqual({
			code: 'import_invalid_document',
			path: ['argumap', 'relations', 1, 'id'],
			detail: 'duplicate_id'
		});
		json.argumap.relations[1].id = 'bad id';
		expect(errorOf(importAif(JSON.stringify(json)))?.path).toEqual([
			'argumap',
			'relations',
			1,
			'id'
		]);
	});

	it('refuses what is not AIF, and reports malformed JSON with line and column', () => {
		expect(errorOf(importAif(exportArgumapJson(sampleBundle())))).toEqual({
			code: 'import_unknown_format',
			detail: 'argumap-bundle'
		});
		expect(errorOf(importAif('[1, 2]'))?.code).toBe('import_unknown_format');
		expect(errorOf(importAif('{"nodes": []}'))).toEqual({ code: 'import_empty' });
		expect(errorOf(importAif('{\n  "nodes": [\n    {"nodeID": 1 "type": "I"}\n  ]\n}'))).toEqual({
			code: 'import_not_json',
			line: 3,
			column: 18
		});
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
					const result = importAif(text);
					expect(result.ok ? 'ok' : result.error.code).toMatch(/^(ok|import_[a-z_]+)$/);
				}
			)
		);
	});

	it('never throws on a damaged AIF or OVA file, and what it accepts is valid', () => {
		const damaged = arbitraryBundle().chain((bundle) =>
			fc.oneof(
				arbitraryMutationOf(exportAif(bundle, { now })),
				arbitraryMutationOf(withoutArgumapBlock(exportOva(bundle, { now })))
			)
		);
		fc.assert(
			fc.property(fc.oneof(damaged, arbitraryMutationOf(aifdbFixture)), (text) => {
				const result = importAif(text);
				if (!result.ok) {
					expect(result.error.code).toMatch(/^import_/);
					return;
				}
				const { map, commentary } = result.bundle;
				const reimported = importAif(exportAif(result.bundle, { now }));
				expect(reimported.ok && reimported.bundle.map).toEqual(map);
				expect(commentary.body.length).toBeGreaterThan(0);
			})
		);
	});
});

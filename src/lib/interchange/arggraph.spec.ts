import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvariantViolations, type ArgumentMap } from '$lib/argument';
import { importArggraph } from './arggraph';
import { IMPORT_MAX_BYTES, type ImportResult, type MapBundle } from './types';

const fixture = readFileSync(
	new URL('./fixtures/arggraph/bike-lanes.xml', import.meta.url),
	'utf8'
);

function bundleOf(result: ImportResult): MapBundle & { skipped: string[] } {
	if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
	return { ...result.bundle, skipped: result.skipped };
}

function errorOf(result: ImportResult) {
	if (result.ok) throw new Error('import should have failed');
	return result.error;
}

/** A small arggraph document around the given elements. */
function graph(elements: string, rootAttributes = 'id="g1"'): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<arggraph ${rootAttributes}>\n${elements}\n</arggraph>\n`;
}

function relationsById(map: ArgumentMap) {
	return new Map(map.relations.map((relation) => [relation.id, relation]));
}

describe('importArggraph on the fixture', () => {
	const result = bundleOf(importArggraph(fixture, { language: 'en', title: 'ignored' }));
	const { map, commentary } = result;
	const statement = (id: string) => map.statements.find((s) => s.id === id);

	it('joins the EDUs with single spaces into the commentary, entities decoded', () => {
		expect(commentary.body).toBe(
			[
				'Main Street needs protected bike lanes.',
				'Painted lines do not keep cars out of the cycle lane,',
				'as the two riders hit near the station last spring found out,',
				'and in neighbouring towns kerbs have made such crashes rare.',
				'Shop owners warn that they would lose parking spaces',
				'and that delivery vans would have nowhere to stop.',
				'But most of their customers arrive on foot or by tram.',
				'One might object that drivers ignore kerbs as well,',
				'yet a kerb is much harder to cross than a line of paint.',
				'The council should start building them this year & not wait for the next plan.'
			].join(' ')
		);
		expect(commentary.language).toBe('en');
	});

	it('takes the title from the topic and stance', () => {
		expect(result.title).toBe('fixture_bike_lanes — protected_bike_lanes (pro)');
		expect(commentary.title).toBe(result.title);
	});

	it('makes every ADU a statement with its id, anchored to each of its EDUs', () => {
		expect(map.statements.map((s) => s.id)).toEqual([
			'a1',
			'a2',
			'a3',
			'a4',
			'a5',
			'a6',
			'a7',
			'a8',
			'a9'
		]);
		const claim = statement('a1');
		expect(claim?.anchors).toHaveLength(2);
		expect(claim?.text).toBe(
			'Main Street needs protected bike lanes. The council should start building them this year & not wait for the next plan.'
		);
		for (const s of map.statements) {
			expect(s.implicit).toBe(false);
			for (const anchor of s.anchors) {
				expect(commentary.body.slice(anchor.start, anchor.end)).toBe(anchor.quote);
			}
		}
		expect(statement('a6')?.anchors).toEqual([
			{
				start: commentary.body.indexOf('and that delivery'),
				end: commentary.body.indexOf('and that delivery') + 50,
				quote: 'and that delivery vans would have nowhere to stop.'
			}
		]);
	});

	it('derives the roles from the tree', () => {
		const roles = Object.fromEntries(map.statements.map((s) => [s.id, s.role]));
		expect(roles).toEqual({
			a1: 'main_claim',
			a2: 'intermediate_conclusion',
			a3: 'premise',
			a4: 'premise',
			a5: 'objection',
			a6: 'objection',
			a7: 'premise',
			a8: 'objection',
			a9: 'premise'
		});
	});

	it('maps sup and exa to supports, add to a linked premise', () => {
		const relations = relationsById(map);
		expect(relations.get('c1')).toEqual({
			id: 'c1',
			kind: 'support',
			premiseIds: ['a2', 'a4'],
			conclusionId: 'a1'
		});
		expect(relations.get('c2')).toEqual({
			id: 'c2',
			kind: 'support',
			premiseIds: ['a3'],
			conclusionId: 'a2'
		});
		expect(relations.has('c3')).toBe(false);
	});

	it('maps reb to a rebuttal and und on a support to an undercut', () => {
		const relations = relationsById(map);
		expect(relations.get('c4')).toEqual({
			id: 'c4',
			kind: 'attack',
			attackerId: 'a5',
			target: { kind: 'statement', id: 'a1' }
		});
		expect(relations.get('c7')).toEqual({
			id: 'c7',
			kind: 'attack',
			attackerId: 'a8',
			target: { kind: 'relation', id: 'c1' }
		});
		expect(relations.get('c8')).toEqual({
			id: 'c8',
			kind: 'attack',
			attackerId: 'a9',
			target: { kind: 'statement', id: 'a8' }
		});
	});

	it('keeps what the model cannot hold as plain attacks and lists them as skipped', () => {
		const relations = relationsById(map);
		// add on the rebuttal c4: a6 attacks a1 on its own.
		expect(relations.get('c5')).toEqual({
			id: 'c5',
			kind: 'attack',
			attackerId: 'a6',
			target: { kind: 'statement', id: 'a1' }
		});
		// und on the rebuttal c4: a7 attacks the attacker a5.
		expect(relations.get('c6')).toEqual({
			id: 'c6',
			kind: 'attack',
			attackerId: 'a7',
			target: { kind: 'statement', id: 'a5' }
		});
		expect(result.skipped).toHaveLength(2);
		expect(result.skipped.some((line) => line.startsWith('c5:'))).toBe(true);
		expect(result.skipped.some((line) => line.startsWith('c6:'))).toBe(true);
		// sup + exa + reb + und = 6 relations; the add on a support merges, the add on an attack adds one.
		expect(map.relations).toHaveLength(7);
	});

	it('gives a map without invariant violations', () => {
		expect(findInvariantViolations(map, commentary.body.length)).toEqual([]);
	});
});

describe('importArggraph titles and options', () => {
	const plain = graph(
		'<edu id="e1">Tea is good.</edu><adu id="a1" type="pro"/><edge id="c1" src="e1" trg="a1" type="seg"/>',
		'id="micro_x1"'
	);

	it('uses the given title, or a default, when there is no topic or stance', () => {
		expect(bundleOf(importArggraph(plain, { title: 'Tea' })).title).toBe('Tea');
		const untitled = bundleOf(importArggraph(plain));
		expect(untitled.title).toBe('Imported arggraph');
		expect(untitled.commentary.language).toBe('other');
		expect(untitled.map.statements[0]?.role).toBe('main_claim');
	});

	it('names a microtext after its id and topic', () => {
		const xml = plain.replace('id="micro_x1"', 'id="micro_x1" topic_id="tea"');
		expect(bundleOf(importArggraph(xml, { title: 'Tea' })).title).toBe('microtext micro_x1 — tea');
	});
});

describe('importArggraph structures beyond the fixture', () => {
	const units = (count: number, opp: number[] = []) =>
		Array.from({ length: count }, (_, i) => {
			const n = i + 1;
			const type = opp.includes(n) ? 'opp' : 'pro';
			return `<edu id="e${n}">Unit ${n}.</edu><adu id="a${n}" type="${type}"/><edge id="s${n}" src="e${n}" trg="a${n}" type="seg"/>`;
		}).join('\n');

	it('undercuts the linked support when und targets an add edge', () => {
		const xml = graph(
			`${units(4)}
			<edge id="c1" src="a2" trg="a1" type="sup"/>
			<edge id="c2" src="a3" trg="c1" type="add"/>
			<edge id="c3" src="a4" trg="c2" type="und"/>`
		);
		const { map, skipped } = bundleOf(importArggraph(xml));
		expect(relationsById(map).get('c3')).toMatchObject({ target: { kind: 'relation', id: 'c1' } });
		expect(skipped).toEqual([]);
	});

	it('handles und on an undercut and add on an undercut', () => {
		const xml = graph(
			`${units(5, [2, 4])}
			<edge id="c1" src="a2" trg="a1" type="reb"/>
			<edge id="c2" src="a3" trg="c1" type="und"/>
			<edge id="c3" src="a4" trg="c2" type="und"/>
			<edge id="c4" src="a5" trg="c2" type="add"/>`
		);
		const { map, skipped } = bundleOf(importArggraph(xml));
		const relations = relationsById(map);
		expect(relations.get('c2')).toMatchObject({ target: { kind: 'statement', id: 'a2' } });
		expect(relations.get('c3')).toMatchObject({
			attackerId: 'a4',
			target: { kind: 'statement', id: 'a3' }
		});
		expect(relations.get('c4')).toMatchObject({
			attackerId: 'a5',
			target: { kind: 'statement', id: 'a2' }
		});
		expect(skipped).toHaveLength(3);
		expect(findInvariantViolations(map)).toEqual([]);
	});

	it('anchors an ADU grounded in a joint of EDUs to each EDU', () => {
		const xml = graph(
			`<edu id="e1">First half,</edu><edu id="e2">second half.</edu>
			<joint id="j1"/>
			<adu id="a1" type="pro"/>
			<edge id="c1" src="e1" trg="j1" type="seg"/>
			<edge id="c2" src="e2" trg="j1" type="seg"/>
			<edge id="c3" src="j1" trg="a1" type="seg"/>`
		);
		const { map } = bundleOf(importArggraph(xml));
		expect(map.statements[0]?.anchors).toEqual([
			{ start: 0, end: 11, quote: 'First half,' },
			{ start: 12, end: 24, quote: 'second half.' }
		]);
		expect(map.statements[0]?.text).toBe('First half, second half.');
	});

	it('gives ids the model cannot use a clean, consistent replacement', () => {
		const xml = graph(
			`<edu id="e1">Claim.</edu><edu id="e2">Reason.</edu>
			<adu id="a.1" type="pro"/><adu id="a_1" type="pro"/>
			<edge id="s1" src="e1" trg="a.1" type="seg"/>
			<edge id="s2" src="e2" trg="a_1" type="seg"/>
			<edge id="c.1" src="a_1" trg="a.1" type="sup"/>`
		);
		const { map } = bundleOf(importArggraph(xml));
		const [claim, reason] = map.statements;
		expect(reason?.id).toBe('a_1');
		expect(claim?.id).not.toBe('a_1');
		expect(map.relations[0]).toEqual({
			id: 'c_1',
			kind: 'support',
			premiseIds: ['a_1'],
			conclusionId: claim?.id
		});
		expect(findInvariantViolations(map)).toEqual([]);
	});

	it('imports an ADU without text as an implicit statement', () => {
		const xml = graph(
			`${units(1)}<adu id="a2" type="pro"/><edge id="c1" src="a2" trg="a1" type="sup"/>`
		);
		const { map, skipped } = bundleOf(importArggraph(xml));
		expect(map.statements[1]).toMatchObject({ id: 'a2', implicit: true, anchors: [], text: '' });
		expect(skipped).toHaveLength(1);
	});
});

describe('importArggraph refusals', () => {
	it('refuses malformed XML with its line and column', () => {
		const xml = '<arggraph id="g">\n  <edu id="e1">x</edu>\n  <adu id="a1" type=pro/>\n</arggraph>';
		expect(errorOf(importArggraph(xml))).toMatchObject({
			code: 'import_not_xml',
			line: 3,
			column: 16
		});

		const mismatched = errorOf(importArggraph('<arggraph>\n<edu>x</adu>\n</arggraph>'));
		expect(mismatched).toMatchObject({ code: 'import_not_xml', line: 2 });
		expect(errorOf(importArggraph('not xml at all')).code).toBe('import_not_xml');
	});

	it('names a dangling reference and where it is', () => {
		const xml = graph(
			`<edu id="e1">x</edu><adu id="a1" type="pro"/>
<edge id="c1" src="e1" trg="a1" type="seg"/>
<edge id="c2" src="a9" trg="a1" type="sup"/>`
		);
		expect(errorOf(importArggraph(xml))).toEqual({
			code: 'import_dangling_reference',
			detail: 'a9',
			line: 5,
			column: 1
		});
		const undercut = graph(
			'<edu id="e1">x</edu><adu id="a1" type="pro"/><edge id="c1" src="a1" trg="c9" type="und"/>'
		);
		expect(errorOf(importArggraph(undercut))).toMatchObject({
			code: 'import_dangling_reference',
			detail: 'c9'
		});
	});

	it('refuses references to the wrong kind of node', () => {
		const xml = graph(
			'<edu id="e1">x</edu><adu id="a1" type="pro"/><adu id="a2" type="pro"/><edge id="c1" src="a2" trg="a1" type="add"/>'
		);
		expect(errorOf(importArggraph(xml)).code).toBe('import_unsupported_structure');
	});

	it('refuses documents that are not arggraphs or break its rules', () => {
		expect(errorOf(importArggraph('<graph/>'))).toMatchObject({
			code: 'import_unknown_format',
			detail: '<graph>'
		});
		expect(errorOf(importArggraph(graph('<edu id="x">a</edu><adu id="x" type="pro"/>'))).code).toBe(
			'import_invalid_document'
		);
		expect(errorOf(importArggraph(graph('<adu id="a1" type="maybe"/>'))).code).toBe(
			'import_invalid_document'
		);
		const selfSupport = graph(
			'<adu id="a1" type="pro"/><edge id="c1" src="a1" trg="a1" type="sup"/>'
		);
		expect(errorOf(importArggraph(selfSupport))).toMatchObject({
			code: 'import_invalid_document',
			detail: 'self_support: c1, a1'
		});
	});

	it('refuses empty and oversized input', () => {
		expect(errorOf(importArggraph('  \n')).code).toBe('import_empty');
		const huge = graph(`<edu id="e1">${'x'.repeat(IMPORT_MAX_BYTES)}</edu>`);
		expect(errorOf(importArggraph(huge)).code).toBe('import_too_large');
		// Counted in UTF-8 bytes, not characters.
		const wide = graph(`<edu id="e1">${'ä'.repeat(IMPORT_MAX_BYTES / 2)}</edu>`);
		expect(errorOf(importArggraph(wide)).code).toBe('import_too_large');
	});

	it('never throws on arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
				expect(typeof importArggraph(text).ok).toBe('boolean');
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws on damaged arggraph documents', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: fixture.length }),
				fc.nat({ max: fixture.length }),
				fc.constantFrom('', '<', '>', '"', '&', ']]>', '<edge id="c1"/>', 'a9', 'c1'),
				(from, length, insert) => {
					const damaged = fixture.slice(0, from) + insert + fixture.slice(from + length);
					expect(typeof importArggraph(damaged).ok).toBe('boolean');
				}
			),
			{ numRuns: 300 }
		);
	});
});

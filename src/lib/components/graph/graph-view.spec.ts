import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { ArgumentMap, Statement } from '$lib/argument';
import { graphElements } from '$lib/editor/graph-elements';
import { collapsedElements, outsideFocus } from './graph-view';

const statement = (id: string, role: Statement['role'] = 'premise'): Statement => ({
	id,
	text: id,
	role,
	implicit: false,
	anchors: [],
	note: ''
});

// claim ← s1 ← (a, b linked); a ← s2 ← deep; objection ⊣ claim
const map: ArgumentMap = {
	statements: [
		statement('claim', 'main_claim'),
		statement('a'),
		statement('b'),
		statement('deep'),
		statement('objection', 'objection')
	],
	relations: [
		{ id: 's1', kind: 'support', premiseIds: ['a', 'b'], conclusionId: 'claim' },
		{ id: 's2', kind: 'support', premiseIds: ['deep'], conclusionId: 'a' },
		{ id: 'x', kind: 'attack', attackerId: 'objection', target: { kind: 'statement', id: 'claim' } }
	]
};

function graph() {
	return cytoscape({ headless: true, elements: graphElements(map) });
}

const nodeIds = (collection: cytoscape.CollectionReturnValue) =>
	collection
		.nodes()
		.map((node) => node.id())
		.sort();

describe('collapsedElements', () => {
	it('hides the whole sub-tree arguing for or against a statement, not the statement', () => {
		expect(nodeIds(collapsedElements(graph(), ['a']))).toEqual(['deep', 's2']);
		expect(nodeIds(collapsedElements(graph(), ['claim']))).toEqual([
			'a',
			'b',
			'deep',
			'objection',
			's1',
			's2'
		]);
	});
});

describe('outsideFocus', () => {
	it('keeps statements within n relations of the selection', () => {
		expect(nodeIds(outsideFocus(graph(), 'claim', 1))).toEqual(['deep', 's2']);
		expect(nodeIds(outsideFocus(graph(), 'claim', 2))).toEqual([]);
		expect(nodeIds(outsideFocus(graph(), 'deep', 1))).toEqual(['b', 'claim', 'objection', 's1']);
	});
});

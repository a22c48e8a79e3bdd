import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleMap } from '$lib/argument/spec-fixtures';
import { graphElements } from '$lib/editor/graph-elements';
import { dotSource, layoutWithGraphviz, parsePlainPositions } from './graphviz-layout';

// The same engine the layout worker loads, run here in Node.
const graphviz = await Graphviz.load();
afterAll(() => Graphviz.unload());

describe('layoutWithGraphviz', () => {
	const map = sampleMap();
	const elements = graphElements(map);
	const positions = layoutWithGraphviz(graphviz, elements);

	it('places every statement and inference node', () => {
		const nodeIds = elements.filter((e) => e.group === 'nodes').map((e) => e.data.id);
		expect(nodeIds.length).toBeGreaterThan(map.statements.length);
		for (const id of nodeIds) {
			expect(positions[id], id).toEqual({ x: expect.any(Number), y: expect.any(Number) });
		}
		expect(Object.keys(positions).sort()).toEqual([...nodeIds].sort());
	});

	it('puts conclusions above their premises and no two statements on one spot', () => {
		for (const relation of map.relations) {
			if (relation.kind !== 'support') continue;
			const conclusion = positions[relation.conclusionId];
			for (const premiseId of relation.premiseIds) {
				expect(positions[premiseId]?.y ?? -Infinity).toBeGreaterThan(conclusion?.y ?? Infinity);
			}
		}
		const spots = map.statements.map((s) => `${positions[s.id]?.x},${positions[s.id]?.y}`);
		expect(new Set(spots).size).toBe(spots.length);
	});
});

describe('Graphviz input and output', () => {
	it('quotes every id, so ids with dashes stay one name', () => {
		const source = dotSource(graphElements(sampleMap()));
		expect(source).toContain('"s-main" -> "claim";');
	});

	it('reads node centres from plain output, flipping y for the screen', () => {
		const plain =
			'graph 1 3 2\nnode "a-1" 1.5 2 3.1 1 "" solid box black lightgrey\nnode b 0 0.5 1 1 "" solid box black lightgrey\nstop';
		expect(parsePlainPositions(plain)).toEqual({ 'a-1': { x: 108, y: -144 }, b: { x: 0, y: -36 } });
	});
});

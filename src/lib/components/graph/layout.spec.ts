import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { placeSupportNodes } from './layout';

/** Two arguments that share nothing: a ← s1 ← b, and c ← s2 ← d. */
function twoArguments() {
	const statement = (id: string, x: number, y: number) => ({
		group: 'nodes' as const,
		data: { id, kind: 'statement' },
		position: { x, y }
	});
	const support = (id: string) => ({
		group: 'nodes' as const,
		data: { id, kind: 'support' },
		position: { x: 0, y: 0 }
	});
	const edge = (id: string, source: string, target: string) => ({
		group: 'edges' as const,
		data: { id, source, target }
	});
	return cytoscape({
		headless: true,
		layout: { name: 'preset' },
		elements: [
			statement('a', 0, 0),
			statement('b', 0, 300),
			support('s1'),
			statement('c', 500, 0),
			statement('d', 500, 300),
			support('s2'),
			edge('b-s1', 'b', 's1'),
			edge('s1-a', 's1', 'a'),
			edge('d-s2', 'd', 's2'),
			edge('s2-c', 's2', 'c')
		]
	});
}

describe('placeSupportNodes', () => {
	it('puts every inference node a third of the way from its premises to its conclusion', () => {
		const cy = twoArguments();
		placeSupportNodes(cy.nodes('[kind = "support"]'));
		expect(cy.getElementById('s1').position()).toEqual({ x: 0, y: 200 });
		expect(cy.getElementById('s2').position()).toEqual({ x: 500, y: 200 });
	});

	it('moves only the inference nodes next to a dragged statement', () => {
		const cy = twoArguments();
		placeSupportNodes(cy.nodes('[kind = "support"]'));
		cy.getElementById('b').position({ x: 90, y: 600 });
		cy.getElementById('d').position({ x: 900, y: 900 });
		placeSupportNodes(cy.getElementById('b').neighborhood('node[kind = "support"]'));
		expect(cy.getElementById('s1').position()).toEqual({ x: 60, y: 400 });
		expect(cy.getElementById('s2').position()).toEqual({ x: 500, y: 200 });
	});
});

import type { CollectionReturnValue, Core } from 'cytoscape';

/** Everything that argues for or against the collapsed statements: their sub-trees. */
export function collapsedElements(cy: Core, collapsedIds: Iterable<string>): CollectionReturnValue {
	let hidden = cy.collection();
	for (const id of collapsedIds) {
		const node = cy.getElementById(id);
		if (node.nonempty()) hidden = hidden.union(node.predecessors());
	}
	return hidden;
}

/**
 * Everything further than `steps` relations from the statement. A support counts as one step
 * although it is drawn as two edges around its inference node.
 */
export function outsideFocus(cy: Core, id: string, steps: number): CollectionReturnValue {
	let near: CollectionReturnValue = cy.collection().union(cy.getElementById(id));
	for (let hop = 0; hop < steps * 2; hop += 1) near = near.closedNeighborhood();
	return cy.elements().difference(near);
}

import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import { supportNodePosition, type GraphElement } from '$lib/editor/graph-elements';
import type { LayoutPositions } from './graphviz-layout';

export const DAGRE_OPTIONS = {
	name: 'dagre',
	// Premises point at their conclusions; bottom-to-top puts the main claim on top.
	rankDir: 'BT',
	nodeSep: 30,
	rankSep: 45,
	edgeSep: 10,
	animate: false,
	fit: false
} as const;

/**
 * Puts each of `supports` (inference nodes) between its premises and its conclusion: all of a
 * map's, or those around a statement being dragged (doing all of a 3,000-statement map on every
 * move of the mouse made the drag stutter).
 */
export function placeSupportNodes(supports: NodeCollection): void {
	supports.forEach((support) => {
		const premises = support.incomers('node[kind = "statement"]').nodes();
		const conclusion = support.outgoers('node').nodes();
		if (premises.empty() || conclusion.empty()) return;
		support.position(
			supportNodePosition(
				premises.map((node) => node.position()),
				conclusion.first().position()
			)
		);
	});
}

/** A spot for a statement that has no stored position: below what it relates to, else below all. */
export function placeNewStatement(cy: Core, node: NodeSingular): void {
	const neighbours = node
		.neighborhood('node')
		.nodes()
		.filter((other) => other.id() !== node.id() && other.data('kind') === 'statement');
	if (neighbours.nonempty()) {
		const anchor = neighbours.nodes().first().position();
		node.position({ x: anchor.x + 40 * (neighbours.length - 1), y: anchor.y + 140 });
		return;
	}
	const placed = cy.nodes('[kind = "statement"]').not(node);
	const box = placed.boundingBox({});
	node.position(placed.empty() ? { x: 0, y: 0 } : { x: box.x1 + 110, y: box.y2 + 80 });
}

/**
 * From this many statements the layout runs in a worker: dagre on the page takes about 100 ms at
 * 50 statements on a slow machine and grows faster than linearly (seconds at 1,000).
 */
export const WORKER_LAYOUT_FROM = 50;

let worker: Worker | undefined;
let requests = 0;
const waiting = new Map<
	number,
	{ resolve(positions: LayoutPositions): void; reject(error: Error): void }
>();

/** Positions for every node, computed by Graphviz dot in a Web Worker. */
export function layoutInWorker(elements: GraphElement[]): Promise<LayoutPositions> {
	if (!worker) {
		worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (
			event: MessageEvent<{ id: number; positions?: LayoutPositions; error?: string }>
		) => {
			const { id, positions, error } = event.data;
			const request = waiting.get(id);
			waiting.delete(id);
			if (positions) request?.resolve(positions);
			else request?.reject(new Error(error ?? 'layout failed'));
		};
	}
	const id = ++requests;
	const promise = new Promise<LayoutPositions>((resolve, reject) =>
		waiting.set(id, { resolve, reject })
	);
	worker.postMessage({ id, elements });
	return promise;
}

// Lays out large maps with Graphviz dot (WebAssembly) off the main thread: dagre would block
// the page for seconds at 1,000 statements and more.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { GraphElement } from '$lib/editor/graph-elements';
import { layoutWithGraphviz } from './graphviz-layout';

export interface LayoutRequest {
	id: number;
	elements: GraphElement[];
}

const engine = Graphviz.load();

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
	const { id, elements } = event.data;
	try {
		self.postMessage({ id, positions: layoutWithGraphviz(await engine, elements) });
	} catch (error) {
		self.postMessage({ id, error: String(error) });
	}
};

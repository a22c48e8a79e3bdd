import type cytoscape from 'cytoscape';

let loading: Promise<typeof cytoscape> | undefined;
let loadingDagre: Promise<void> | undefined;
let dagreReady = false;
let loadingEdgeHandles: Promise<void> | undefined;

/**
 * cytoscape, loaded on first use: pages that show a graph fetch it once the page is up, and pages
 * without one never do (about 130 KB of gzipped JavaScript). Its extensions load on demand too.
 */
export function loadCytoscape(): Promise<typeof cytoscape> {
	loading ??= import('cytoscape').then(({ default: core }) => core);
	return loading;
}

/** The dagre layout: needed only to lay out statements that have no stored position. */
export function loadDagre(): Promise<void> {
	loadingDagre ??= loadExtension(import('cytoscape-dagre')).then(
		() => {
			dagreReady = true;
		},
		(error: unknown) => {
			loadingDagre = undefined; // the next call tries again
			throw error;
		}
	);
	return loadingDagre;
}

/** Whether the dagre layout can run right away. */
export function isDagreLoaded(): boolean {
	return dagreReady;
}

/** Drawing relations by dragging from node to node: needed only once someone starts drawing. */
export function loadEdgeHandles(): Promise<void> {
	loadingEdgeHandles ??= loadExtension(import('cytoscape-edgehandles')).catch((error: unknown) => {
		loadingEdgeHandles = undefined; // the next call tries again
		throw error;
	});
	return loadingEdgeHandles;
}

async function loadExtension(extension: Promise<{ default: cytoscape.Ext }>): Promise<void> {
	const [core, { default: ext }] = await Promise.all([loadCytoscape(), extension]);
	core.use(ext);
}

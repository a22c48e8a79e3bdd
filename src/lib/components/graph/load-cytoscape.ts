import type cytoscape from 'cytoscape';

/**
 * A download made once and shared by every caller while it is under way or done. A failed one is
 * forgotten, so the next call (a reader's "Try again", the next press of a button) downloads again.
 */
function onceUnlessFailed<T>(download: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () => {
		pending ??= download().catch((error: unknown) => {
			pending = undefined;
			throw error;
		});
		return pending;
	};
}

/**
 * cytoscape, loaded on first use: pages that show a graph fetch it once the page is up, and pages
 * without one never do (about 130 KB of gzipped JavaScript). Its extensions load on demand too.
 */
export const loadCytoscape = onceUnlessFailed(() =>
	import('cytoscape').then(({ default: core }) => core)
);

let dagreReady = false;

/** The dagre layout: needed only to lay out statements that have no stored position. */
export const loadDagre = onceUnlessFailed(async () => {
	await loadExtension(import('cytoscape-dagre'));
	dagreReady = true;
});

/** Whether the dagre layout can run right away. */
export function isDagreLoaded(): boolean {
	return dagreReady;
}

/** Drawing relations by dragging from node to node: needed only once someone starts drawing. */
export const loadEdgeHandles = onceUnlessFailed(() =>
	loadExtension(import('cytoscape-edgehandles'))
);

async function loadExtension(extension: Promise<{ default: cytoscape.Ext }>): Promise<void> {
	const [core, { default: ext }] = await Promise.all([loadCytoscape(), extension]);
	core.use(ext);
}

import type cytoscape from 'cytoscape';

let loading: Promise<typeof cytoscape> | undefined;

/**
 * cytoscape and its extensions, loaded on first use: pages that show a graph fetch them once the
 * page is up, and pages without one never do (about 140 KB of gzipped JavaScript).
 */
export function loadCytoscape(): Promise<typeof cytoscape> {
	loading ??= Promise.all([
		import('cytoscape'),
		import('cytoscape-dagre'),
		import('cytoscape-edgehandles')
	]).then(([{ default: core }, { default: dagre }, { default: edgehandles }]) => {
		core.use(dagre);
		core.use(edgehandles);
		return core;
	});
	return loading;
}

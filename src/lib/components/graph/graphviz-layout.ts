import type { GraphElement } from '$lib/editor/graph-elements';
import { STATEMENT_PADDING, STATEMENT_WIDTH } from './graph-style';

/** The part of @hpcc-js/wasm-graphviz this module needs, so callers load the engine. */
export interface GraphvizEngine {
	layout(dotSource: string, outputFormat: 'plain', layoutEngine: 'dot'): string;
}

export type LayoutPositions = Record<string, { x: number; y: number }>;

const POINTS_PER_INCH = 72;
/** What a statement's box adds to its label on each side: padding, border and a little air. */
const STATEMENT_MARGIN = STATEMENT_PADDING + 2;
const SUPPORT_SIZE = 20;

const inches = (pixels: number) => (pixels / POINTS_PER_INCH).toFixed(3);

/**
 * Graphviz dot input for the graph: the same ranks as the editor's dagre layout (premises below
 * their conclusions), with fixed node sizes so the engine does no text measuring.
 */
export function dotSource(elements: readonly GraphElement[]): string {
	const lines = [
		'digraph argument {',
		// Straight edges: cytoscape draws its own, so dot need not route splines (most of its time).
		'rankdir=BT; nodesep=0.45; ranksep=0.6; splines=false;',
		'node [shape=box fixedsize=true label=""];'
	];
	for (const element of elements) {
		const id = JSON.stringify(element.data.id);
		if (element.group === 'nodes') {
			const statement = element.data.kind === 'statement' ? element.data : null;
			const width = statement ? STATEMENT_WIDTH + 2 * STATEMENT_MARGIN : SUPPORT_SIZE;
			const height = statement ? statement.height + 2 * STATEMENT_MARGIN : SUPPORT_SIZE;
			lines.push(`${id} [width=${inches(width)} height=${inches(height)}];`);
		} else {
			lines.push(
				`${JSON.stringify(element.data.source)} -> ${JSON.stringify(element.data.target)};`
			);
		}
	}
	lines.push('}');
	return lines.join('\n');
}

/** Node centres from Graphviz's `plain` output, in screen pixels (y grows downwards). */
export function parsePlainPositions(plain: string): LayoutPositions {
	const positions: LayoutPositions = {};
	for (const line of plain.split('\n')) {
		if (!line.startsWith('node ')) continue;
		const match = /^node ("(?:[^"\\]|\\.)*"|\S+) (\S+) (\S+)/.exec(line);
		if (!match?.[1] || !match[2] || !match[3]) continue;
		const id = match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : match[1];
		positions[id] = {
			x: Math.round(Number(match[2]) * POINTS_PER_INCH),
			y: Math.round(-Number(match[3]) * POINTS_PER_INCH)
		};
	}
	return positions;
}

/** Lays the graph out with Graphviz dot; a position for every node in `elements`. */
export function layoutWithGraphviz(
	engine: GraphvizEngine,
	elements: readonly GraphElement[]
): LayoutPositions {
	return parsePlainPositions(engine.layout(dotSource(elements), 'plain', 'dot'));
}

import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { ArgumentMap } from '$lib/argument';
import { DAGRE_OPTIONS } from '$lib/components/graph/layout';
import { graphElements, supportNodePosition } from '$lib/editor/graph-elements';

cytoscape.use(dagre);

export const NODE_WIDTH = 200;
export const LINE_HEIGHT = 16;
export const NODE_PADDING = 10;
export const CHARS_PER_LINE = 25;
export const SUPPORT_SIZE = 14;

export interface LaidOutNode {
	id: string;
	x: number;
	y: number;
	width: number;
	height: number;
	lines: string[];
}

/** Greedy word wrap; words longer than a line (German compounds) are cut with a hyphen. */
export function wrapLabel(text: string, width = CHARS_PER_LINE): string[] {
	const lines: string[] = [];
	let line = '';
	for (let word of text.replace(/\s+/g, ' ').trim().split(' ')) {
		while ([...word].length > width) {
			if (line) {
				lines.push(line);
				line = '';
			}
			const chars = [...word];
			lines.push(`${chars.slice(0, width - 1).join('')}-`);
			word = chars.slice(width - 1).join('');
		}
		if (!line) line = word;
		else if ([...line].length + 1 + [...word].length <= width) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * Positions for every statement and inference node, as the editor would show them: the
 * positions the user placed, else the same dagre layout, headless (no DOM needed).
 */
export function layoutMap(map: ArgumentMap, maxLabelLength = 140): Map<string, LaidOutNode> {
	const elements = graphElements(map);
	const lines = new Map(
		map.statements.map((statement) => {
			const text =
				statement.text.length > maxLabelLength
					? `${statement.text.slice(0, maxLabelLength - 1)}…`
					: statement.text;
			return [statement.id, wrapLabel(text)];
		})
	);
	const sizeOf = (id: string) => {
		const label = lines.get(id);
		return label
			? { width: NODE_WIDTH, height: label.length * LINE_HEIGHT + NODE_PADDING * 2 }
			: { width: SUPPORT_SIZE, height: SUPPORT_SIZE };
	};
	const cy = cytoscape({
		headless: true,
		styleEnabled: true,
		elements,
		style: [
			{
				selector: 'node',
				style: {
					width: (node: cytoscape.NodeSingular) => sizeOf(node.id()).width,
					height: (node: cytoscape.NodeSingular) => sizeOf(node.id()).height
				}
			}
		]
	});
	if (!map.statements.some((statement) => statement.position)) {
		cy.layout({ ...DAGRE_OPTIONS }).run();
	}
	const result = new Map<string, LaidOutNode>();
	cy.nodes().forEach((node) => {
		const { x, y } = node.position();
		result.set(node.id(), {
			id: node.id(),
			x,
			y,
			...sizeOf(node.id()),
			lines: lines.get(node.id()) ?? []
		});
	});
	// Inference nodes sit between their premises and conclusion when positions are the user's.
	if (map.statements.some((statement) => statement.position)) {
		for (const relation of map.relations) {
			if (relation.kind !== 'support') continue;
			const premises = relation.premiseIds
				.map((id) => result.get(id))
				.filter((n) => n !== undefined);
			const conclusion = result.get(relation.conclusionId);
			const node = result.get(relation.id);
			if (!node || !conclusion || premises.length === 0) continue;
			Object.assign(node, supportNodePosition(premises, conclusion));
		}
	}
	cy.destroy();
	return result;
}

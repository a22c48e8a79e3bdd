import type { ArgumentMap, StatementRole } from '$lib/argument';
import { ROLE_COLOURS } from '$lib/components/graph/graph-style';
import { LINE_HEIGHT, layoutMap, type LaidOutNode } from './graph-layout';

const MARGIN = 24;

// Characters XML 1.0 cannot hold (NUL, most controls, lone surrogates) are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an SVG/XML text node or attribute: escaped, and only characters XML allows. */
export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

function edgePoint(from: LaidOutNode, to: LaidOutNode): { x: number; y: number } {
	// Where the line from `from` to `to` leaves `to`'s box, so arrowheads touch the border.
	const dx = from.x - to.x;
	const dy = from.y - to.y;
	if (dx === 0 && dy === 0) return { x: to.x, y: to.y };
	const scale = Math.min(
		dx === 0 ? Infinity : to.width / 2 / Math.abs(dx),
		dy === 0 ? Infinity : to.height / 2 / Math.abs(dy)
	);
	return { x: to.x + dx * scale, y: to.y + dy * scale };
}

/**
 * The map's graph as a standalone SVG: plain shapes and text, every user text escaped, and no
 * script, foreignObject or event attribute, so it is safe to open and to embed anywhere.
 */
export function exportSvg(map: ArgumentMap, title: string): string {
	const nodes = layoutMap(map);
	const all = [...nodes.values()];
	const minX = Math.min(0, ...all.map((n) => n.x - n.width / 2)) - MARGIN;
	const minY = Math.min(0, ...all.map((n) => n.y - n.height / 2)) - MARGIN;
	const maxX = Math.max(0, ...all.map((n) => n.x + n.width / 2)) + MARGIN;
	const maxY = Math.max(0, ...all.map((n) => n.y + n.height / 2)) + MARGIN;
	const width = Math.round(maxX - minX);
	const height = Math.round(maxY - minY);
	const round = (value: number) => Math.round(value * 10) / 10;

	const edges: string[] = [];
	const line = (fromId: string, toId: string, kind: 'premise' | 'conclusion' | 'attack') => {
		const from = nodes.get(fromId);
		const to = nodes.get(toId);
		if (!from || !to) return;
		const start = edgePoint(to, from);
		const end = edgePoint(from, to);
		const marker =
			kind === 'conclusion'
				? ' marker-end="url(#arrow)"'
				: kind === 'attack'
					? ' marker-end="url(#tee)"'
					: '';
		edges.push(
			`<line class="${kind === 'attack' ? 'attack' : 'support'}" x1="${round(start.x)}" y1="${round(start.y)}" x2="${round(end.x)}" y2="${round(end.y)}"${marker}/>`
		);
	};
	for (const relation of map.relations) {
		if (relation.kind === 'support') {
			for (const premiseId of relation.premiseIds) line(premiseId, relation.id, 'premise');
			line(relation.id, relation.conclusionId, 'conclusion');
		} else {
			line(relation.attackerId, relation.target.id, 'attack');
		}
	}

	const shapes: string[] = [];
	for (const relation of map.relations) {
		const node = nodes.get(relation.id);
		if (relation.kind !== 'support' || !node) continue;
		const r = node.width / 2;
		shapes.push(
			`<polygon class="inference" points="${round(node.x)},${round(node.y - r)} ${round(node.x + r)},${round(node.y)} ${round(node.x)},${round(node.y + r)} ${round(node.x - r)},${round(node.y)}"/>`
		);
	}
	for (const statement of map.statements) {
		const node = nodes.get(statement.id);
		if (!node) continue;
		const role: StatementRole = statement.role;
		const colour = ROLE_COLOURS[role];
		const top = node.y - node.height / 2;
		const tspans = node.lines
			.map(
				(text, index) =>
					`<tspan x="${round(node.x)}" y="${round(top + 10 + LINE_HEIGHT * (index + 0.75))}">${escapeXml(text)}</tspan>`
			)
			.join('');
		shapes.push(
			`<g class="statement"><rect x="${round(node.x - node.width / 2)}" y="${round(top)}" width="${node.width}" height="${node.height}" rx="8" fill="${colour.fill}" stroke="${colour.border}" stroke-width="2"${statement.implicit ? ' stroke-dasharray="6 4"' : ''}/><text fill="${colour.text}">${tspans}</text></g>`
		);
	}

	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${round(minX)} ${round(minY)} ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
		`<title>${escapeXml(title)}</title>`,
		'<defs>',
		'<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#2e7d32"/></marker>',
		'<marker id="tee" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M9,0 L9,10" stroke="#b42318" stroke-width="3"/></marker>',
		'<style>line.support{stroke:#2e7d32;stroke-width:2}line.attack{stroke:#b42318;stroke-width:2}polygon.inference{fill:#2e7d32}text{text-anchor:middle}</style>',
		'</defs>',
		`<rect x="${round(minX)}" y="${round(minY)}" width="${width}" height="${height}" fill="#ffffff"/>`,
		...edges,
		...shapes,
		'</svg>',
		''
	].join('\n');
}

import type { StylesheetJson } from 'cytoscape';

/** Role colours, shared with the text highlights (app.css uses the same values). */
export const ROLE_COLOURS = {
	main_claim: { fill: '#1d4e89', text: '#ffffff', border: '#0f2f57' },
	intermediate_conclusion: { fill: '#d6e4f5', text: '#102a4c', border: '#1d4e89' },
	premise: { fill: '#e3f1e3', text: '#173d1a', border: '#2e7d32' },
	objection: { fill: '#fbe4e2', text: '#5c130d', border: '#b42318' }
} as const;

/** The halo around commented statements and relations; no role or state uses this colour. */
export const COMMENT_MARK_COLOUR = '#0a7282';

/** The ring around statements with a cross-map link in a comparison (the badges' colour). */
export const LINK_MARK_COLOUR = '#4b3f9e';

const LABEL_FONT_SIZE = 13;
const LABEL_MAX_WIDTH = 180;
/** Padding between a statement's label and its border, on every side. */
export const STATEMENT_PADDING = 10;
export const STATEMENT_WIDTH = 200;

/**
 * Advance widths in em, generous for the common sans-serif faces, so a box is never too short for
 * its text: narrow letters and punctuation, wide letters, capitals and digits, the rest.
 */
function charWidth(char: string): number {
	if (" iljtfrI.,;:!|'’()[]-".includes(char)) return 0.34;
	if ('mwMW@%'.includes(char)) return 0.9;
	if ((char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9')) return 0.7;
	return 0.6;
}

function textWidth(text: string): number {
	let em = 0;
	for (const char of text) em += charWidth(char);
	return em * LABEL_FONT_SIZE;
}

/**
 * The height of a statement's label as cytoscape wraps it (words onto lines of at most
 * LABEL_MAX_WIDTH, one line per font size), estimated without measuring text. Nodes get it as a
 * fixed height: a `height: label` node measured before the first draw keeps a cached zero height.
 */
export function statementLabelHeight(label: string): number {
	let lines = 0;
	for (const paragraph of label.split('\n')) {
		lines += 1;
		let lineWidth = 0;
		for (const word of paragraph.split(' ')) {
			const wordWidth = textWidth(word);
			const widened = lineWidth === 0 ? wordWidth : lineWidth + textWidth(' ') + wordWidth;
			if (lineWidth > 0 && widened > LABEL_MAX_WIDTH) {
				lines += 1;
				lineWidth = wordWidth;
			} else {
				lineWidth = widened;
			}
		}
	}
	return lines * LABEL_FONT_SIZE;
}

export const graphStyle: StylesheetJson = [
	{
		selector: 'node[kind = "statement"]',
		style: {
			shape: 'round-rectangle',
			label: 'data(label)',
			'text-wrap': 'wrap',
			'text-max-width': `${LABEL_MAX_WIDTH}px`,
			'text-valign': 'center',
			'text-halign': 'center',
			'font-size': LABEL_FONT_SIZE,
			'font-family': 'system-ui, sans-serif',
			width: STATEMENT_WIDTH,
			height: 'data(height)',
			padding: `${STATEMENT_PADDING}px`,
			'border-width': 2
		}
	},
	...Object.entries(ROLE_COLOURS).map(([role, colour]) => ({
		selector: `node[role = "${role}"]`,
		style: { 'background-color': colour.fill, color: colour.text, 'border-color': colour.border }
	})),
	{ selector: 'node[?implicit]', style: { 'border-style': 'dashed', 'border-width': 3 } },
	{
		selector: 'node[kind = "support"]',
		style: {
			shape: 'diamond',
			width: 14,
			height: 14,
			'background-color': '#2e7d32',
			'border-width': 0
		}
	},
	{ selector: 'node[kind = "support"][?linked]', style: { width: 20, height: 20 } },
	{
		selector: 'node[comments > 0]',
		style: {
			'underlay-color': COMMENT_MARK_COLOUR,
			'underlay-opacity': 0.55,
			'underlay-padding': 7,
			'underlay-shape': 'round-rectangle'
		}
	},
	{ selector: 'node[kind = "support"][comments > 0]', style: { 'underlay-shape': 'ellipse' } },
	{
		selector: 'node[?badge]',
		style: {
			'outline-width': 3,
			'outline-color': LINK_MARK_COLOUR,
			'outline-offset': 2
		}
	},
	{
		selector: 'edge',
		style: {
			width: 2,
			'curve-style': 'bezier',
			'line-color': '#2e7d32',
			'target-arrow-color': '#2e7d32',
			'target-arrow-shape': 'triangle',
			'arrow-scale': 1.2
		}
	},
	{ selector: 'edge[kind = "premise"]', style: { 'target-arrow-shape': 'none' } },
	{
		selector: 'edge[comments > 0]',
		style: {
			'underlay-color': COMMENT_MARK_COLOUR,
			'underlay-opacity': 0.55,
			'underlay-padding': 5
		}
	},
	{
		selector: 'edge[kind = "attack"]',
		style: {
			'line-color': '#b42318',
			'target-arrow-color': '#b42318',
			'target-arrow-shape': 'tee',
			'line-style': 'solid'
		}
	},
	// The draft layer: suggestions not yet accepted, hollow and dashed.
	{
		selector: 'node[?draft]',
		style: {
			'background-color': '#ffffff',
			color: '#1f2933',
			'border-style': 'dashed',
			'border-width': 3
		}
	},
	{ selector: 'edge[?draft]', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 5] } },
	{
		selector: '.is-selected',
		style: { 'border-width': 5, 'border-color': '#f2b134', 'line-color': '#f2b134' }
	},
	{ selector: 'node[kind = "support"].is-selected', style: { 'background-color': '#f2b134' } },
	{ selector: '.connect-source', style: { 'border-width': 5, 'border-color': '#7b3fa0' } },
	{ selector: '.hidden', style: { display: 'none' } },
	{ selector: 'node.is-collapsed', style: { 'border-style': 'double', 'border-width': 7 } },
	{
		selector: 'edge[kind = "draft"], .eh-ghost-edge, .eh-preview',
		style: { 'line-color': '#7b3fa0', 'target-arrow-color': '#7b3fa0', 'line-style': 'dashed' }
	},
	{ selector: '.eh-hover', style: { 'border-width': 5, 'border-color': '#7b3fa0' } }
];

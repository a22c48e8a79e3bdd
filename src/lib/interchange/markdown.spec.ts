import { describe, expect, it } from 'vitest';
import type { MapBundle } from './types';
import { exportMarkdownOutline, type OutlineLabels } from './markdown';

const labels: OutlineLabels = {
	roles: {
		main_claim: 'Main claim',
		intermediate_conclusion: 'Intermediate conclusion',
		premise: 'Premise',
		objection: 'Objection'
	},
	implicit: 'implicit',
	support: 'supported by',
	linkedSupport: 'supported jointly by',
	rebuttal: 'rebuttal',
	undercut: 'undercut',
	seeAbove: 'see above'
};

const bundle: MapBundle = {
	title: 'Karte #1',
	commentary: {
		title: 'Kommentar',
		author: 'A. Autorin',
		outlet: 'Zeitung',
		language: 'de',
		publishedOn: null,
		sourceUrl: null,
		body: 'x'
	},
	map: {
		statements: [
			{
				id: 'c',
				text: 'Reden *hilft*',
				role: 'main_claim',
				implicit: false,
				anchors: [],
				note: ''
			},
			{
				id: 'p',
				text: 'Gespräche [wirken]',
				role: 'premise',
				implicit: false,
				anchors: [],
				note: ''
			},
			{ id: 'q', text: 'Unausgesprochen', role: 'premise', implicit: true, anchors: [], note: '' },
			{ id: 'o', text: 'Machtkalkül', role: 'objection', implicit: false, anchors: [], note: '' },
			{ id: 'u', text: 'Lawrow', role: 'objection', implicit: false, anchors: [], note: '' }
		],
		relations: [
			{ id: 's', kind: 'support', premiseIds: ['p', 'q'], conclusionId: 'c' },
			{ id: 'r', kind: 'attack', attackerId: 'o', target: { kind: 'statement', id: 'c' } },
			{ id: 'x', kind: 'attack', attackerId: 'u', target: { kind: 'relation', id: 's' } }
		]
	}
};

describe('exportMarkdownOutline', () => {
	it('nests supports, rebuttals and undercuts under what they argue about, with markup escaped', () => {
		expect(exportMarkdownOutline(bundle, labels)).toBe(
			[
				'# Karte \\#1',
				'',
				'*Kommentar* — A\\. Autorin, Zeitung',
				'',
				'- **Main claim:** Reden \\*hilft\\*',
				'  - *supported jointly by*',
				'    - **Premise:** Gespräche \\[wirken\\]',
				'    - **Premise, implicit:** Unausgesprochen',
				'    - *undercut:* **Objection:** Lawrow',
				'  - *rebuttal:* **Objection:** Machtkalkül',
				''
			].join('\n')
		);
	});
});

import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import {
	badgeText,
	graphElements,
	LABEL_MAX_LENGTH,
	shortLabel,
	type GraphNode
} from './graph-elements';

const map: ArgumentMap = {
	statements: [
		{ id: 'c', text: 'Claim', role: 'main_claim', implicit: false, anchors: [], note: '' },
		{ id: 'p1', text: 'P1', role: 'premise', implicit: false, anchors: [], note: '' },
		{ id: 'p2', text: 'P2', role: 'premise', implicit: true, anchors: [], note: '' },
		{ id: 'o', text: 'O', role: 'objection', implicit: false, anchors: [], note: '' }
	],
	relations: [
		{ id: 'r1', kind: 'support', premiseIds: ['p1', 'p2'], conclusionId: 'c' },
		{ id: 'r2', kind: 'attack', attackerId: 'o', target: { kind: 'relation', id: 'r1' } }
	]
};

describe('graphElements', () => {
	it('draws a linked support as one inference node with an edge from each premise', () => {
		const elements = graphElements(map);
		const support = elements.find((e) => e.data.id === 'r1');
		expect(support?.group).toBe('nodes');
		expect(support?.data).toMatchObject({ kind: 'support', linked: true });
		const intoSupport = elements.filter((e) => e.group === 'edges' && e.data.target === 'r1');
		expect(intoSupport.map((e) => e.data.kind).sort()).toEqual(['attack', 'premise', 'premise']);
		expect(elements.find((e) => e.data.id === 'r1__c')?.data).toMatchObject({
			source: 'r1',
			target: 'c'
		});
	});

	it('places an inference node a third of the way from its premises to its conclusion once all three have places', () => {
		const at = (id: string, x: number, y: number) => ({ id, position: { x, y } });
		const spots = new Map(
			[at('c', 0, 0), at('p1', -90, 300), at('p2', 90, 300)].map((s) => [s.id, s])
		);
		const placed = (ids: string[]): ArgumentMap => ({
			...map,
			statements: map.statements.map((statement) =>
				ids.includes(statement.id)
					? { ...statement, position: spots.get(statement.id)!.position }
					: statement
			)
		});
		const support = (document: ArgumentMap) =>
			graphElements(document).find((e) => e.data.id === 'r1') as GraphNode;
		expect(support(placed(['c', 'p1', 'p2'])).position).toEqual({ x: 0, y: 200 });
		// One premise without a place: the editor places the node once the premise is drawn.
		expect(support(placed(['c', 'p1'])).position).toBeUndefined();
		expect(support(map).position).toBeUndefined();
	});

	it('points an undercut at the inference node and marks implicit statements', () => {
		const elements = graphElements(map);
		expect(elements.find((e) => e.data.id === 'r2')?.data).toMatchObject({
			kind: 'attack',
			source: 'o',
			target: 'r1'
		});
		expect(elements.find((e) => e.data.id === 'p2')?.data).toMatchObject({ implicit: true });
	});

	it('carries comment counts on statements, inference nodes and attack edges', () => {
		const elements = graphElements(
			map,
			new Map([
				['c', 2],
				['r1', 1],
				['r2', 3]
			])
		);
		const comments = (id: string) => elements.find((e) => e.data.id === id)?.data.comments;
		expect([comments('c'), comments('p1'), comments('r1'), comments('r2')]).toEqual([2, 0, 1, 3]);
		expect(comments('r1__c')).toBe(0);
		expect(graphElements(map).every((e) => e.data.comments === 0)).toBe(true);
	});

	it('puts the numbers of cross-map links on their statements, above the text', () => {
		const elements = graphElements(map, new Map(), undefined, new Map([['c', [1, 3]]]));
		expect(elements.find((e) => e.data.id === 'c')?.data).toMatchObject({
			badge: '#1 #3',
			label: '#1 #3\nClaim'
		});
		expect(elements.find((e) => e.data.id === 'p1')?.data).toMatchObject({
			badge: '',
			label: 'P1'
		});
	});
});

describe('badgeText', () => {
	it('lists the link numbers, nothing without links', () => {
		expect(badgeText([2])).toBe('#2');
		expect(badgeText([])).toBe('');
		expect(badgeText()).toBe('');
	});
});

describe('shortLabel', () => {
	it('folds whitespace and shortens long texts with an ellipsis', () => {
		expect(shortLabel(' a\n\tb ')).toBe('a b');
		const long = shortLabel('Waffenruhe '.repeat(40));
		expect(long.length).toBe(LABEL_MAX_LENGTH);
		expect(long.endsWith('…')).toBe(true);
	});

	it('adds the suggestions as draft nodes and edges, a draft support as a single edge', () => {
		const elements = graphElements(map, new Map(), {
			statements: [{ id: 'ds-1-9', text: 'Suggested', role: 'premise' }],
			relations: [
				{ id: 'dr-1-9', kind: 'support', source: 'ds-1-9', target: 'c' },
				{ id: 'dr-2-5', kind: 'attack', source: 'o', target: 'ds-1-9' }
			]
		});
		const drafts = elements.filter((e) => 'draft' in e.data && e.data.draft);
		expect(drafts.map((e) => [e.group, e.data.id, e.data.kind])).toEqual([
			['nodes', 'ds-1-9', 'statement'],
			['edges', 'dr-1-9', 'conclusion'],
			['edges', 'dr-2-5', 'attack']
		]);
		expect(graphElements(map).some((e) => 'draft' in e.data)).toBe(false);
	});
});

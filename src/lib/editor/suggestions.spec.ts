import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import type { StructureSuggestion, UnitAnalysis } from '$lib/suggest';
import { MapEditor } from './map-editor.svelte';
import { SuggestionLayer } from './suggestions.svelte';

const TEXT =
	'Wir sollten mehr Radwege bauen. Radfahren hält gesund. Manche sagen, das sei zu teuer.';
const SENTENCES = [
	'Wir sollten mehr Radwege bauen.',
	'Radfahren hält gesund.',
	'Manche sagen, das sei zu teuer.'
];

const ANALYSES: UnitAnalysis[] = [
	{ function: 'central_claim', target: null, stance: 'pro', reasons: [{ code: 'first_unit' }] },
	{ function: 'support', target: 0, stance: 'pro', reasons: [{ code: 'default_support' }] },
	{ function: 'attack', target: 0, stance: 'opp', reasons: [{ code: 'opponent_voice' }] }
];

const SUGGESTION: StructureSuggestion = {
	units: SENTENCES.map((sentence) => {
		const start = TEXT.indexOf(sentence);
		return { start, end: start + sentence.length, text: sentence };
	}),
	analyses: ANALYSES,
	centralClaim: 0
};

function setUp(map: ArgumentMap = { statements: [], relations: [] }) {
	const saved: ArgumentMap[] = [];
	const editor = new MapEditor({ map, text: TEXT, onChange: (changed) => saved.push(changed) });
	const layer = new SuggestionLayer(editor);
	layer.show(SUGGESTION);
	return { editor, layer, saved };
}

/** The pending suggestions, each as its kind and words, in the order the panel lists them. */
function listed(layer: SuggestionLayer): string[] {
	return layer.pending.map((item) =>
		item.kind === 'statement'
			? `${item.role}: ${item.text}`
			: `${item.kind}: ${item.sourceText} -> ${item.targetText}`
	);
}

describe('SuggestionLayer', () => {
	it('lists each unit as a statement followed by its relation, with the reasons', () => {
		const { layer } = setUp();
		expect(listed(layer)).toEqual([
			'main_claim: Wir sollten mehr Radwege bauen.',
			'premise: Radfahren hält gesund.',
			'support: Radfahren hält gesund. -> Wir sollten mehr Radwege bauen.',
			'objection: Manche sagen, das sei zu teuer.',
			'attack: Manche sagen, das sei zu teuer. -> Wir sollten mehr Radwege bauen.'
		]);
		expect(layer.pending[3]!.reasons).toEqual([{ code: 'opponent_voice' }]);
		expect(layer.graphDrafts.statements).toHaveLength(3);
		expect(layer.textDrafts.map((draft) => draft.anchors[0]!.quote)).toEqual(SENTENCES);
	});

	it('accepts a statement into the map as one undoable, saved step; undo offers it again', () => {
		const { editor, layer, saved } = setUp();
		const claim = layer.pending[0]!;
		expect(layer.accept(claim.draftId)).toBe(true);
		expect(editor.map.statements).toMatchObject([
			{
				text: 'Wir sollten mehr Radwege bauen.',
				role: 'main_claim',
				anchors: [{ start: 0, end: 31, quote: 'Wir sollten mehr Radwege bauen.' }]
			}
		]);
		expect(saved).toHaveLength(1);
		expect(listed(layer)).not.toContain('main_claim: Wir sollten mehr Radwege bauen.');
		// The relations onto the claim now end at the accepted statement.
		const claimId = editor.map.statements[0]!.id;
		expect(layer.graphDrafts.relations.map((relation) => relation.target)).toEqual([
			claimId,
			claimId
		]);

		editor.undo();
		expect(editor.map.statements).toEqual([]);
		expect(listed(layer)[0]).toBe('main_claim: Wir sollten mehr Radwege bauen.');
		editor.redo();
		expect(editor.map.statements).toHaveLength(1);
		expect(layer.pending).toHaveLength(4);
	});

	it('accepting a relation accepts its ends that are still suggestions, in one step', () => {
		const { editor, layer } = setUp();
		const support = layer.pending.find((item) => item.kind === 'support')!;
		expect(layer.accept(support.draftId)).toBe(true);
		const [claim, premise] = editor.map.statements;
		expect([claim!.role, premise!.role].sort()).toEqual(['main_claim', 'premise']);
		expect(editor.map.relations).toMatchObject([{ kind: 'support' }]);
		const relation = editor.map.relations[0]!;
		expect(relation.kind === 'support' && relation.conclusionId).toBe(
			editor.map.statements.find((statement) => statement.role === 'main_claim')!.id
		);
		expect(listed(layer)).toEqual([
			'objection: Manche sagen, das sei zu teuer.',
			'attack: Manche sagen, das sei zu teuer. -> Wir sollten mehr Radwege bauen.'
		]);
		editor.undo();
		expect(editor.map).toEqual({ statements: [], relations: [] });
		expect(layer.pending).toHaveLength(5);
	});

	it('rejecting a statement withdraws the relations that need it; rejecting changes no map', () => {
		const { editor, layer, saved } = setUp();
		layer.reject(layer.pending[3]!.draftId);
		expect(listed(layer)).toEqual([
			'main_claim: Wir sollten mehr Radwege bauen.',
			'premise: Radfahren hält gesund.',
			'support: Radfahren hält gesund. -> Wir sollten mehr Radwege bauen.'
		]);
		layer.rejectAll();
		expect(layer.pending).toEqual([]);
		expect(layer.active).toBe(true);
		expect(saved).toEqual([]);
		expect(editor.canUndo).toBe(false);
	});

	it('accepts all that is left as one step, without what was rejected', () => {
		const { editor, layer } = setUp();
		layer.reject(layer.pending.find((item) => item.kind === 'attack')!.draftId);
		expect(layer.acceptAll()).toBe(true);
		expect(editor.map.statements.map((statement) => statement.role)).toEqual([
			'main_claim',
			'premise',
			'objection'
		]);
		expect(editor.map.relations.map((relation) => relation.kind)).toEqual(['support']);
		expect(layer.pending).toEqual([]);
		editor.undo();
		expect(editor.map.statements).toEqual([]);
	});

	it('never changes or offers again what the user made; links to it instead', () => {
		const userMap: ArgumentMap = {
			statements: [
				{
					id: 'mine1',
					text: 'Radwege!',
					role: 'premise',
					implicit: false,
					// The same words, selected without the full stop.
					anchors: [{ start: 0, end: 30, quote: 'Wir sollten mehr Radwege bauen' }],
					note: 'my note',
					position: { x: 5, y: 7 }
				},
				{
					id: 'mine2',
					text: 'Eine eigene Aussage',
					role: 'premise',
					implicit: true,
					anchors: [],
					note: ''
				}
			],
			relations: [{ id: 'rel1', kind: 'support', premiseIds: ['mine2'], conclusionId: 'mine1' }]
		};
		const before = structuredClone(userMap);
		const { editor, layer } = setUp(userMap);
		expect(listed(layer)).toEqual([
			'premise: Radfahren hält gesund.',
			'support: Radfahren hält gesund. -> Radwege!',
			'objection: Manche sagen, das sei zu teuer.',
			'attack: Manche sagen, das sei zu teuer. -> Radwege!'
		]);
		expect(layer.acceptAll()).toBe(true);
		expect(editor.map.statements.slice(0, 2)).toEqual(before.statements);
		expect(editor.map.relations[0]).toEqual(before.relations[0]);
		expect(editor.map.statements).toHaveLength(4);
		const added = editor.map.relations.slice(1);
		expect(added).toMatchObject([
			{ kind: 'support', conclusionId: 'mine1' },
			{ kind: 'attack', target: { kind: 'statement', id: 'mine1' } }
		]);
	});

	it('does not offer a relation the map already has', () => {
		const { editor, layer } = setUp();
		layer.acceptAll();
		layer.show(SUGGESTION);
		expect(layer.pending).toEqual([]);
		expect(editor.map.relations).toHaveLength(2);
	});

	it('adds nothing on a read-only map', () => {
		const editor = new MapEditor({
			map: { statements: [], relations: [] },
			text: TEXT,
			readonly: true
		});
		const layer = new SuggestionLayer(editor);
		layer.show(SUGGESTION);
		expect(layer.acceptAll()).toBe(false);
		expect(editor.map.statements).toEqual([]);
	});

	it('dismissing hides the layer and forgets what was rejected', () => {
		const { layer } = setUp();
		layer.reject(layer.pending[0]!.draftId);
		layer.dismiss();
		expect(layer.active).toBe(false);
		expect(layer.pending).toEqual([]);
		layer.show(SUGGESTION);
		expect(layer.pending).toHaveLength(5);
	});
});

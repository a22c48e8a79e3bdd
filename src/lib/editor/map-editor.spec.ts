import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { MapEditor } from './map-editor.svelte';

const TEXT = 'Reden hilft. Schweigen schadet. Also reden wir.';

function editor(onChange: (map: ArgumentMap) => void = () => {}) {
	return new MapEditor({ map: { statements: [], relations: [] }, text: TEXT, onChange });
}

describe('MapEditor', () => {
	it('creates anchored statements from text and connects them by keyboard-style connection', () => {
		const changes: ArgumentMap[] = [];
		const e = editor((map) => changes.push(map));
		const claim = e.createFromText('main_claim', TEXT.indexOf('Also'), TEXT.length)!;
		const p1 = e.createFromText('premise', 0, 12)!;
		const p2 = e.createFromText('premise', 13, 31)!;
		expect(e.map.statements.map((s) => s.anchors[0]!.quote)).toEqual([
			'Also reden wir.',
			'Reden hilft.',
			'Schweigen schadet.'
		]);
		e.selectStatement(p1, 'outline');
		e.selectStatement(p2, 'outline', true);
		expect(e.startConnection('support')).toBe(true);
		e.selectStatement(claim, 'outline');
		const support = e.map.relations[0];
		expect(support).toMatchObject({ kind: 'support', premiseIds: [p1, p2], conclusionId: claim });
		expect(changes).toHaveLength(4);
	});

	it('undoes and redoes every step, and a new step clears the redo history', () => {
		const e = editor();
		const a = e.addStatement('A', 'main_claim')!;
		e.addStatement('B', 'premise');
		e.undo();
		expect(e.map.statements.map((s) => s.text)).toEqual(['A']);
		e.redo();
		expect(e.map.statements.map((s) => s.text)).toEqual(['A', 'B']);
		e.undo();
		e.updateStatement(a, { text: 'A2' });
		expect(e.canRedo).toBe(false);
	});

	it('makes one undo step of the keystrokes of one field visit', () => {
		const e = editor();
		const a = e.addStatement('A', 'premise')!;
		for (const text of ['A ', 'A b', 'A be']) e.updateStatement(a, { text }, 'text:a:1');
		e.undo();
		expect(e.map.statements[0]!.text).toBe('A');
		e.undo();
		expect(e.map.statements).toEqual([]);
	});

	it('refuses a self-support with a reason and changes nothing', () => {
		const e = editor();
		const a = e.addStatement('A', 'premise')!;
		const before = e.map;
		e.selectStatement(a, 'graph');
		e.startConnection('support');
		e.selectStatement(a, 'graph');
		expect(e.map).toBe(before);
		expect(e.lastError).toBe('self_support');
		e.undo();
		expect(e.lastError).toBeNull();
	});

	it('undercuts a support when an attack is aimed at it, and deleting the support removes the undercut', () => {
		const e = editor();
		const c = e.addStatement('C', 'main_claim')!;
		const p = e.addStatement('P', 'premise')!;
		const o = e.addStatement('O', 'objection')!;
		e.connect('support', [p], { kind: 'statement', id: c });
		const supportId = e.map.relations[0]!.id;
		e.connect('attack', [o], { kind: 'relation', id: supportId });
		expect(e.map.relations[1]).toMatchObject({
			kind: 'attack',
			target: { kind: 'relation', id: supportId }
		});
		e.selectRelation(supportId, 'graph');
		e.deleteSelection();
		expect(e.map.relations).toEqual([]);
	});

	it('drops a pending connection whose source an undo removed', () => {
		const e = editor();
		const a = e.addStatement('A', 'premise')!;
		e.selectStatement(a, 'graph');
		e.startConnection('attack');
		e.undo();
		expect(e.connecting).toBeNull();
		expect(e.selection.statementIds).toEqual([]);
	});

	it('changes nothing in read-only mode', () => {
		const e = new MapEditor({ map: { statements: [], relations: [] }, text: TEXT, readonly: true });
		expect(e.addStatement('A', 'premise')).toBeNull();
		expect(e.map.statements).toEqual([]);
	});
});

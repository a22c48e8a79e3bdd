import { describe, expect, it } from 'vitest';
import type { CrossLink } from './cross-links';
import { CrossLinkEditor } from './link-editor.svelte';
import { choiceOfLink, linkFromChoice } from './link-list';

const sameClaim = (aId: string, bId: string): CrossLink => ({
	aId,
	bId,
	kind: 'same_claim',
	direction: 'a_to_b'
});

describe('CrossLinkEditor', () => {
	it('adds, replaces and removes links, numbering the badges in order', () => {
		const editor = new CrossLinkEditor({ links: [], editable: true });
		expect(editor.add(sameClaim('a1', 'b1'))).toBe(true);
		expect(editor.add(linkFromChoice('a1', 'b2', 'contradicts'))).toBe(true);
		expect(editor.badges.a.get('a1')).toEqual([1, 2]);
		expect(editor.badges.b.get('b2')).toEqual([2]);
		// A pair has one link: a new kind replaces the old one, in its place.
		expect(editor.add(linkFromChoice('a1', 'b1', 'supports_b_to_a'))).toBe(true);
		expect(editor.links.map(choiceOfLink)).toEqual(['supports_b_to_a', 'contradicts']);
		expect(editor.add(linkFromChoice('a1', 'b1', 'supports_b_to_a'))).toBe(false);
		expect(editor.remove({ aId: 'a1', bId: 'b2' })).toBe(true);
		expect(editor.remove({ aId: 'a1', bId: 'b2' })).toBe(false);
		expect(editor.links).toEqual([linkFromChoice('a1', 'b1', 'supports_b_to_a')]);
	});

	it('undoes and redoes link changes and knows whether they differ from the saved links', () => {
		const editor = new CrossLinkEditor({ links: [sameClaim('a1', 'b1')], editable: true });
		expect(editor.dirty).toBe(false);
		editor.remove({ aId: 'a1', bId: 'b1' });
		editor.accept({ aId: 'a2', bId: 'b2' });
		expect(editor.dirty).toBe(true);
		expect(editor.undo()).toBe(true);
		expect(editor.undo()).toBe(true);
		expect(editor.undo()).toBe(false);
		expect(editor.links).toEqual([sameClaim('a1', 'b1')]);
		expect(editor.dirty).toBe(false);
		expect(editor.redo()).toBe(true);
		expect(editor.links).toEqual([]);
		expect(editor.canRedo).toBe(true);
		editor.add(sameClaim('a3', 'b3'));
		expect(editor.canRedo).toBe(false);
		editor.markSaved();
		expect(editor.dirty).toBe(false);
	});

	it('rejects suggestions without touching the links', () => {
		const editor = new CrossLinkEditor({ links: [], editable: true });
		editor.reject({ aId: 'a1', bId: 'b1' });
		expect(editor.rejected.has('a1 b1')).toBe(true);
		expect(editor.links).toEqual([]);
		expect(editor.dirty).toBe(false);
	});

	it('changes nothing when read-only', () => {
		const editor = new CrossLinkEditor({ links: [sameClaim('a1', 'b1')], editable: false });
		expect(editor.add(sameClaim('a2', 'b2'))).toBe(false);
		expect(editor.remove({ aId: 'a1', bId: 'b1' })).toBe(false);
		expect(editor.accept({ aId: 'a2', bId: 'b2' })).toBe(false);
		expect(editor.links).toHaveLength(1);
	});
});

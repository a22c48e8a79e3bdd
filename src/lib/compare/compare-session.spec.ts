import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { CompareSession } from './compare-session.svelte';
import { statement } from './spec-fixtures';

const mapOf = (...ids: string[]): ArgumentMap => ({
	statements: ids.map((id) => statement(id, 'premise')),
	relations: []
});

function session(links: { aId: string; bId: string }[] = [], editable = true) {
	return new CompareSession({
		a: { map: mapOf('a1', 'a2', 'a3'), text: '' },
		b: { map: mapOf('b1', 'b2', 'b3'), text: '' },
		links: links.map((link) => ({ ...link, kind: 'same_claim', direction: 'a_to_b' })),
		editable
	});
}

const selected = (compare: CompareSession) => [
	compare.editors.a.selectedStatement?.id,
	compare.editors.b.selectedStatement?.id
];

describe('CompareSession', () => {
	it('links the two selected statements, numbers the link and selects it', () => {
		const compare = session([{ aId: 'a1', bId: 'b1' }]);
		expect(compare.linkSelected('contradicts')).toBeNull();
		compare.editors.a.selectStatement('a2', 'outline');
		compare.editors.b.selectStatement('b3', 'graph');
		expect(compare.linkSelected('contradicts')).toEqual({ number: 2, changed: false });
		expect(compare.selectedIndex).toBe(1);
		expect(compare.linkSelected('supports_b_to_a')).toEqual({ number: 2, changed: true });
		expect(compare.links.links[1]).toMatchObject({ kind: 'supports', direction: 'b_to_a' });
		// The same kind again changes nothing.
		expect(compare.linkSelected('supports_b_to_a')).toBeNull();
	});

	it('selects both ends of a link, and of an accepted suggestion', () => {
		const compare = session([{ aId: 'a1', bId: 'b2' }]);
		compare.selectLink(0);
		expect(selected(compare)).toEqual(['a1', 'b2']);
		expect(compare.accept({ aId: 'a3', bId: 'b3' })).toBe(2);
		expect(selected(compare)).toEqual(['a3', 'b3']);
		expect(compare.selectedIndex).toBe(1);
		expect(compare.accept({ aId: 'a3', bId: 'b3' })).toBeNull();
	});

	it('follows a link from a statement picked by hand to its partner', () => {
		const compare = session([{ aId: 'a1', bId: 'b2' }]);
		compare.editors.a.selectStatement('a1', 'graph');
		compare.followLinks('a');
		expect(selected(compare)).toEqual(['a1', 'b2']);
		// The partner was selected by the view, so picking another linked statement follows too.
		compare.links.add({ aId: 'a3', bId: 'b3', kind: 'contradicts', direction: 'a_to_b' });
		compare.editors.a.selectStatement('a3', 'outline');
		compare.followLinks('a');
		expect(selected(compare)).toEqual(['a3', 'b3']);
	});

	it('keeps a statement the reader picked by hand in the other pane, ready to be linked', () => {
		const compare = session([{ aId: 'a1', bId: 'b2' }]);
		compare.editors.b.selectStatement('b3', 'outline');
		compare.editors.a.selectStatement('a1', 'graph');
		compare.followLinks('a');
		expect(selected(compare)).toEqual(['a1', 'b3']);
		// Unlinked statements and selections made by the view itself lead nowhere.
		compare.editors.a.selectStatement('a2', 'graph');
		compare.followLinks('a');
		expect(selected(compare)).toEqual(['a2', 'b3']);
		compare.selectLink(0);
		compare.followLinks('b');
		expect(selected(compare)).toEqual(['a1', 'b2']);
	});

	it('links nothing when read-only, but still selects links', () => {
		const compare = session([{ aId: 'a1', bId: 'b1' }], false);
		compare.selectLink(0);
		expect(selected(compare)).toEqual(['a1', 'b1']);
		compare.editors.b.selectStatement('b2', 'outline');
		expect(compare.linkSelected('same_claim')).toBeNull();
		expect(compare.accept({ aId: 'a2', bId: 'b2' })).toBeNull();
		expect(compare.links.links).toHaveLength(1);
	});
});

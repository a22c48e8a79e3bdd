import type { ArgumentMap } from '$lib/argument';
import { MapEditor } from '$lib/editor/map-editor.svelte';
import { untrack } from 'svelte';
import type { SameClaimSuggestion } from './alignment';
import { linkKey, type CrossLink } from './cross-links';
import { CrossLinkEditor } from './link-editor.svelte';
import { linkFromChoice, type LinkChoice } from './link-list';
import { linkEnd, otherSide, type Side } from './sides';

/** A link just made or changed, by its number (its badge). */
export interface LinkOutcome {
	number: number;
	changed: boolean;
}

/**
 * The state of one compare view: a read-only editor per map (selection only) and the links
 * between them. Selecting a link selects both its ends; linking works on the two selections.
 */
export class CompareSession {
	readonly editors: Record<Side, MapEditor>;
	readonly links: CrossLinkEditor;

	constructor(options: {
		a: { map: ArgumentMap; text: string };
		b: { map: ArgumentMap; text: string };
		links: readonly CrossLink[];
		editable: boolean;
	}) {
		this.editors = {
			a: new MapEditor({ ...options.a, readonly: true }),
			b: new MapEditor({ ...options.b, readonly: true })
		};
		this.links = new CrossLinkEditor({ links: options.links, editable: options.editable });
	}

	/** The index of the link whose two ends are selected, or null. */
	get selectedIndex(): number | null {
		const aId = this.editors.a.selectedStatement?.id;
		const bId = this.editors.b.selectedStatement?.id;
		if (!aId || !bId) return null;
		const index = this.#indexOf(aId, bId);
		return index < 0 ? null : index;
	}

	selectBoth(aId: string, bId: string): void {
		this.editors.a.selectStatement(aId, 'editor');
		this.editors.b.selectStatement(bId, 'editor');
	}

	selectLink(index: number): void {
		const link = this.links.links[index];
		if (link) this.selectBoth(link.aId, link.bId);
	}

	/** Links the two selected statements (or changes the kind of their link). */
	linkSelected(choice: LinkChoice): LinkOutcome | null {
		const aId = this.editors.a.selectedStatement?.id;
		const bId = this.editors.b.selectedStatement?.id;
		if (!aId || !bId) return null;
		const changed = Boolean(this.links.linkOf(aId, bId));
		if (!this.links.add(linkFromChoice(aId, bId, choice))) return null;
		// Selected by the view now, not by hand: picking a linked statement follows links again.
		this.selectBoth(aId, bId);
		return { number: this.#indexOf(aId, bId) + 1, changed };
	}

	/** Makes the suggestion a same-claim link and selects it; returns its number. */
	accept(suggestion: Pick<SameClaimSuggestion, 'aId' | 'bId'>): number | null {
		if (!this.links.accept(suggestion)) return null;
		this.selectBoth(suggestion.aId, suggestion.bId);
		return this.#indexOf(suggestion.aId, suggestion.bId) + 1;
	}

	/**
	 * After the reader picked a statement in the pane `from`: if it is linked, its partner is
	 * selected in the other pane too, unless the reader picked that pane's statement by hand as
	 * well (then the two are probably about to be linked) or it is a partner already.
	 */
	followLinks(from: Side): void {
		const { statementIds, source } = this.editors[from].selection;
		const id = statementIds.at(-1);
		if (!id || source === 'editor') return;
		untrack(() => {
			const to = otherSide(from);
			const partners = this.links.links
				.filter((link) => linkEnd(link, from) === id)
				.map((link) => linkEnd(link, to));
			const target = this.editors[to];
			const current = target.selection.statementIds.at(-1);
			if (partners.length === 0 || (current && partners.includes(current))) return;
			if (current && target.selection.source !== 'editor') return;
			target.selectStatement(partners[0]!, 'editor');
		});
	}

	#indexOf(aId: string, bId: string): number {
		const key = linkKey({ aId, bId });
		return this.links.links.findIndex((link) => linkKey(link) === key);
	}
}

import { SvelteSet } from 'svelte/reactivity';
import type { SameClaimSuggestion } from './alignment';
import {
	linkBadges,
	linkKey,
	normalizeLink,
	withLink,
	withoutLink,
	type CrossLink
} from './cross-links';
import { sameLinks } from './link-list';

const UNDO_LIMIT = 200;

/**
 * The links of one comparison as the reader edits them: add, remove, accept or reject
 * suggestions, undo and redo, and whether anything differs from what was saved last.
 */
export class CrossLinkEditor {
	readonly editable: boolean;
	#links = $state.raw<CrossLink[]>([]);
	#saved = $state.raw<CrossLink[]>([]);
	#undo = $state.raw<CrossLink[][]>([]);
	#redo = $state.raw<CrossLink[][]>([]);
	/** Keys (linkKey) of the suggestions the reader turned down; they are not saved. */
	#rejected = new SvelteSet<string>();

	readonly badges = $derived(linkBadges(this.#links));
	readonly dirty = $derived(!sameLinks(this.#links, this.#saved));

	constructor(options: { links: readonly CrossLink[]; editable: boolean }) {
		this.#links = [...options.links];
		this.#saved = this.#links;
		this.editable = options.editable;
	}

	get links(): readonly CrossLink[] {
		return this.#links;
	}

	get rejected(): ReadonlySet<string> {
		return this.#rejected;
	}

	get canUndo(): boolean {
		return this.#undo.length > 0;
	}

	get canRedo(): boolean {
		return this.#redo.length > 0;
	}

	/** The link between these two statements, if any. */
	linkOf(aId: string, bId: string): CrossLink | undefined {
		const key = linkKey({ aId, bId });
		return this.#links.find((link) => linkKey(link) === key);
	}

	/**
	 * Adds the link, or changes the kind of the link the two statements already have; a changed
	 * link keeps its place, so the badge numbers stay put.
	 */
	add(link: CrossLink): boolean {
		if (!this.editable) return false;
		const key = linkKey(link);
		const next = this.linkOf(link.aId, link.bId)
			? this.#links.map((existing) => (linkKey(existing) === key ? normalizeLink(link) : existing))
			: withLink(this.#links, link);
		if (sameLinks(next, this.#links)) return false;
		this.#change(next);
		return true;
	}

	remove(pair: Pick<CrossLink, 'aId' | 'bId'>): boolean {
		if (!this.editable || !this.linkOf(pair.aId, pair.bId)) return false;
		this.#change(withoutLink(this.#links, pair));
		return true;
	}

	accept(suggestion: Pick<SameClaimSuggestion, 'aId' | 'bId'>): boolean {
		return this.add({ ...suggestion, kind: 'same_claim', direction: 'a_to_b' });
	}

	reject(suggestion: Pick<SameClaimSuggestion, 'aId' | 'bId'>): void {
		this.#rejected.add(linkKey(suggestion));
	}

	undo(): boolean {
		const previous = this.#undo.at(-1);
		if (!previous) return false;
		this.#undo = this.#undo.slice(0, -1);
		this.#redo = [...this.#redo, this.#links];
		this.#links = previous;
		return true;
	}

	redo(): boolean {
		const next = this.#redo.at(-1);
		if (!next) return false;
		this.#redo = this.#redo.slice(0, -1);
		this.#undo = [...this.#undo, this.#links];
		this.#links = next;
		return true;
	}

	/** The links as they stand are now the saved ones. */
	markSaved(links: readonly CrossLink[] = this.#links): void {
		this.#saved = [...links];
	}

	#change(next: CrossLink[]): void {
		this.#undo = [...this.#undo.slice(-(UNDO_LIMIT - 1)), this.#links];
		this.#redo = [];
		this.#links = next;
	}
}

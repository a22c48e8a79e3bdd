import type { Anchor } from '$lib/argument';
import type { StructureSuggestion } from '$lib/suggest';
import {
	acceptOperations,
	draftMap,
	draftOffer,
	type DraftMap,
	type DraftOffer,
	type DraftRelation,
	type DraftStatement,
	type OfferedItem
} from '$lib/suggest/map';
import type { GraphDrafts } from './graph-elements';
import { newElementId } from './ids';
import type { MapEditor } from './map-editor.svelte';

export type { OfferedItem as PendingSuggestion } from '$lib/suggest/map';

const NOTHING_ON_OFFER: DraftOffer = { statements: [], relations: [], inMap: new Map(), items: [] };

/**
 * The draft layer over a map: suggestions the user accepts or rejects one by one or all at once.
 * Accepting only ever adds to the map, through the editor, so it is one undoable, autosaved
 * step; undoing it brings the suggestion back. What is already in the map is never offered.
 */
export class SuggestionLayer {
	readonly #editor: MapEditor;
	#draft = $state.raw<DraftMap | null>(null);
	#rejected = $state.raw<readonly string[]>([]);
	#offer = $derived.by(() =>
		this.#draft ? draftOffer(this.#draft, this.#editor.map, this.#rejected) : NOTHING_ON_OFFER
	);

	constructor(editor: MapEditor) {
		this.#editor = editor;
	}

	/** Whether suggestions are shown (possibly none left). */
	get active(): boolean {
		return this.#draft !== null;
	}

	/** What is still on offer, in text order: each unit's statement, then its relation. */
	get pending(): OfferedItem[] {
		return this.#offer.items;
	}

	/** The pending suggestions as the graph draws them; relation ends use map ids where they exist. */
	get graphDrafts(): GraphDrafts {
		const { statements, relations, inMap } = this.#offer;
		return {
			statements: statements.map(({ draftId, text, role }) => ({ id: draftId, text, role })),
			relations: relations.map(({ draftId, kind, sourceId, targetId }) => ({
				id: draftId,
				kind,
				source: inMap.get(sourceId) ?? sourceId,
				target: inMap.get(targetId) ?? targetId
			}))
		};
	}

	/** The passages of the pending statements, for the text to mark. */
	get textDrafts(): { id: string; anchors: Anchor[] }[] {
		return this.#offer.statements.map(({ draftId, anchor }) => ({
			id: draftId,
			anchors: [anchor]
		}));
	}

	show(suggestion: StructureSuggestion): void {
		this.#draft = draftMap(suggestion, this.#editor.text);
		this.#rejected = [];
	}

	dismiss(): void {
		this.#draft = null;
		this.#rejected = [];
	}

	/** Accepts a statement, or a relation together with those of its ends still on offer. */
	accept(draftId: string): boolean {
		const { statements, relations } = this.#offer;
		const statement = statements.find((item) => item.draftId === draftId);
		if (statement) return this.#add([statement], []);
		const relation = relations.find((item) => item.draftId === draftId);
		if (!relation) return false;
		const ends = statements.filter(
			(item) => item.draftId === relation.sourceId || item.draftId === relation.targetId
		);
		return this.#add(ends, [relation]);
	}

	acceptAll(): boolean {
		return this.#add(this.#offer.statements, this.#offer.relations);
	}

	/** Rejecting a statement also withdraws the relations that need it. */
	reject(draftId: string): void {
		this.#rejected = [...this.#rejected, draftId];
	}

	rejectAll(): void {
		this.#rejected = [...this.#rejected, ...this.#offer.items.map((item) => item.draftId)];
	}

	#add(statements: DraftStatement[], relations: DraftRelation[]): boolean {
		if (statements.length === 0 && relations.length === 0) return false;
		const operations = acceptOperations(
			this.#offer,
			statements,
			relations,
			this.#editor.text.length,
			newElementId
		);
		return this.#editor.apply(...operations);
	}
}

import {
	addAnchor,
	addAttack,
	addPremiseToSupport,
	addStatement,
	addSupport,
	anchorFromSelection,
	moveStatement,
	removeAnchor,
	removeRelation,
	removeStatement,
	updateStatement,
	type ArgumentMap,
	type ModelErrorCode,
	type OperationResult,
	type Position,
	type StatementChanges,
	type StatementRole
} from '$lib/argument';
import { createContext } from 'svelte';
import { newElementId } from './ids';

type Operation = (map: ArgumentMap) => OperationResult;

export type ConnectKind = 'support' | 'attack';

export interface ConnectTarget {
	kind: 'statement' | 'relation';
	id: string;
}

export interface Selection {
	/** Selected statements in the order they were picked; several make a linked support. */
	statementIds: string[];
	relationId: string | null;
	/** Where the selection was made, so the other views know whether to scroll to it. */
	source: 'graph' | 'text' | 'outline' | 'editor';
}

const UNDO_LIMIT = 200;

/** One editor's state: the map, selection, undo history and the pending keyboard connection. */
export class MapEditor {
	readonly text: string;
	readonly readonly: boolean;
	#map = $state.raw<ArgumentMap>({ statements: [], relations: [] });
	#undo = $state.raw<ArgumentMap[]>([]);
	#redo = $state.raw<ArgumentMap[]>([]);
	#onChange: (map: ArgumentMap) => void;

	selection = $state<Selection>({ statementIds: [], relationId: null, source: 'editor' });
	/** Premises chosen, waiting for the user to pick what they support or attack. */
	connecting = $state<{ kind: ConnectKind; sourceIds: string[] } | null>(null);
	lastError = $state<ModelErrorCode | null>(null);
	/**
	 * Set once the graph has drawn the map. Slower views (the outline) wait for it, so a large map
	 * shows its graph first instead of after building every other view.
	 */
	graphDrawn = $state(false);
	/**
	 * False while the user pans or zooms the graph (and briefly after): background work such as
	 * building a large outline pauses, so it does not steal the frames of the moving view.
	 */
	graphSettled = $state(true);

	constructor(options: {
		map: ArgumentMap;
		text: string;
		readonly?: boolean;
		onChange?: (map: ArgumentMap) => void;
	}) {
		this.#map = options.map;
		this.text = options.text;
		this.readonly = options.readonly ?? false;
		this.#onChange = options.onChange ?? (() => {});
	}

	get map(): ArgumentMap {
		return this.#map;
	}

	get canUndo(): boolean {
		return this.#undo.length > 0;
	}

	get canRedo(): boolean {
		return this.#redo.length > 0;
	}

	get selectedStatement() {
		const id = this.selection.statementIds.at(-1);
		return id ? this.#map.statements.find((statement) => statement.id === id) : undefined;
	}

	get selectedRelation() {
		const id = this.selection.relationId;
		return id ? this.#map.relations.find((relation) => relation.id === id) : undefined;
	}

	/** Runs the operations in order as one undoable step; nothing changes if any of them fails. */
	apply(...operations: Operation[]): boolean {
		return this.#applyStep(null, operations);
	}

	/**
	 * Like `apply`, but consecutive steps with the same `key` (the keystrokes of one edit of one
	 * field) make a single undo step, so undo does not go back one letter at a time.
	 */
	applyCoalesced(key: string, operation: Operation): boolean {
		return this.#applyStep(key, [operation]);
	}

	#coalesceKey: string | null = null;

	#applyStep(coalesceKey: string | null, operations: Operation[]): boolean {
		if (this.readonly) return false;
		let map = this.#map;
		for (const operation of operations) {
			const result = operation(map);
			if (!result.ok) {
				this.lastError = result.code;
				return false;
			}
			map = result.map;
		}
		this.lastError = null;
		if (coalesceKey === null || coalesceKey !== this.#coalesceKey) {
			this.#undo = [...this.#undo.slice(-(UNDO_LIMIT - 1)), this.#map];
		}
		this.#coalesceKey = coalesceKey;
		this.#redo = [];
		this.#commit(map);
		return true;
	}

	undo(): void {
		const previous = this.#undo.at(-1);
		if (!previous || this.readonly) return;
		this.#coalesceKey = null;
		this.#undo = this.#undo.slice(0, -1);
		this.#redo = [...this.#redo, this.#map];
		this.lastError = null;
		this.#commit(previous);
	}

	redo(): void {
		const next = this.#redo.at(-1);
		if (!next || this.readonly) return;
		this.#coalesceKey = null;
		this.#redo = this.#redo.slice(0, -1);
		this.#undo = [...this.#undo, this.#map];
		this.lastError = null;
		this.#commit(next);
	}

	/** Replaces the whole map (after a reload), clearing the history that no longer applies. */
	replace(map: ArgumentMap): void {
		this.#undo = [];
		this.#redo = [];
		this.#coalesceKey = null;
		this.#map = map;
		this.#afterChange();
	}

	#commit(map: ArgumentMap): void {
		this.#map = map;
		this.#afterChange();
		this.#onChange(map);
	}

	#afterChange(): void {
		this.#dropStaleSelection();
		const sources = this.connecting?.sourceIds ?? [];
		if (sources.some((id) => !this.#map.statements.some((statement) => statement.id === id))) {
			this.connecting = null;
		}
	}

	#dropStaleSelection(): void {
		const statementIds = this.selection.statementIds.filter((id) =>
			this.#map.statements.some((statement) => statement.id === id)
		);
		const relationId =
			this.selection.relationId &&
			this.#map.relations.some((relation) => relation.id === this.selection.relationId)
				? this.selection.relationId
				: null;
		if (
			statementIds.length !== this.selection.statementIds.length ||
			relationId !== this.selection.relationId
		) {
			this.selection = { statementIds, relationId, source: 'editor' };
		}
	}

	selectStatement(id: string, source: Selection['source'], extend = false): void {
		if (this.connecting) {
			this.completeConnection({ kind: 'statement', id });
			return;
		}
		const statementIds = extend
			? this.selection.statementIds.includes(id)
				? this.selection.statementIds.filter((selected) => selected !== id)
				: [...this.selection.statementIds, id]
			: [id];
		this.selection = { statementIds, relationId: null, source };
	}

	selectRelation(id: string, source: Selection['source']): void {
		if (this.connecting) {
			this.completeConnection({ kind: 'relation', id });
			return;
		}
		this.selection = { statementIds: [], relationId: id, source };
	}

	clearSelection(): void {
		this.connecting = null;
		this.selection = { statementIds: [], relationId: null, source: 'editor' };
	}

	/** Creates a statement anchored to [start, end) of the commentary and selects it. */
	createFromText(role: StatementRole, start: number, end: number): string | null {
		const anchor = anchorFromSelection(this.text, start, end);
		if (!anchor) return null;
		const id = newElementId('s');
		const created = this.apply((map) =>
			addStatement(
				map,
				{ id, text: anchor.quote.replace(/\s+/g, ' '), role, anchors: [anchor] },
				this.text.length
			)
		);
		if (!created) return null;
		this.selection = { statementIds: [id], relationId: null, source: 'text' };
		return id;
	}

	/** Adds the passage to the selected statement as one more anchor. */
	anchorSelected(start: number, end: number): boolean {
		const statement = this.selectedStatement;
		const anchor = anchorFromSelection(this.text, start, end);
		if (!statement || !anchor) return false;
		return this.apply((map) => addAnchor(map, statement.id, anchor, this.text.length));
	}

	removeAnchor(statementId: string, index: number): boolean {
		return this.apply((map) => removeAnchor(map, statementId, index));
	}

	/** An unstated premise the author relies on; it has no anchor and is drawn dashed. */
	addImplicitPremise(text: string): string | null {
		const id = newElementId('s');
		const added = this.apply((map) =>
			addStatement(map, { id, text, role: 'premise', implicit: true })
		);
		if (!added) return null;
		this.selection = { statementIds: [id], relationId: null, source: 'editor' };
		return id;
	}

	addStatement(text: string, role: StatementRole): string | null {
		const id = newElementId('s');
		if (!this.apply((map) => addStatement(map, { id, text, role }))) return null;
		this.selection = { statementIds: [id], relationId: null, source: 'editor' };
		return id;
	}

	updateStatement(id: string, changes: StatementChanges, coalesceKey?: string): boolean {
		const operation = (map: ArgumentMap) => updateStatement(map, id, changes);
		return coalesceKey ? this.applyCoalesced(coalesceKey, operation) : this.apply(operation);
	}

	moveStatements(positions: { id: string; position: Position }[]): boolean {
		return this.apply(
			...positions.map(
				({ id, position }) =>
					(map: ArgumentMap) =>
						moveStatement(map, id, position)
			)
		);
	}

	/** Forgets every stored position, so the automatic layout takes over again. */
	resetLayout(): boolean {
		if (!this.#map.statements.some((statement) => statement.position)) return false;
		return this.apply((map) => ({
			ok: true as const,
			map: { ...map, statements: map.statements.map(({ position: _, ...rest }) => rest) }
		}));
	}

	deleteSelection(): boolean {
		const { statementIds, relationId } = this.selection;
		if (relationId) return this.apply((map) => removeRelation(map, relationId));
		if (statementIds.length === 0) return false;
		return this.apply(
			...statementIds.map((id) => (map: ArgumentMap) => {
				// An earlier removal may already have taken this one with it.
				if (!map.statements.some((statement) => statement.id === id)) {
					return { ok: true as const, map };
				}
				return removeStatement(map, id);
			})
		);
	}

	/** Starts a support or attack from the selected statements; the next pick is its target. */
	startConnection(kind: ConnectKind): boolean {
		if (this.readonly || this.selection.statementIds.length === 0) return false;
		this.connecting = { kind, sourceIds: [...this.selection.statementIds] };
		return true;
	}

	cancelConnection(): void {
		this.connecting = null;
	}

	/** Completes the pending connection onto `target`. */
	completeConnection(target: ConnectTarget): boolean {
		const pending = this.connecting;
		if (!pending) return false;
		this.connecting = null;
		return this.connect(pending.kind, pending.sourceIds, target);
	}

	/**
	 * Connects statements to a target as one undoable step. Onto a statement: a support (several
	 * premises: linked) or a rebuttal from each attacker. Onto a support: its premises grow
	 * (linked) or it is undercut.
	 */
	connect(kind: ConnectKind, sourceIds: string[], target: ConnectTarget): boolean {
		let done: boolean;
		if (kind === 'support' && target.kind === 'statement') {
			done = this.apply((map) =>
				addSupport(map, { id: newElementId('r'), premiseIds: sourceIds, conclusionId: target.id })
			);
		} else if (kind === 'support') {
			done = this.apply(
				...sourceIds.map(
					(premiseId) => (map: ArgumentMap) => addPremiseToSupport(map, target.id, premiseId)
				)
			);
		} else {
			done = this.apply(
				...sourceIds.map(
					(attackerId) => (map: ArgumentMap) =>
						addAttack(map, { id: newElementId('r'), attackerId, target })
				)
			);
		}
		if (done) {
			this.selection = {
				statementIds: target.kind === 'statement' ? [target.id] : [],
				relationId: target.kind === 'relation' ? target.id : null,
				source: 'editor'
			};
		}
		return done;
	}
}

const [getEditorContext, setEditorContext] = createContext<MapEditor>();
export { getEditorContext, setEditorContext };

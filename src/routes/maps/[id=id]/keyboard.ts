import type { MapEditor } from '$lib/editor/map-editor.svelte';

function isTextField(target: HTMLElement): boolean {
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Whether a key pressed with focus on `target` is meant for the map: on the page itself, in the
 * text or graph, or on a statement or relation of the outline — not on a button such as
 * "remove passage", where Delete must not delete the selected statement.
 */
function isOnTheMap(target: HTMLElement): boolean {
	return target === document.body || target.closest('[data-map-keys]') !== null;
}

/** Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) anywhere but in text fields; S, A, Delete, Esc on the map. */
export function handleEditorKey(event: KeyboardEvent, editor: MapEditor): void {
	const target = event.target instanceof HTMLElement ? event.target : document.body;
	if (editor.readonly || event.defaultPrevented || isTextField(target)) return;
	const command = event.ctrlKey || event.metaKey;
	const key = event.key.toLowerCase();
	if (command && key === 'z') {
		event.preventDefault();
		if (event.shiftKey) editor.redo();
		else editor.undo();
	} else if (command && key === 'y') {
		event.preventDefault();
		editor.redo();
	} else if (command || event.altKey || !isOnTheMap(target)) {
		return;
	} else if (key === 's') {
		if (editor.startConnection('support')) event.preventDefault();
	} else if (key === 'a') {
		if (editor.startConnection('attack')) event.preventDefault();
	} else if (key === 'delete' || key === 'backspace') {
		if (editor.deleteSelection()) event.preventDefault();
	} else if (key === 'escape') {
		editor.clearSelection();
	}
}

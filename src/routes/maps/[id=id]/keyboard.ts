import type { MapEditor } from '$lib/editor/map-editor.svelte';

function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The editor's shortcuts: undo/redo everywhere but in text fields; S, A, Delete, Esc on the map. */
export function handleEditorKey(event: KeyboardEvent, editor: MapEditor): void {
	if (editor.readonly || isTyping(event.target)) return;
	const command = event.ctrlKey || event.metaKey;
	const key = event.key.toLowerCase();
	if (command && key === 'z') {
		event.preventDefault();
		if (event.shiftKey) editor.redo();
		else editor.undo();
	} else if (command && key === 'y') {
		event.preventDefault();
		editor.redo();
	} else if (command || event.altKey) {
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

/**
 * Maps a DOM selection boundary inside the anchored text back to a character offset into the
 * commentary. Every text run is rendered in an element carrying `data-offset`, its start offset.
 */
export function offsetOfBoundary(root: HTMLElement, node: Node, offset: number): number | null {
	if (node.nodeType === Node.TEXT_NODE) {
		const run = node.parentElement?.closest<HTMLElement>('[data-offset]');
		if (!run || !root.contains(run)) return null;
		return Number(run.dataset.offset) + offset;
	}
	if (!(node instanceof HTMLElement) || !root.contains(node)) return null;
	if (node.dataset.offset !== undefined) {
		return Number(node.dataset.offset) + (offset > 0 ? (node.textContent?.length ?? 0) : 0);
	}
	// A boundary between children (a triple-click selects whole paragraphs this way).
	const runs = [...node.querySelectorAll<HTMLElement>('[data-offset]')];
	const child = node.childNodes[offset];
	const after = child
		? runs.find(
				(run) =>
					child === run ||
					child.contains(run) ||
					child.compareDocumentPosition(run) & Node.DOCUMENT_POSITION_FOLLOWING
			)
		: undefined;
	if (after) return Number(after.dataset.offset);
	const last = runs.at(-1);
	return last ? Number(last.dataset.offset) + (last.textContent?.length ?? 0) : null;
}

/** The selected range of the commentary, or null if the selection is empty or outside it. */
export function selectedRange(root: HTMLElement): { start: number; end: number } | null {
	const selection = window.getSelection();
	if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
	const range = selection.getRangeAt(0);
	const start = offsetOfBoundary(root, range.startContainer, range.startOffset);
	const end = offsetOfBoundary(root, range.endContainer, range.endOffset);
	if (start === null || end === null || end <= start) return null;
	return { start, end };
}

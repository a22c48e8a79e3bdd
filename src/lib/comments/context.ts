import { createContext } from 'svelte';
import type { CommentView } from './group';

/** The comments a map page shows, for the editor's views to mark them in place. */
export interface MapCommentsView {
	readonly comments: readonly CommentView[];
	/** Comments per statement or relation id. */
	readonly counts: ReadonlyMap<string, number>;
}

const [getCommentsContext, setCommentsContext, hasCommentsContext] =
	createContext<MapCommentsView>();

/** The page's comments, or null where a map is shown without them (the home page, prints). */
export function commentsContext(): MapCommentsView | null {
	return hasCommentsContext() ? getCommentsContext() : null;
}

export { setCommentsContext };

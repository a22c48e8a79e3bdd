import { parseMapDocument, type ArgumentMap, type MapDocument } from '$lib/argument';
import { COMMENTARY_LANGUAGES, type CommentaryLanguage } from '$lib/commentary/rules';

export interface MapCommentary {
	id: string;
	title: string;
	author: string;
	outlet: string;
	language: CommentaryLanguage;
	publishedOn: string | null;
	sourceUrl: string | null;
	body: string;
}

/** What `GET /maps/<id>.json` answers: the stored document with the map's facts beside it. */
export interface MapJson extends MapDocument {
	id: string;
	title: string;
	revision: number;
	commentary: MapCommentary;
}

/** A map as the editor opens it, read from the map JSON. */
export interface LoadedMap {
	id: string;
	title: string;
	revision: number;
	map: ArgumentMap;
	commentary: MapCommentary;
}

/**
 * Reads the map JSON back, checking its document as a save would (anchors within the text), so
 * the editor never opens a map it could not save. Undefined when the answer is not a map.
 */
export function readMapJson(json: unknown): LoadedMap | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const { id, title, revision, commentary, ...document } = json as Partial<MapJson>;
	if (typeof id !== 'string' || typeof title !== 'string' || !Number.isInteger(revision)) {
		return undefined;
	}
	if (!isCommentary(commentary)) return undefined;
	const parsed = parseMapDocument(document, { textLength: commentary.body.length });
	if (!parsed.ok) return undefined;
	return { id, title, revision: revision as number, map: parsed.document.map, commentary };
}

function isCommentary(value: unknown): value is MapCommentary {
	if (typeof value !== 'object' || value === null) return false;
	const commentary = value as Record<string, unknown>;
	const optionalText = (key: string) =>
		commentary[key] === null || typeof commentary[key] === 'string';
	return (
		['id', 'title', 'author', 'outlet', 'body'].every(
			(key) => typeof commentary[key] === 'string'
		) &&
		(COMMENTARY_LANGUAGES as readonly unknown[]).includes(commentary.language) &&
		optionalText('publishedOn') &&
		optionalText('sourceUrl')
	);
}

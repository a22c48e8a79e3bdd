import type { ArgumentMap, MapDocument } from '$lib/argument';
import { createMapDocument } from '$lib/argument';

interface ServerMap extends MapDocument {
	revision: number;
}

export function mapJsonUrl(mapId: string): string {
	return `/maps/${mapId}.json`;
}

export async function fetchServerMap(mapId: string): Promise<ServerMap> {
	const response = await fetch(mapJsonUrl(mapId), { cache: 'no-store' });
	if (!response.ok) throw new Error(`Loading the map failed: ${response.status}`);
	return (await response.json()) as ServerMap;
}

/** Stores `map` as a new map next to `sourceMapId`, so neither side of a conflict is lost. */
export async function saveCopy(sourceMapId: string, title: string, map: ArgumentMap) {
	const response = await fetch('/maps/copies', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ sourceMapId, title, document: createMapDocument(map) })
	});
	if (!response.ok) throw new Error(`Saving the copy failed: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

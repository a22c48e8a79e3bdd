import type { ArgumentMap } from '$lib/argument';
import { createMapDocument } from '$lib/argument';
import { readMapJson, type LoadedMap } from '$lib/maps/map-json';

export function mapJsonUrl(mapId: string): string {
	return `/maps/${mapId}.json`;
}

/**
 * The map as the server has it now. The page opens it with `cache: 'default'`, which lets the
 * browser hand over its preloaded answer (the server marks the JSON `no-store`, so no older copy
 * is ever kept); a conflict skips even that, as only the latest revision will do.
 */
export async function fetchMap(
	mapId: string,
	{ cache = 'no-store' }: { cache?: RequestCache } = {}
): Promise<LoadedMap> {
	const response = await fetch(mapJsonUrl(mapId), { cache });
	if (!response.ok) throw new Error(`Loading the map failed: ${response.status}`);
	const loaded = readMapJson(await response.json());
	if (!loaded) throw new Error('Loading the map failed: not a map');
	return loaded;
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

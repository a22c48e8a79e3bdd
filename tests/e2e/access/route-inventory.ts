import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROUTES_DIR = join(process.cwd(), 'src', 'routes');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface RouteInventory {
	/** Route ids with a page, e.g. `/maps/[id=id]`. */
	pages: string[];
	/** Form actions per page route id (`default` for a default action). */
	actions: Map<string, string[]>;
	/** Endpoint methods per route id of a `+server.ts`. */
	endpoints: Map<string, string[]>;
}

function routeId(dir: string): string {
	const parts = relative(ROUTES_DIR, dir)
		.split(sep)
		.filter((part) => part !== '' && !/^\(.*\)$/.test(part));
	return '/' + parts.join('/');
}

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else yield path;
	}
}

/**
 * Every page, form action and endpoint the app has, read from src/routes itself (the modules
 * are imported to read their exports), so a route added later cannot be missed by the table.
 */
export async function readRouteInventory(): Promise<RouteInventory> {
	const inventory: RouteInventory = { pages: [], actions: new Map(), endpoints: new Map() };
	for (const file of walk(ROUTES_DIR)) {
		const name = file.slice(file.lastIndexOf(sep) + 1);
		const id = routeId(file.slice(0, file.lastIndexOf(sep)));
		if (name === '+page.svelte') inventory.pages.push(id);
		if (name === '+page.server.ts') {
			const module = (await import(pathToFileURL(file).href)) as { actions?: object };
			if (module.actions) inventory.actions.set(id, Object.keys(module.actions));
		}
		if (name === '+server.ts') {
			const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
			inventory.endpoints.set(
				id,
				HTTP_METHODS.filter((method) => typeof module[method] === 'function')
			);
		}
	}
	inventory.pages.sort();
	return inventory;
}

import { sql } from 'kysely';
import { openDatabase } from '$lib/server/db/connection';
import type { AppDatabase } from '$lib/server/db';
import { expect, request as requests, test, type APIResponse } from '@playwright/test';
import { E2E_DATABASE_PATH, ORIGIN } from './fixtures';
import { readRouteInventory } from './access/route-inventory';
import { ACCESS_TABLE, type Outcome, type Probe } from './access/table';
import { ACTORS, buildWorld, type Actor, type World } from './access/world';

/**
 * Every route × actor × action against the production build: the table in access/table.ts
 * says what each actor must get, and a route missing from it fails the first test.
 * The world is built through the data layer in the server's own SQLite file.
 */

let db: AppDatabase;

test.beforeAll(async () => {
	db = openDatabase(E2E_DATABASE_PATH);
	// Only this test process's connection: the worlds it builds need no durability, and
	// hundreds of fsyncs would dominate the run.
	await sql`PRAGMA synchronous = OFF`.execute(db);
});

test.afterAll(async () => {
	await db.destroy();
});

const isPage = (probe: Probe) => 'page' in probe.target;
const isFormAction = (probe: Probe, name: string) =>
	'formAction' in probe.target && probe.target.formAction === name;
const isMethod = (probe: Probe, name: string) =>
	'method' in probe.target && probe.target.method === name;

test('the table covers every page, form action and endpoint method', async () => {
	const inventory = await readRouteInventory();
	const missing: string[] = [];
	for (const route of inventory.pages) {
		if (!ACCESS_TABLE.some((probe) => probe.route === route && isPage(probe))) {
			missing.push(`page ${route}`);
		}
	}
	for (const [route, actions] of inventory.actions) {
		for (const action of actions) {
			if (!ACCESS_TABLE.some((probe) => probe.route === route && isFormAction(probe, action))) {
				missing.push(`action ${route} ?/${action}`);
			}
		}
	}
	for (const [route, methods] of inventory.endpoints) {
		for (const method of methods) {
			if (!ACCESS_TABLE.some((probe) => probe.route === route && isMethod(probe, method))) {
				missing.push(`endpoint ${method} ${route}`);
			}
		}
	}
	expect(missing, 'routes missing from tests/e2e/access/table.ts').toEqual([]);
	// And the table names no route that does not exist.
	const known = new Set([
		...inventory.pages,
		...inventory.actions.keys(),
		...inventory.endpoints.keys()
	]);
	expect(ACCESS_TABLE.map((probe) => probe.route).filter((route) => !known.has(route))).toEqual([]);
});

function classify(status: number, location: string | undefined): Outcome | number {
	if (status >= 300 && status < 400) {
		const path = new URL(location ?? '/', ORIGIN).pathname;
		return path === '/login' ? 'login' : 'ok';
	}
	if (status === 200 || status === 201 || status === 204) return 'ok';
	return status;
}

/** A page's `__data.json` answers 200 and tells its outcome inside. */
async function classifyData(response: APIResponse): Promise<Outcome | number> {
	if (response.status() !== 200) return classify(response.status(), response.headers().location);
	const body = (await response.json()) as {
		type: string;
		location?: string;
		nodes?: { type: string; status?: number }[];
	};
	if (body.type === 'redirect') return classify(303, body.location ?? '/');
	const failed = body.nodes?.find((node) => node.type === 'error');
	return failed ? (failed.status ?? 500) : 'ok';
}

async function send(
	probe: Probe,
	world: World,
	actor: Actor,
	asData: boolean
): Promise<Outcome | number> {
	const cookie = world.cookies[actor];
	const headers: Record<string, string> = cookie ? { cookie } : {};
	let path = probe.path(world, actor);
	if (asData) {
		const url = new URL(path, ORIGIN);
		path = `${url.pathname === '/' ? '' : url.pathname}/__data.json${url.search}`;
	}
	if (!('page' in probe.target) && !('method' in probe.target && probe.target.method === 'GET')) {
		headers.origin = ORIGIN;
	}
	const method =
		'page' in probe.target ? 'GET' : 'method' in probe.target ? probe.target.method : 'POST';
	if ('formAction' in probe.target) {
		headers.accept = 'text/html';
		if (probe.target.formAction !== 'default') path += `?/${probe.target.formAction}`;
	}
	// A context per request: a cookie one actor's answer sets must not travel with the next actor.
	const context = await requests.newContext({ baseURL: ORIGIN });
	try {
		const response = await context.fetch(path, {
			method,
			headers,
			maxRedirects: 0,
			...(probe.form ? { form: probe.form(world) } : {}),
			...(probe.json ? { data: probe.json(world) } : {})
		});
		return asData
			? await classifyData(response)
			: classify(response.status(), response.headers().location);
	} finally {
		await context.dispose();
	}
}

function probeTitle(probe: Probe, asData: boolean): string {
	const target =
		'page' in probe.target
			? asData
				? 'GET __data.json'
				: 'GET page'
			: 'formAction' in probe.target
				? `POST ?/${probe.target.formAction}`
				: probe.target.method;
	return `${probe.route} ${target} (${probe.action}: ${probe.subject})`;
}

const changesState = (probe: Probe) => !('page' in probe.target) && !isMethod(probe, 'GET');

for (const probe of ACCESS_TABLE) {
	for (const asData of isPage(probe) ? [false, true] : [false]) {
		test(probeTitle(probe, asData), async () => {
			const actual: Partial<Record<Actor, Outcome | number>> = {};
			// Reads share one world; anything that may change state gets a fresh one per actor.
			let world = await buildWorld(db);
			for (const actor of ACTORS) {
				if (changesState(probe) && actor !== ACTORS[0]) world = await buildWorld(db);
				actual[actor] = await send(probe, world, actor, asData);
			}
			expect(actual).toEqual(probe.expect);
		});
	}
}

import { sql } from 'kysely';
import type { AppDatabase } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/connection';
import { expect, request as requests, test } from '@playwright/test';
import { ACCESS_TABLE, type Probe } from '../access/table';
import { ACTORS, buildWorld, type Actor, type World } from '../access/world';
import { E2E_DATABASE_PATH, ORIGIN, SESSION_COOKIE } from '../fixtures';
import { send } from './http';

/**
 * Every page and every GET endpoint of the access table (so a new route is covered as soon as the
 * table has it), read on the production build: security headers, the CSP, no state change, and in
 * the browser no CSP violation and no request to any host but the app.
 */

let db: AppDatabase;
let world: World;

test.beforeAll(async () => {
	db = openDatabase(E2E_DATABASE_PATH);
	await sql`PRAGMA synchronous = OFF`.execute(db);
	world = await buildWorld(db);
});

test.afterAll(async () => {
	await db.destroy();
});

const reads = ACCESS_TABLE.filter(
	(probe) => 'page' in probe.target || ('method' in probe.target && probe.target.method === 'GET')
);
/** One probe per page route for the browser walk: the HTTP checks above see every probe. */
const pages = reads.filter(
	(probe, index) =>
		'page' in probe.target &&
		reads.findIndex((other) => 'page' in other.target && other.route === probe.route) === index
);

/** The actor the probe lets in, so the page itself is checked rather than a refusal. */
function allowedActor(probe: Probe): Actor {
	return ACTORS.find((actor) => probe.expect[actor] === 'ok') ?? 'owner';
}

function tokenOf(actor: Actor): string | undefined {
	return world.cookies[actor]?.slice(SESSION_COOKIE.length + 1);
}

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name!, values])
	);
}

function headerProblems(
	path: string,
	status: number,
	headers: Record<string, string>,
	html: boolean
) {
	const problems: string[] = [];
	const expectHeader = (name: string, value: RegExp) => {
		if (!value.test(headers[name] ?? '')) {
			problems.push(`${path} (${status}): ${name}=${headers[name]}`);
		}
	};
	expectHeader('x-content-type-options', /^nosniff$/);
	expectHeader('referrer-policy', /^(same-origin|no-referrer|strict-origin)$/);
	expectHeader('x-frame-options', /^DENY$/);
	expectHeader('cross-origin-opener-policy', /^same-origin$/);
	expectHeader('permissions-policy', /camera=\(\)/);
	const csp = directives(headers['content-security-policy'] ?? '');
	// ASVS 3.4.3 and 3.4.6: on every response.
	for (const name of ['frame-ancestors', 'object-src', 'base-uri']) {
		if (csp.get(name)?.join(' ') !== "'none'") {
			problems.push(`${path} (${status}): no ${name} 'none'`);
		}
	}
	if (html) {
		const scripts = csp.get('script-src') ?? [];
		if (!scripts.includes("'self'") || scripts.some((s) => /unsafe|\*|data:|http/.test(s))) {
			problems.push(`${path}: script-src ${scripts.join(' ')}`);
		}
		if (!scripts.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha256-"))) {
			problems.push(`${path}: inline scripts are not pinned by nonce or hash`);
		}
		for (const [name, value] of [
			['default-src', "'self'"],
			['form-action', "'self'"]
		]) {
			if (csp.get(name!)?.join(' ') !== value) problems.push(`${path}: ${name} is not ${value}`);
		}
	} else if (!csp.has('sandbox') || csp.get('default-src')?.join(' ') !== "'none'") {
		problems.push(`${path} (${status}): a non-page response may run something`);
	}
	if (headers['strict-transport-security']) problems.push(`${path}: HSTS on plain http`);
	return problems;
}

test('every page and GET endpoint, for the actor it lets in and for a stranger, sends the security headers', async () => {
	test.setTimeout(90_000);
	const problems: string[] = [];
	let checked = 0;
	for (const probe of reads) {
		for (const actor of [allowedActor(probe), 'anonymous' as const]) {
			const path = probe.path(world, actor);
			const response = await send(path, { token: tokenOf(actor) });
			const html = (response.headers['content-type'] ?? '').startsWith('text/html');
			problems.push(...headerProblems(path, response.status, response.headers, html));
			checked++;
		}
	}
	for (const path of ['/no-such-page', '/maps/nosuchmapid0000', '/maps/nosuchmapid0000.json']) {
		const response = await send(path);
		const html = (response.headers['content-type'] ?? '').startsWith('text/html');
		problems.push(...headerProblems(path, response.status, response.headers, html));
		checked++;
	}
	expect(problems).toEqual([]);
	expect(checked).toBeGreaterThan(40);
});

test('behind https the app sends Strict-Transport-Security', async () => {
	const context = await requests.newContext({ baseURL: 'http://localhost:4174' });
	const response = await context.get('/');
	expect(response.headers()['strict-transport-security']).toMatch(/max-age=31536000/);
	await context.dispose();
});

/** Every row of every table that names one of the world's users or objects. */
async function worldSnapshot(): Promise<string[]> {
	const ids = [...Object.values(world.users), ...Object.values(world.ids)].flatMap((value) =>
		typeof value === 'string' ? [value] : Object.values(value)
	);
	const tables = await sql<{ name: string }>`
		SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
	`.execute(db);
	const rows: string[] = [];
	for (const { name } of tables.rows) {
		const all = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
		for (const row of all.rows) {
			const text = JSON.stringify(row);
			if (ids.some((id) => text.includes(id))) rows.push(`${name} ${text}`);
		}
	}
	return rows.sort();
}

test('no GET changes state: reading every page and endpoint as every actor leaves the data as it was', async () => {
	test.setTimeout(90_000);
	const before = await worldSnapshot();
	expect(before.length).toBeGreaterThan(20);
	// A context per actor: what the answers set (the same session, a language) is the actor's own.
	const contexts = await Promise.all(ACTORS.map(() => requests.newContext({ baseURL: ORIGIN })));
	try {
		for (const probe of reads) {
			await Promise.all(
				ACTORS.map((actor, index) =>
					send(probe.path(world, actor), { token: tokenOf(actor), context: contexts[index] })
				)
			);
		}
	} finally {
		await Promise.all(contexts.map((context) => context.dispose()));
	}
	expect(await worldSnapshot()).toEqual(before);
});

for (const probe of pages) {
	test(`in the browser: ${probe.route} (${probe.subject}) has no CSP violation and contacts no other host`, async ({
		page,
		context
	}) => {
		const actor = allowedActor(probe);
		const token = tokenOf(actor);
		if (token) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: ORIGIN }]);
		const foreign: string[] = [];
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== ORIGIN) {
				foreign.push(request.url());
			}
		});
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy|Refused to/i.test(message.text())) {
				violations.push(message.text());
			}
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`);
			});
		});
		const response = await page.goto(probe.path(world, actor));
		expect(response?.status()).toBeLessThan(500);
		await page.waitForLoadState('networkidle');
		expect(violations).toEqual([]);
		expect(foreign).toEqual([]);
	});
}

import type { ArgumentMap } from '$lib/argument';
import { exportBundle } from '$lib/interchange/export';
import type { OutlineLabels } from '$lib/interchange/markdown';
import type { AppDatabase } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/connection';
import { expect, test, request as requests } from '@playwright/test';
import { E2E_DATABASE_PATH, ORIGIN, SESSION_COOKIE } from '../fixtures';
import { postForm, send, signUpByRequest, userIdOf } from './http';

/**
 * Oversized input on the production build: it either works completely or is refused with a
 * clear message and nothing written, and the app keeps answering others meanwhile.
 */

let db: AppDatabase;
test.beforeAll(() => {
	db = openDatabase(E2E_DATABASE_PATH);
});
test.afterAll(async () => {
	await db.destroy();
});

async function countOwned(userId: string, table: 'commentaries' | 'maps') {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('ownerId', '=', userId)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

function commentaryForm(body: string, title: string) {
	return { title, author: 'A', outlet: 'B', publishedOn: '', sourceUrl: '', language: 'en', body };
}

test('a 1 MB commentary is refused with a clear message, its text given back, nothing written', async () => {
	const { token, account } = await signUpByRequest();
	const userId = await userIdOf(db, account.username);
	const body = 'Der Waffenstillstand hält nicht. '.repeat(32 * 1024).slice(0, 1024 * 1024);
	const response = await postForm('/commentaries/new', commentaryForm(body, 'One megabyte'), token);
	expect(response.status).toBe(413);
	expect(response.body).toContain('200,000');
	// The form comes back with the whole text, so nothing typed is lost.
	expect(response.body).toContain(body.slice(-2000));
	expect(await countOwned(userId, 'commentaries')).toBe(0);
});

test('a body over the server limit (BODY_SIZE_LIMIT) is refused with 413 and nothing written', async () => {
	const { token, account } = await signUpByRequest();
	const userId = await userIdOf(db, account.username);
	const response = await postForm(
		'/commentaries/new',
		commentaryForm('x'.repeat(5 * 1024 * 1024), 'Five megabytes'),
		token
	);
	expect(response.status).toBe(413);
	expect(await countOwned(userId, 'commentaries')).toBe(0);
});

const compactJson = (text: string) => JSON.stringify(JSON.parse(text));

function bigMap(statements: number): ArgumentMap {
	return {
		statements: Array.from({ length: statements }, (_, i) => ({
			id: `s${i}`,
			text: `Statement ${i}`,
			role: i === 0 ? ('main_claim' as const) : ('premise' as const),
			implicit: true,
			anchors: [],
			note: ''
		})),
		relations: Array.from({ length: statements - 1 }, (_, i) => ({
			id: `r${i + 1}`,
			kind: 'support' as const,
			premiseIds: [`s${i + 1}`],
			conclusionId: 's0'
		}))
	};
}

test('a 10,000-statement import works completely, and the app answers others while it runs', async () => {
	test.setTimeout(120_000);
	const { token, account } = await signUpByRequest();
	const userId = await userIdOf(db, account.username);
	// Compact JSON: 10,000 statements then fit the 2 MB import limit.
	const file = compactJson(
		exportBundle(
			'json',
			{
				title: 'Ten thousand statements',
				commentary: {
					title: 'Large',
					author: 'A',
					outlet: 'B',
					language: 'en',
					publishedOn: null,
					sourceUrl: null,
					body: 'A text.'
				},
				map: bigMap(10_000)
			},
			{} as OutlineLabels
		)
	);
	const context = await requests.newContext({ baseURL: ORIGIN });
	const started = Date.now();
	const upload = context.post('/maps/import', {
		headers: { cookie: `${SESSION_COOKIE}=${token}`, Origin: ORIGIN, Accept: 'text/html' },
		multipart: {
			format: 'auto',
			file: { name: 'large.argumap.json', mimeType: 'application/json', buffer: Buffer.from(file) }
		},
		maxRedirects: 0,
		timeout: 110_000
	});
	// Someone else reads a page meanwhile.
	const latencies: number[] = [];
	let finished = false;
	void upload.finally(() => (finished = true));
	do {
		const begin = Date.now();
		expect((await send('/login')).status).toBe(200);
		latencies.push(Date.now() - begin);
		await new Promise((resolve) => setTimeout(resolve, 100));
	} while (!finished && Date.now() - started < 100_000);
	const response = await upload;
	const took = Date.now() - started;
	await context.dispose();

	const status = response.status();
	if (status === 303) {
		const mapId = /\/maps\/([^/?]+)/.exec(response.headers().location ?? '')![1]!;
		const stored = await db
			.selectFrom('maps')
			.select(['statementCount', 'relationCount', 'ownerId'])
			.where('id', '=', mapId)
			.executeTakeFirstOrThrow();
		expect(stored).toEqual({ statementCount: 10_000, relationCount: 9_999, ownerId: userId });
	} else {
		expect([413, 422]).toContain(status);
		expect(await countOwned(userId, 'maps')).toBe(0);
	}
	console.log(
		`[figure] import 10,000 statements (${(file.length / 1024 / 1024).toFixed(2)} MB): ${status} in ${took} ms; ` +
			`${latencies.length} page reads meanwhile, slowest ${Math.max(...latencies)} ms`
	);
});

test('an import over the 2 MB limit is refused with a clear message and nothing written', async () => {
	const { token, account } = await signUpByRequest();
	const userId = await userIdOf(db, account.username);
	const file = JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) });
	const context = await requests.newContext({ baseURL: ORIGIN });
	const response = await context.post('/maps/import', {
		headers: { cookie: `${SESSION_COOKIE}=${token}`, Origin: ORIGIN, Accept: 'text/html' },
		multipart: {
			format: 'auto',
			file: { name: 'large.argumap.json', mimeType: 'application/json', buffer: Buffer.from(file) }
		},
		maxRedirects: 0
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('The file is too large. Nothing was imported.');
	await context.dispose();
	expect(await countOwned(userId, 'maps')).toBe(0);
});

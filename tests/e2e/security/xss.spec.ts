import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import type { ArgumentMap } from '$lib/argument';
import { createAssignment, returnWork, startAssignment, submitWork } from '$lib/server/assignments';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { createClass, getClass, joinClass } from '$lib/server/classes';
import { addComment } from '$lib/server/comments';
import { createCommentary } from '$lib/server/commentaries';
import type { AppDatabase } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/connection';
import { createMap } from '$lib/server/maps';
import { createShareLink, shareWithClass } from '$lib/server/sharing';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATABASE_PATH, ORIGIN, SESSION_COOKIE } from '../fixtures';
import { send } from './http';

/**
 * Script payloads in every text a user can type — display name, commentary (title, author,
 * outlet, source, text), map title, statements and notes, comments, class name, assignment title,
 * instructions and feedback — shown on every page and in every export. Nothing may run: the
 * payloads call `__xss()`, which the browser counts, and dialogs are watched. The text must show
 * literally, and no element of a payload may reach the DOM (so the CSP is not what saves us).
 */
const PAYLOADS = [
	'<img src=x id=xss-img onerror=__xss()>',
	'</script><script id=xss-script>__xss()</script>',
	']]><script id=xss-cdata>__xss()</script><![CDATA[',
	'"><svg id=xss-svg onload=__xss()>',
	// sveltejs/kit#9551: a textarea's value was not escaped in server-side rendering.
	'</textarea><img src=x id=xss-textarea onerror=__xss()>',
	"'-alert(1)-'",
	'{{constructor.constructor("__xss()")()}}',
	'<a id=xss-link href="javascript:__xss()">x</a>',
	'javascript:__xss()',
	'right\u202Eleft override',
	'nul\u0000byte',
	'lone\uD800surrogate'
];
/** Payloads that must appear character for character in the rendered text. */
const LITERAL = PAYLOADS.slice(0, 5);
const ALL = PAYLOADS.join(' ');

let db: AppDatabase;
const ids: Record<string, string> = {};
const tokens: Record<'owner' | 'teacher', string> = { owner: '', teacher: '' };

async function addUser(name: string): Promise<string> {
	const id = `xss${crypto.randomUUID().replaceAll('-', '')}`;
	const username = `xss${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	await db
		.insertInto('users')
		.values({
			id,
			username,
			usernameKey: username,
			displayName: name,
			email: null,
			// Nobody logs in with a password here: the test holds session tokens.
			passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$unused$unused',
			createdAt: Date.now()
		})
		.execute();
	return id;
}

async function sessionOf(userId: string) {
	const token = generateSessionToken();
	await createSession(db, token, userId);
	return token;
}

const payloadMap = (): ArgumentMap => ({
	statements: PAYLOADS.map((text, index) => ({
		id: `s${index}`,
		text,
		role: index === 0 ? 'main_claim' : 'premise',
		implicit: true,
		anchors: [],
		note: text
	})),
	relations: PAYLOADS.slice(1).map((_, index): ArgumentMap['relations'][number] =>
		index % 2
			? {
					id: `r${index}`,
					kind: 'attack',
					attackerId: `s${index + 1}`,
					target: { kind: 'statement', id: 's0' }
				}
			: { id: `r${index}`, kind: 'support', premiseIds: [`s${index + 1}`], conclusionId: 's0' }
	)
});

test.beforeAll(async () => {
	db = openDatabase(E2E_DATABASE_PATH);
	await sql`PRAGMA synchronous = OFF`.execute(db);
	const owner = await addUser(`${PAYLOADS[0]} Olga`);
	const teacher = await addUser(`${PAYLOADS[3]} Theo`);
	tokens.owner = await sessionOf(owner);
	tokens.teacher = await sessionOf(teacher);
	const commentary = {
		title: PAYLOADS[1]!,
		author: PAYLOADS[0]!,
		outlet: PAYLOADS[2]!,
		publishedOn: null,
		sourceUrl: 'javascript:__xss()',
		language: 'en' as const,
		body: `${ALL}\n\n${ALL}`
	};
	ids.commentary = await createCommentary(db, owner, commentary);
	ids.map = await createMap(db, {
		ownerId: owner,
		commentaryId: ids.commentary,
		title: PAYLOADS[3]!,
		map: payloadMap()
	});
	await addComment(db, ids.map, owner, { kind: 'map', id: null }, ALL);
	await addComment(db, ids.map, owner, { kind: 'statement', id: 's0' }, PAYLOADS[0]!);
	ids.class = await createClass(db, teacher, PAYLOADS[0]!);
	const joined = await joinClass(db, owner, (await getClass(db, ids.class))!.joinCode, '10.9.9.9');
	if (!joined.ok) throw new Error(joined.code);
	await shareWithClass(db, ids.class, { kind: 'map', id: ids.map }, owner);
	const teacherCommentary = await createCommentary(db, teacher, commentary);
	await shareWithClass(db, ids.class, { kind: 'commentary', id: teacherCommentary }, teacher);
	ids.assignment = await createAssignment(db, teacher, {
		classId: ids.class,
		commentaryId: teacherCommentary,
		title: PAYLOADS[1]!,
		instructions: ALL,
		dueAt: null,
		startingMap: payloadMap(),
		referenceMapId: null,
		suggestionsAllowed: true
	});
	ids.work = (await startAssignment(db, ids.assignment, owner))!;
	await submitWork(db, ids.assignment, owner);
	await returnWork(db, ids.assignment, owner, ALL);
	ids.link = await createShareLink(db, owner, { kind: 'map', id: ids.map });
});

test.afterAll(async () => {
	await db.destroy();
});

const VIEWS: { name: string; who: 'owner' | 'teacher' | null; path: () => string }[] = [
	{ name: 'landing page', who: 'owner', path: () => '/' },
	{ name: 'commentary list', who: 'owner', path: () => '/commentaries' },
	{ name: 'commentary', who: 'owner', path: () => `/commentaries/${ids.commentary}` },
	{ name: 'commentary editing', who: 'owner', path: () => `/commentaries/${ids.commentary}/edit` },
	{ name: 'map list', who: 'owner', path: () => '/maps' },
	{ name: 'map editor', who: 'owner', path: () => `/maps/${ids.map}` },
	{ name: 'print view', who: 'owner', path: () => `/maps/${ids.map}/print` },
	{ name: 'class list', who: 'owner', path: () => '/classes' },
	{ name: 'class (teacher)', who: 'teacher', path: () => `/classes/${ids.class}` },
	{ name: 'assignment (student)', who: 'owner', path: () => `/assignments/${ids.assignment}` },
	{ name: 'assignment (teacher)', who: 'teacher', path: () => `/assignments/${ids.assignment}` },
	{ name: 'returned work', who: 'owner', path: () => `/maps/${ids.work}` },
	{ name: 'shared map (teacher)', who: 'teacher', path: () => `/maps/${ids.map}` },
	{ name: 'account', who: 'owner', path: () => '/account' },
	{ name: 'read-only link', who: null, path: () => `/links/${ids.link}` }
];

async function watch(page: Page) {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	await page.addInitScript(() => {
		(window as unknown as { __xssRuns: number }).__xssRuns = 0;
		(window as unknown as { __xss: () => void }).__xss = () => {
			(window as unknown as { __xssRuns: number }).__xssRuns++;
		};
	});
	return dialogs;
}

for (const view of VIEWS) {
	test(`payloads stay text: ${view.name}`, async ({ page, context }) => {
		if (view.who) {
			await context.addCookies([{ name: SESSION_COOKIE, value: tokens[view.who], url: ORIGIN }]);
		}
		const dialogs = await watch(page);
		const response = await page.goto(view.path());
		expect(response?.status()).toBe(200);
		await page.waitForLoadState('networkidle');
		// Open every disclosure, so hidden panels (comments, outline) are rendered too.
		for (const summary of await page.locator('summary').all()) {
			if (await summary.isVisible()) await summary.click().catch(() => undefined);
		}
		const state = await page.evaluate(() => ({
			runs: (window as unknown as { __xssRuns: number }).__xssRuns,
			injected: [...document.querySelectorAll('[id^="xss"]')].map((e) => e.outerHTML),
			scriptUrls: [...document.querySelectorAll('a[href], area[href], iframe[src], form[action]')]
				.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action'))
				.filter((url) => /^\s*javascript:/i.test(url ?? '')),
			text: document.body.innerText,
			values: [...document.querySelectorAll('input, textarea')].map(
				(e) => (e as HTMLInputElement).value
			)
		}));
		expect(state.runs).toBe(0);
		expect(dialogs).toEqual([]);
		expect(state.injected).toEqual([]);
		expect(state.scriptUrls).toEqual([]);
		const shown = [state.text, ...state.values].join('\n');
		expect(LITERAL.some((payload) => shown.includes(payload))).toBe(true);
	});
}

test('the payload texts show literally where they are the main text', async ({ page, context }) => {
	await context.addCookies([{ name: SESSION_COOKIE, value: tokens.owner, url: ORIGIN }]);
	await page.goto(`/commentaries/${ids.commentary}`);
	const main = await page.getByRole('main').innerText();
	for (const payload of LITERAL) expect(main).toContain(payload);
	expect(main).toContain('right\u202Eleft override');
});

function attributesAndTags(node: unknown, found: { tags: string[]; attributes: string[] }) {
	if (Array.isArray(node)) {
		for (const child of node) attributesAndTags(child, found);
		return found;
	}
	if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === ':@') {
				found.attributes.push(...Object.keys(value as object).map((name) => name.slice(2)));
			} else if (key !== '#text') {
				found.tags.push(key);
			}
			attributesAndTags(value, found);
		}
	}
	return found;
}

test('every export keeps the payloads as text: SVG is well-formed XML with no script, foreignObject or on* attribute', async () => {
	const svg = await send(`/maps/${ids.map}/export/svg`, { token: tokens.owner });
	expect(svg.status).toBe(200);
	expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
	expect(XMLValidator.validate(svg.body)).toBe(true);
	const tree = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		preserveOrder: true,
		processEntities: true
	}).parse(svg.body) as unknown;
	const { tags, attributes } = attributesAndTags(tree, { tags: [], attributes: [] });
	expect(tags).toContain('svg');
	expect(tags.filter((tag) => /^(script|foreignObject|iframe|object|embed)$/i.test(tag))).toEqual(
		[]
	);
	expect(attributes.filter((name) => /^on/i.test(name))).toEqual([]);
	expect(
		attributes.filter((name) => /href$/i.test(name)).length,
		'links in an exported graph'
	).toBe(0);

	for (const format of ['argdown', 'md', 'aif', 'ova', 'json']) {
		const file = await send(`/maps/${ids.map}/export/${format}`, { token: tokens.owner });
		expect(file.status, format).toBe(200);
		expect(file.headers['content-type'], format).not.toMatch(/html|svg|xml/);
		expect(file.headers['content-disposition'], format).toMatch(/^attachment;/);
		expect(file.headers['x-content-type-options'], format).toBe('nosniff');
		expect(file.headers['content-security-policy'], format).toMatch(/sandbox/);
		const text = ['aif', 'ova', 'json'].includes(format)
			? JSON.stringify(JSON.parse(file.body))
			: file.body;
		// The payload text is kept (Markdown escapes its punctuation).
		expect(text, format).toContain('onerror');
	}
	const account = await send('/account/export.json', { token: tokens.owner });
	expect(account.status).toBe(200);
	expect(account.headers['content-type']).toMatch(/^application\/json/);
	const exported = JSON.parse(account.body) as { account: { displayName: string } };
	expect(exported.account.displayName).toBe(`${PAYLOADS[0]} Olga`);
	console.log(
		`XSS: ${PAYLOADS.length} payloads in 14 text fields, ${VIEWS.length} views, 7 exports`
	);
});

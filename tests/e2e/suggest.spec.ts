import type { Locator, Page } from '@playwright/test';
import { createClass, joinByLink, mapJson, newUser } from './classroom-helpers';
import { EditorPage } from './editor-page';
import {
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	newAccount,
	pinLanguage,
	signUp,
	test
} from './fixtures';

test.describe.configure({ timeout: 120_000 });

const STATEMENT_ACCEPT = /^Accept: (Main claim|Intermediate conclusion|Premise|Objection): /;

function suggestionsPanel(page: Page): Locator {
	return page.getByRole('region', { name: 'Suggestions' });
}

/** The suggested statements still on offer, in the order listed. */
function statementSuggestions(page: Page): Locator {
	return suggestionsPanel(page)
		.getByRole('listitem')
		.filter({ has: page.getByRole('button', { name: STATEMENT_ACCEPT }) });
}

async function wordsOf(item: Locator): Promise<string> {
	return (await item.locator('.words').textContent())!.trim();
}

async function outlineTexts(editor: EditorPage): Promise<string[]> {
	const texts = await editor.outline.locator('[data-outline-statement]').allTextContents();
	return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

async function suggest(page: Page) {
	await page.getByRole('button', { name: 'Suggest a map', exact: true }).click();
	await expect(suggestionsPanel(page).getByRole('heading', { name: 'Suggestions' })).toBeFocused();
}

test('on the seed commentary: suggest, accept two, reject one, reload: only the accepted ones are statements', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	await suggest(page);

	// The draft layer: dashed passages in the text, each listed with its reasons.
	await expect(editor.text.locator('.suggested').first()).toBeVisible();
	const offered = await statementSuggestions(page).count();
	expect(offered).toBeGreaterThanOrEqual(3);
	const reasons = statementSuggestions(page).first().getByRole('list', { name: 'Why' });
	// Each reason reads as a sentence in the UI language, not as a rule's code.
	await expect(reasons.getByRole('listitem').first()).not.toHaveText(/^[a-z_]+$/);

	const first = await wordsOf(statementSuggestions(page).nth(0));
	const second = await wordsOf(statementSuggestions(page).nth(1));
	const third = await wordsOf(statementSuggestions(page).nth(2));
	const item = (words: string) => statementSuggestions(page).filter({ hasText: words });

	await item(first).getByRole('button', { name: STATEMENT_ACCEPT }).click();
	await expect(suggestionsPanel(page).getByRole('status')).toHaveText('Accepted into the map.');
	await item(second).getByRole('button', { name: STATEMENT_ACCEPT }).click();
	await item(third)
		.getByRole('button', { name: /^Reject: / })
		.click();
	await expect(suggestionsPanel(page).getByRole('status')).toHaveText('Rejected.');
	await expect(statementSuggestions(page)).toHaveCount(offered - 3);
	// Keyboard focus stays in the list, on the next suggestion, instead of falling back to the page.
	await expect(suggestionsPanel(page).locator(':focus')).toHaveAccessibleName(/^Accept: /);

	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(2);
	await editor.expectSaved();
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(suggestionsPanel(page)).toHaveCount(0);
	await expect(editor.text.locator('.suggested')).toHaveCount(0);
	const texts = await outlineTexts(editor);
	expect(texts).toHaveLength(2);
	expect(texts.some((text) => text.includes(first))).toBe(true);
	expect(texts.some((text) => text.includes(second))).toBe(true);
	expect(texts.some((text) => text.includes(third))).toBe(false);
});

test('suggestions that fail to download say so, change nothing, and come on the next try', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	const id = new URL(page.url()).pathname.split('/').pop()!;
	const before = await (await mapJson(page.request, id)).json();
	await page.waitForLoadState('networkidle');
	// Everything the page needs has loaded: the next scripts are the suggestions' own.
	let offline = true;
	await page.route('**/_app/immutable/**/*.js', (route) =>
		offline ? route.abort('internetdisconnected') : route.continue()
	);
	const button = page.getByRole('button', { name: 'Suggest a map', exact: true });
	await button.click();
	await expect(page.getByRole('alert')).toHaveText(
		'The suggestions could not be loaded – check your connection and try again. Your map is not affected.'
	);
	await expect(button).toBeEnabled();
	await expect(suggestionsPanel(page)).toHaveCount(0);
	expect(await (await mapJson(page.request, id)).json()).toEqual(before);

	offline = false;
	await suggest(page);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(statementSuggestions(page).first()).toBeVisible();
});

test('accept all leaves the statement the user made unchanged and can be undone in one step', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	const mapId = new URL(page.url()).pathname.split('/').pop()!;
	// On purpose not what the suggester would say: a phrase, as an objection, with a note.
	await editor.createFromWords('waren der Welt viel zu lange gleichgültig', 'Objection');
	await page.getByLabel('Note', { exact: true }).fill('Meine Notiz');
	await editor.expectSaved();
	const before = (await (await mapJson(page.request, mapId)).json()).map.statements;
	expect(before).toHaveLength(1);

	await suggest(page);
	const panel = suggestionsPanel(page);
	await panel.getByRole('button', { name: 'Accept all' }).click();
	await expect(panel.getByText('No suggestions left.')).toBeVisible();
	await expect(editor.text.locator('.suggested')).toHaveCount(0);
	await editor.expectSaved();
	const after = (await (await mapJson(page.request, mapId)).json()).map;
	expect(after.statements.length).toBeGreaterThan(2);
	expect(after.relations.length).toBeGreaterThan(0);
	expect(
		after.statements.find((statement: { id: string }) => statement.id === before[0].id)
	).toEqual(before[0]);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(1);
	await expect(statementSuggestions(page).first()).toBeVisible();
});

test('the suggestion panel passes axe in English and German', async ({ page, account }) => {
	await signUp(page, account);
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	await suggest(page);
	await expectNoAxeViolations(page);

	await pinLanguage(page, 'de');
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await page.getByRole('button', { name: 'Karte vorschlagen', exact: true }).click();
	const panel = page.getByRole('region', { name: 'Vorschläge' });
	await expect(panel.getByRole('button', { name: 'Alle übernehmen' })).toBeVisible();
	await expectNoAxeViolations(page);
	await panel.getByRole('button', { name: 'Alle verwerfen' }).click();
	await expect(panel.getByText('Keine Vorschläge mehr.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an assignment with suggestions switched off shows its students no suggest button', async ({
	page: teacher,
	browser
}) => {
	await signUp(teacher, newAccount({ displayName: 'Frau Lorenz' }));
	const klass = await createClass(teacher, '10b Deutsch');
	const student = await newUser(browser, 'Mia Sommer');
	await joinByLink(student, klass.joinPath);

	for (const allowed of [false, true]) {
		await gotoHydrated(teacher, `/classes/${klass.id}`);
		await teacher.getByRole('link', { name: 'New assignment' }).click();
		await teacher.waitForLoadState('networkidle');
		await teacher.getByLabel('Title').fill(allowed ? 'Mit Vorschlägen' : 'Ohne Vorschläge');
		await teacher
			.getByLabel('Commentary')
			.selectOption({ label: 'Feuerpause in Aleppo – Kommentar' });
		await teacher.getByLabel('Allow argument suggestions').setChecked(allowed);
		await teacher.getByRole('button', { name: 'Set assignment' }).click();
		await expect(teacher).toHaveURL(/\/assignments\/[a-z2-7]{8,}$/);

		await gotoHydrated(student, new URL(teacher.url()).pathname);
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
		await student.waitForLoadState('networkidle');
		// The map is the student's to edit either way.
		await expect(student.getByRole('button', { name: 'Undo' })).toBeVisible();
		await expect(student.getByRole('button', { name: 'Suggest a map', exact: true })).toHaveCount(
			allowed ? 1 : 0
		);
	}
});

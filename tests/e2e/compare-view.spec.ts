import type { Page } from '@playwright/test';
import {
	copyMap,
	createClass,
	exampleMapId,
	joinByLink,
	mapJson,
	newUser
} from './classroom-helpers';
import {
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	newAccount,
	siteHeader,
	signUp,
	test
} from './fixtures';

/** The seeded example map and a copy of it: two maps of one commentary, alike statement for statement. */
async function twoMaps(page: Page) {
	const example = await exampleMapId(page);
	const copy = await copyMap(page, example, 'Compare smoke copy');
	return { a: example, b: copy };
}

/** A pane, named by its heading: "Map A …" (German: "Karte A …") and the map's title. */
const pane = (page: Page, side: 'A' | 'B', word = 'Map') =>
	page.getByRole('region', { name: new RegExp(`^${word} ${side}\\b`) });

test('the compare view: two panes, a suggestion accepted as a numbered link on both ends, axe in both languages, stacked on a phone', async ({
	page,
	account
}) => {
	test.setTimeout(90_000);
	await signUp(page, account);
	const { a, b } = await twoMaps(page);
	await gotoHydrated(page, `/compare?a=${a}&b=${b}`);

	await expect(page.getByRole('heading', { level: 1, name: 'Compare maps' })).toBeVisible();
	await expect(pane(page, 'A')).toBeVisible();
	await expect(pane(page, 'B').getByRole('heading', { name: /Compare smoke copy/ })).toBeVisible();
	await expect(pane(page, 'A').getByTestId('argument-graph')).toBeVisible();
	// Two maps of one commentary: the agreement of a copy with its original is complete.
	await expect(page.getByRole('heading', { name: 'Agreement' })).toBeVisible();
	await expect(page.locator('[data-agreement-score]')).toHaveText('100% agreement');

	const links = page.getByRole('region', { name: 'Links between the maps' });
	await expect(links.getByText('No links yet.', { exact: false })).toBeVisible();
	await page.getByRole('button', { name: 'Accept suggestion 1' }).click();
	await expect(links.getByRole('status')).toHaveText('Suggestion accepted as link 1.');
	// The accepted suggestion leaves the list; keyboard focus moves on to the next one.
	await expect(
		page
			.getByRole('region', { name: 'Suggested same claims' })
			.getByRole('listitem')
			.first()
			.getByRole('button')
			.first()
	).toBeFocused();
	const first = links.getByRole('button', { name: /^1 · same claim · A: .+ ↔ B: / });
	await expect(first).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Save the comparison' }).getByRole('status')
	).toHaveText('Unsaved changes');

	// Both ends carry badge 1: in each pane's selection panel (accepting selects both) and outline.
	for (const side of ['A', 'B'] as const) {
		await expect(
			pane(page, side)
				.getByRole('group', { name: `Selected in map ${side}` })
				.locator('[data-link-badge="1"]')
		).toBeVisible();
		await pane(page, side).getByRole('button', { name: 'Outline' }).click();
		await expect(
			pane(page, side)
				.getByRole('region', { name: `Outline of map ${side}` })
				.locator('[data-link-badge="1"]')
		).toHaveCount(1);
	}
	await expect(first).toHaveAttribute('aria-pressed', 'true');
	await expectNoAxeViolations(page);

	// Undo by keyboard takes the link back.
	await page.keyboard.press('Control+z');
	await expect(links.getByRole('status')).toHaveText('Link change undone.');
	await expect(first).toHaveCount(0);

	await siteHeader(page).getByRole('button', { name: 'Deutsch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Karten vergleichen' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expectNoAxeViolations(page);

	await page.setViewportSize({ width: 420, height: 900 });
	const boxA = await pane(page, 'A', 'Karte').boundingBox();
	const boxB = await pane(page, 'B', 'Karte').boundingBox();
	expect(boxA && boxB && boxB.y >= boxA.y + boxA.height).toBe(true);
	expect(boxB!.x).toBeCloseTo(boxA!.x, 0);
});

test('the picker: map A preselected from the address, two maps picked in a GET form', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const { a, b } = await twoMaps(page);
	await gotoHydrated(page, `/compare?a=${a}`);
	await expect(page.getByLabel('Map A')).toHaveValue(a);
	await page.getByLabel('Map B').selectOption(b);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Compare', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/compare\\?a=${a}&b=${b}$`));
	await expect(pane(page, 'B')).toBeVisible();
});

test('saving: the new comparison opens on its own page with its links, saves again in place, and reads through a link', async ({
	page,
	account,
	browser
}) => {
	await signUp(page, account);
	const { a, b } = await twoMaps(page);
	await gotoHydrated(page, `/compare?a=${a}&b=${b}`);
	await page.getByRole('button', { name: 'Accept suggestion 1' }).click();
	const save = page.getByRole('region', { name: 'Save the comparison' });
	await save.getByLabel('Title').fill('Smoke comparison');
	await save.getByRole('button', { name: 'Save comparison' }).click();
	await expect(page).toHaveURL(/\/comparisons\/[a-z2-7]+$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Smoke comparison' })).toBeVisible();
	const links = page.getByRole('region', { name: 'Links between the maps' });
	await expect(links.getByRole('button', { name: /^1 · same claim/ })).toBeVisible();

	const details = page.getByRole('region', { name: 'Title and note' });
	await details.getByLabel('Note').fill('Both maps agree.');
	await expect(details.getByRole('status')).toHaveText('Unsaved changes');
	await details.getByRole('button', { name: 'Save comparison' }).click();
	await expect(details.getByRole('status')).toHaveText('Saved.');
	await expectNoAxeViolations(page);
	await page.reload();
	await expect(page.getByRole('region', { name: 'Title and note' }).getByLabel('Note')).toHaveValue(
		'Both maps agree.'
	);

	// A read-only link shows the comparison to anyone, links and note included, nothing to edit.
	await page.getByRole('button', { name: 'Create a read-only link' }).click();
	const url = await page.getByRole('textbox', { name: 'New read-only link' }).inputValue();
	const reader = await (await browser.newContext({ locale: 'en-US' })).newPage();
	await gotoHydrated(reader, new URL(url).pathname);
	await expect(reader.getByRole('heading', { level: 1, name: 'Smoke comparison' })).toBeVisible();
	await expect(reader.getByText('Both maps agree.')).toBeVisible();
	await expect(pane(reader, 'A')).toBeVisible();
	const shared = reader.getByRole('region', { name: 'Links between the maps' });
	await expect(shared.getByRole('button', { name: /^1 · same claim/ })).toBeVisible();
	await expect(shared.getByRole('button', { name: 'Remove link 1' })).toHaveCount(0);
	await expect(reader.getByRole('button', { name: 'Save comparison' })).toHaveCount(0);
	await expect(reader.getByRole('button', { name: /^Accept suggestion/ })).toHaveCount(0);
	await expectNoAxeViolations(reader);
	await reader.context().close();
});

test('the assignment page: a teacher compares a student with the reference, and two students', async ({
	page: teacher,
	browser
}) => {
	test.setTimeout(120_000);
	await signUp(teacher, newAccount({ displayName: 'Frau Vogel' }));
	const klass = await createClass(teacher, 'Vergleich 11c');
	const exampleId = await exampleMapId(teacher);
	const referenceId = await copyMap(teacher, exampleId, 'Referenz Aleppo');
	const students = [await newUser(browser, 'Jana Kern'), await newUser(browser, 'Paul Roth')];
	for (const student of students) await joinByLink(student, klass.joinPath);

	const commentaryId: string = (await (await mapJson(teacher.request, referenceId)).json())
		.commentary.id;
	await gotoHydrated(teacher, `/classes/${klass.id}/assignments/new?commentary=${commentaryId}`);
	await teacher.getByLabel('Title').fill('Aleppo vergleichen');
	await teacher.getByLabel('Reference map (optional)').selectOption({ label: 'Referenz Aleppo' });
	await teacher.getByRole('button', { name: 'Set assignment' }).click();
	await expect(teacher).toHaveURL(/\/assignments\/[a-z2-7]{8,}$/);
	const assignmentPath = new URL(teacher.url()).pathname;

	const studentMaps: string[] = [];
	for (const student of students) {
		await gotoHydrated(student, assignmentPath);
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
		studentMaps.push(new URL(student.url()).pathname.split('/').pop()!);
	}

	await gotoHydrated(teacher, assignmentPath);
	await expectNoAxeViolations(teacher);
	await teacher
		.getByRole('link', { name: 'Compare the map of Jana Kern with the reference' })
		.click();
	await expect(teacher).toHaveURL(`/compare?a=${studentMaps[0]}&b=${referenceId}`);
	await expect(pane(teacher, 'B').getByRole('heading', { name: /Referenz Aleppo/ })).toBeVisible();

	await gotoHydrated(teacher, assignmentPath);
	const form = teacher.getByRole('region', { name: 'Compare two students' });
	await expect(form.getByLabel('First student')).toHaveValue(studentMaps[0]!);
	await form.getByLabel('Second student').selectOption({ label: 'Paul Roth' });
	await form.getByRole('button', { name: 'Compare' }).click();
	await expect(teacher).toHaveURL(`/compare?a=${studentMaps[0]}&b=${studentMaps[1]}`);
	await expect(pane(teacher, 'A')).toBeVisible();
	await expect(pane(teacher, 'B')).toBeVisible();
	for (const student of students) await student.context().close();
});

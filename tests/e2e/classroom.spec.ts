import type { Page } from '@playwright/test';
import {
	copyMap,
	createClass,
	exampleMapId,
	joinByCode,
	joinByLink,
	mapJson,
	newUser
} from './classroom-helpers';
import { EditorPage } from './editor-page';
import {
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	newAccount,
	ORIGIN,
	pinLanguage,
	signUp,
	test
} from './fixtures';

const PREMISE = 'Lange Zeit war Moskau nicht bereit, sich zu bewegen';
const COMMENT = 'Is this a premise, or the conclusion of the whole commentary?';
const FEEDBACK = 'A good start. Look again at what the author concludes.';

function commentsPanel(page: Page) {
	return page.getByRole('region', { name: /^Comments \(\d+\)$/ });
}

async function expectNoAxeViolationsInGerman(page: Page) {
	await pinLanguage(page, 'de');
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expectNoAxeViolations(page);
	await pinLanguage(page, 'en');
	await page.reload();
	await page.waitForLoadState('networkidle');
}

/**
 * The whole classroom story, in the browser: a class, two ways to join, an assignment
 * with a starting map, work handed in, a comment on a statement, the return, the reference
 * map, an outsider who sees none of it, and a read-only link that stops working when revoked.
 */
test('a class from joining to feedback and the reference map; outsiders and revoked links see nothing', async ({
	page: teacher,
	browser
}) => {
	test.setTimeout(240_000);
	await signUp(teacher, newAccount({ displayName: 'Herr Wagner' }));
	const klass = await createClass(teacher, '11c Politik');
	await expectNoAxeViolations(teacher);
	await expectNoAxeViolationsInGerman(teacher);

	const byCode = await newUser(browser, 'Lena Koch');
	await joinByCode(byCode, klass.code.toLowerCase().replace('-', ' '));
	const byLink = await newUser(browser, 'Jonas Berg');
	await joinByLink(byLink, klass.joinPath);
	await gotoHydrated(teacher, `/classes/${klass.id}`);
	const students = teacher.getByRole('list', { name: 'Students' });
	await expect(students.getByText('Lena Koch', { exact: true })).toBeVisible();
	await expect(students.getByText('Jonas Berg', { exact: true })).toBeVisible();

	// A student of another teacher's class.
	const otherTeacher = await newUser(browser, 'Frau Otto');
	const otherClass = await createClass(otherTeacher, '11a Ethik');
	const outsider = await newUser(browser, 'Ole Fremd');
	await joinByLink(outsider, otherClass.joinPath);

	// The teacher's own starting map: a copy of the example map made from its page.
	const exampleId = await exampleMapId(teacher);
	await gotoHydrated(teacher, `/maps/${exampleId}`);
	await teacher.getByRole('button', { name: 'Make my own copy' }).click();
	await expect(teacher).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	const startingMapId = new URL(teacher.url()).pathname.split('/').pop()!;
	expect(startingMapId).not.toBe(exampleId);
	const referenceMapId = await copyMap(teacher, exampleId, 'Musterlösung 11c');

	// The assignment on the seed commentary, with the starting and reference maps.
	await gotoHydrated(teacher, `/classes/${klass.id}`);
	await teacher.getByRole('link', { name: 'New assignment' }).click();
	await teacher.waitForLoadState('networkidle');
	await teacher.getByLabel('Title').fill('Aleppo kartieren');
	await teacher
		.getByLabel('Commentary')
		.selectOption({ label: 'Feuerpause in Aleppo – Kommentar' });
	await teacher
		.getByLabel('Starting map (optional)')
		.selectOption({ label: 'Copy of Beispielkarte: Feuerpause in Aleppo' });
	await teacher.getByLabel('Reference map (optional)').selectOption({ label: 'Musterlösung 11c' });
	await teacher.getByRole('button', { name: 'Set assignment' }).click();
	await expect(teacher).toHaveURL(/\/assignments\/[a-z2-7]{8,}$/);
	const assignmentPath = new URL(teacher.url()).pathname;

	// The student starts from the starting map, maps one more premise and hands it in.
	await gotoHydrated(byCode, assignmentPath);
	await byCode.getByRole('button', { name: 'Start' }).click();
	await expect(byCode).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	await byCode.waitForLoadState('networkidle');
	const studentMapId = new URL(byCode.url()).pathname.split('/').pop()!;
	const starting = await (await mapJson(teacher.request, startingMapId)).json();
	const editor = new EditorPage(byCode);
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(
		starting.map.statements.length
	);
	await editor.createFromWords(PREMISE, 'Premise');
	await editor.expectSaved();
	await byCode.getByRole('button', { name: 'Submit' }).click();
	await expect(byCode.getByText('Submitted: the map is read-only')).toBeVisible();

	// The teacher sees it handed in, opens it read-only and comments on the new premise.
	await gotoHydrated(teacher, assignmentPath);
	const row = teacher.getByRole('row', { name: /Lena Koch/ });
	await expect(row).toContainText('Submitted');
	await expect(teacher.getByRole('row', { name: /Jonas Berg/ })).toContainText('Not started');
	await row.getByRole('link', { name: 'Review' }).click();
	await expect(teacher).toHaveURL(`/maps/${studentMapId}`);
	await teacher.waitForLoadState('networkidle');
	await expect(teacher.getByText('Reviewing')).toBeVisible();
	const review = new EditorPage(teacher);
	await review.statementInOutline(PREMISE.slice(0, 30)).click();
	const panel = commentsPanel(teacher);
	await expect(panel.getByRole('radio', { name: /^the selection: “Lange Zeit/ })).toBeChecked();
	await panel.getByLabel('Your comment').fill(COMMENT);
	await panel.getByRole('button', { name: 'Add comment' }).click();
	await expect(panel.getByRole('status')).toHaveText('Comment added.');
	await expectNoAxeViolations(teacher);
	await expectNoAxeViolationsInGerman(teacher);
	// Reviewing does not mean editing: the student's map refuses the teacher's saves.
	expect(
		(
			await teacher.request.put(`/maps/${studentMapId}.json`, {
				headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
				data: JSON.stringify({ baseRevision: 1, document: {} })
			})
		).status()
	).toBe(403);

	// Returned with feedback.
	await gotoHydrated(teacher, assignmentPath);
	await teacher.getByLabel('Feedback for Lena Koch').fill(FEEDBACK);
	await teacher.getByRole('button', { name: 'Return to Lena Koch' }).click();
	await expect(teacher.getByRole('row', { name: /Lena Koch/ })).toContainText('Returned');
	await expectNoAxeViolations(teacher);
	await expectNoAxeViolationsInGerman(teacher);

	// The student sees the comment in place, on the statement, and the feedback.
	await gotoHydrated(byCode, `/maps/${studentMapId}`);
	const premiseInOutline = new EditorPage(byCode).statementInOutline(PREMISE.slice(0, 30));
	await expect(premiseInOutline.locator('..')).toContainText('Comments: 1');
	await premiseInOutline.click();
	await expect(byCode.getByRole('region', { name: /Comments/ }).first()).toContainText(COMMENT);
	await expect(byCode.getByText(FEEDBACK)).toBeVisible();

	// The reference map: hidden, then released to the class.
	expect((await mapJson(byLink.request, referenceMapId)).status()).toBe(404);
	await gotoHydrated(teacher, assignmentPath);
	await teacher.getByRole('button', { name: 'Release reference map' }).click();
	await expect(teacher.getByText('Released: students can open the reference map.')).toBeVisible();
	await gotoHydrated(byLink, assignmentPath);
	await byLink.getByRole('link', { name: 'Compare with the reference map' }).click();
	await expect(byLink).toHaveURL(`/maps/${referenceMapId}`);
	await expect(byLink.getByRole('heading', { level: 1 })).toHaveText('Musterlösung 11c');
	await expectNoAxeViolations(byLink);

	// A student of another class can open none of it, and learns nothing from the answers.
	for (const path of [
		`/classes/${klass.id}`,
		assignmentPath,
		`/maps/${studentMapId}`,
		`/maps/${referenceMapId}`,
		`/maps/${startingMapId}`,
		`/maps/${studentMapId}.json`,
		`/maps/${referenceMapId}/export/json`
	]) {
		expect((await outsider.request.get(path)).status(), path).toBe(404);
	}

	// A read-only link to the reference map works without an account until it is revoked.
	await gotoHydrated(teacher, `/maps/${referenceMapId}`);
	await teacher.getByRole('button', { name: 'Create a read-only link' }).click();
	const linkUrl = await teacher.getByRole('textbox', { name: 'New read-only link' }).inputValue();
	const anonymous = await browser.newContext();
	const reader = await anonymous.newPage();
	const opened = await reader.goto(linkUrl);
	expect(opened?.status()).toBe(200);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Musterlösung 11c');
	await teacher.getByRole('button', { name: 'Revoke' }).click();
	await expect(teacher.getByText('No open links.')).toBeVisible();
	const revoked = await reader.goto(linkUrl);
	expect(revoked?.status()).toBe(404);
	await anonymous.close();
});

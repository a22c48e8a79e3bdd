import { expect, test } from './fixtures';
import { signUp } from './fixtures';
import { EditorPage, tabTo } from './editor-page';

const CLAIM =
	'Die Bundesregierung muss den Gesprächsfaden zum Kreml dennoch aufrecht erhalten, wenn andere es nicht tun.';
const PREMISE_1 = 'Die Notleidenden in Aleppo waren der Welt viel zu lange gleichgültig';
const PREMISE_2 = 'sie brauchen nicht nur Mitgefühl, sondern eine Unterstützung mit aller Macht';
const OBJECTION =
	'Sie agieren nicht aus einer humanitären Verantwortung heraus, sondern aus Machtkalkül.';
const UNDERCUTTER =
	'Ob auch all dessen Gegner die Zeit nutzen, um die Katastrophe zu lindern, muss sich zeigen.';
const IMPLICIT = 'Wer Einfluss auf Moskau hat, kann den Menschen in Aleppo helfen.';

test.describe.configure({ timeout: 90_000 });

test('map the seed commentary: anchored statements, linked support, rebuttal, undercut, implicit premise; reload; undo and redo', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	await expect(
		page.getByText('Mark words in the text to create the first statement.')
	).toBeVisible();

	await editor.createFromWords(CLAIM, 'Main claim');
	await editor.createFromWords(PREMISE_1, 'Premise');
	await editor.createFromWords(PREMISE_2, 'Premise');
	await editor.createFromWords(OBJECTION, 'Objection');
	await editor.createFromWords(UNDERCUTTER, 'Objection');
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(5);

	// Two premises chosen together support the claim jointly: a linked argument.
	await editor.statementInOutline(PREMISE_1.slice(0, 30)).click();
	await editor.statementInOutline(PREMISE_2.slice(0, 30)).click({ modifiers: ['Shift'] });
	await page.keyboard.press('s');
	await expect(
		page.getByRole('status').filter({ hasText: 'Now pick the statement it supports' })
	).toBeVisible();
	await editor.statementInOutline(CLAIM.slice(0, 30)).click();
	await expect(
		editor.outline.getByRole('button', { name: 'supported jointly by (linked)' })
	).toBeVisible();

	// The objection rebuts the claim.
	await editor.statementInOutline(OBJECTION.slice(0, 30)).click();
	await page.keyboard.press('a');
	await editor.statementInOutline(CLAIM.slice(0, 30)).click();
	await expect(
		editor.outline.getByRole('button', { name: 'attacked by (rebuttal)' })
	).toBeVisible();

	// The second objection attacks the inference itself: an undercut of the linked support.
	await editor.statementInOutline(UNDERCUTTER.slice(0, 30)).click();
	await page.keyboard.press('a');
	await editor.outline.getByRole('button', { name: 'supported jointly by (linked)' }).click();
	await expect(
		editor.outline.getByRole('button', { name: 'inference attacked by (undercut)' })
	).toBeVisible();

	// An unstated premise, without anchor, drawn dashed.
	await page.getByRole('button', { name: 'Add implicit premise' }).click();
	await page.getByLabel('Unstated premise in your words').fill(IMPLICIT);
	await page.getByRole('button', { name: 'Add', exact: true }).first().click();
	await expect(editor.statementInOutline(IMPLICIT)).toContainText('implicit');
	await editor.expectSaved();

	// Reload: everything is still there, and each anchor lights up the same words.
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(6);
	await expect(
		editor.outline.getByRole('button', { name: 'supported jointly by (linked)' })
	).toBeVisible();
	await expect(
		editor.outline.getByRole('button', { name: 'attacked by (rebuttal)' })
	).toBeVisible();
	await expect(
		editor.outline.getByRole('button', { name: 'inference attacked by (undercut)' })
	).toBeVisible();
	for (const words of [CLAIM, PREMISE_1, PREMISE_2, OBJECTION, UNDERCUTTER]) {
		await editor.statementInOutline(words.slice(0, 30)).click();
		await expect.poll(() => editor.selectedHighlight()).toBe(words);
	}
	// Clicking highlighted words selects their statement.
	await editor.text.locator('mark', { hasText: 'Machtkalkül' }).click();
	await expect(editor.statementInOutline(OBJECTION.slice(0, 30))).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	// Undo removes the last step (here: nothing typed yet, so delete then undo/redo that).
	await editor.statementInOutline(IMPLICIT).click();
	await page.keyboard.press('Delete');
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(5);
	await page.keyboard.press('Control+z');
	await expect(editor.statementInOutline(IMPLICIT)).toBeVisible();
	await page.keyboard.press('Control+Shift+z');
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(5);
	await page.keyboard.press('Control+z');
	await expect(editor.outline.locator('[data-outline-statement]')).toHaveCount(6);
	await editor.expectSaved();
});

test('a statement and a relation are created with the keyboard alone in the outline', async ({
	page,
	account
}) => {
	await signUp(page, account);
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	await editor.createFromWords(CLAIM, 'Main claim');

	const newText = editor.outline.getByLabel('New statement');
	await tabTo(page, newText);
	await page.keyboard.type('Reden ist besser als Schweigen.');
	await page.keyboard.press('Enter');
	const premise = editor.statementInOutline('Reden ist besser');
	await expect(premise).toBeVisible();

	await tabTo(page, premise);
	await page.keyboard.press('Enter');
	await expect(premise).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('s');
	await tabTo(page, editor.statementInOutline(CLAIM.slice(0, 30)));
	await page.keyboard.press('Enter');
	await expect(
		editor.outline.getByRole('button', { name: 'supported by', exact: true })
	).toBeVisible();
	await editor.expectSaved();
});

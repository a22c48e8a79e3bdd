import type { Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	formHeaders,
	gotoHydrated,
	logIn,
	ORIGIN,
	signUp,
	test
} from './fixtures';
import { EditorPage } from './editor-page';

const CLAIM =
	'Die Bundesregierung muss den Gesprächsfaden zum Kreml dennoch aufrecht erhalten, wenn andere es nicht tun.';
const PREMISE = 'Die Notleidenden in Aleppo waren der Welt viel zu lange gleichgültig';
const ON_MAP = 'Good start. Which sentence is the thesis?';
const ON_CLAIM = 'Is this really the main claim?';
const XSS = '<img src=x onerror=alert(1)>';

test.describe.configure({ timeout: 90_000 });

/** The comment count and halo opacity the graph gives a node, read from the live cytoscape. */
function graphMark(page: Page, id: string) {
	return page.getByTestId('argument-graph').evaluate((container, nodeId) => {
		const { cy } = (container as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg;
		const node = cy.getElementById(nodeId);
		return { comments: node.data('comments'), halo: Number(node.style('underlay-opacity')) };
	}, id);
}

function commentsPanel(page: Page) {
	return page.getByRole('region', { name: /^Comments \(\d+\)$/ });
}

async function addComment(page: Page, body: string) {
	const panel = commentsPanel(page);
	await panel.getByLabel('Your comment').fill(body);
	await panel.getByRole('button', { name: 'Add comment' }).click();
	await expect(panel.locator('.comment-list .body').filter({ hasText: body })).toHaveCount(1);
	await expect(panel.getByRole('status')).toHaveText('Comment added.');
}

/** A new map with a main claim and a premise; returns its id and the claim's statement id. */
async function mapWithStatements(page: Page) {
	const editor = new EditorPage(page);
	await editor.startMapOfExample();
	await editor.createFromWords(CLAIM, 'Main claim');
	await editor.createFromWords(PREMISE, 'Premise');
	await editor.expectSaved();
	const claimId = await editor
		.statementInOutline(CLAIM.slice(0, 30))
		.getAttribute('data-outline-statement');
	return { editor, mapId: new URL(page.url()).pathname.split('/').pop()!, claimId: claimId! };
}

test('comments on the whole map and on a statement: shown in the panel, outline, graph and selection; text stays text', async ({
	page,
	account
}) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await signUp(page, account);
	const { editor, mapId, claimId } = await mapWithStatements(page);
	const panel = commentsPanel(page);
	await expect(panel.getByText('No comments yet.')).toBeVisible();

	// The premise is still selected, but this comment is about the whole map.
	await panel.getByRole('radio', { name: 'the whole map' }).check();
	await addComment(page, ON_MAP);

	await editor.statementInOutline(CLAIM.slice(0, 30)).click();
	await expect(
		panel.getByRole('radio', { name: /^the selection: “Die Bundesregierung/ })
	).toBeChecked();
	await addComment(page, ON_CLAIM);
	await addComment(page, XSS);

	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(panel.getByRole('heading', { name: 'Comments (3)' })).toBeVisible();
	const mapGroup = panel.locator('[data-comment-group="map"]');
	await expect(mapGroup.getByRole('heading')).toHaveText('The whole map');
	await expect(mapGroup.locator('.body')).toHaveText([ON_MAP]);
	await expect(mapGroup).toContainText(account.displayName);
	const claimGroup = panel.locator(`[data-comment-group="statement:${claimId}"]`);
	await expect(claimGroup.getByRole('heading')).toHaveText(/^Main claim: “Die Bundesregierung/);
	await expect(claimGroup.locator('.body')).toHaveText([ON_CLAIM, XSS]);
	// The markup-like comment is shown as typed and nothing of it became an element.
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	expect(dialogs).toEqual([]);

	// In place: a marker on the claim in the outline and a halo in the graph; none on the premise.
	await expect(
		editor.statementInOutline(CLAIM.slice(0, 30)).locator('[data-comment-marker]')
	).toHaveText('Comments: 2');
	await expect(
		editor.statementInOutline(PREMISE.slice(0, 30)).locator('[data-comment-marker]')
	).toHaveCount(0);
	await expect.poll(() => graphMark(page, claimId)).toEqual({ comments: 2, halo: 0.55 });
	const premiseId = await editor
		.statementInOutline(PREMISE.slice(0, 30))
		.getAttribute('data-outline-statement');
	expect(await graphMark(page, premiseId!)).toEqual({ comments: 0, halo: 0 });

	// "Show in the map" selects the statement; the selection panel lists its comments only.
	await claimGroup.getByRole('button', { name: 'Show in the map' }).click();
	await expect(editor.statementInOutline(CLAIM.slice(0, 30))).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const selection = page.getByRole('region', { name: 'Selection' });
	await expect(selection.getByRole('heading', { name: 'Comments on this' })).toBeVisible();
	await expect(selection.locator('.body')).toHaveText([ON_CLAIM, XSS]);

	// Authors delete their own comments.
	await claimGroup
		.locator('li', { hasText: XSS })
		.getByRole('button', { name: 'Delete comment' })
		.click();
	await expect(panel.getByRole('status')).toHaveText('Comment deleted.');
	await expect(claimGroup.locator('.body')).toHaveText([ON_CLAIM]);
	await expect(
		editor.statementInOutline(CLAIM.slice(0, 30)).locator('[data-comment-marker]')
	).toHaveText('Comments: 1');

	// Bad input is refused with a translated message, and nothing is saved.
	const post = (fields: Record<string, string>) =>
		page.request.post(`/maps/${mapId}?/comment`, {
			headers: formHeaders,
			data: new URLSearchParams(fields).toString()
		});
	const empty = await post({ targetKind: 'map', targetId: '', body: '   ' });
	expect(empty.status()).toBe(400);
	expect(await empty.text()).toContain('Please write a comment first.');
	const gone = await post({ targetKind: 'statement', targetId: 'nope', body: 'Hm' });
	expect(gone.status()).toBe(400);
	expect(await gone.text()).toContain('is no longer in the map');
	const long = await post({ targetKind: 'map', targetId: '', body: 'x'.repeat(2001) });
	expect(long.status()).toBe(400);
	await page.reload();
	await expect(panel.getByRole('heading', { name: 'Comments (2)' })).toBeVisible();
});

test('comments are private to who may comment: 404 for strangers and anonymous readers, 403 on a public map', async ({
	page,
	browser,
	account
}) => {
	await signUp(page, account);
	const { mapId } = await mapWithStatements(page);
	const comment = new URLSearchParams({ targetKind: 'map', targetId: '', body: 'Hijack' });

	const strangerContext = await browser.newContext({ locale: 'en-US' });
	const stranger = await strangerContext.newPage();
	await signUp(stranger);
	expect((await stranger.goto(`/maps/${mapId}`))?.status()).toBe(404);
	const strangerPost = await stranger.request.post(`/maps/${mapId}?/comment`, {
		headers: formHeaders,
		data: comment.toString()
	});
	expect(strangerPost.status()).toBe(404);
	const strangerDelete = await stranger.request.post(`/maps/${mapId}?/deleteComment`, {
		headers: formHeaders,
		data: 'commentId=whatever'
	});
	expect(strangerDelete.status()).toBe(404);
	const strangerSave = await stranger.request.put(`/maps/${mapId}.json`, {
		headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
		data: JSON.stringify({ baseRevision: 1, document: {} })
	});
	expect(strangerSave.status()).toBe(404);

	// The public example map: readable, so refusals to comment or save are 403, not 404.
	await gotoHydrated(stranger, '/');
	await stranger.getByRole('link', { name: 'Open the example map' }).click();
	await expect(stranger.getByTestId('save-status')).toHaveText('Read only');
	await expect(commentsPanel(stranger)).toHaveCount(0);
	const exampleId = new URL(stranger.url()).pathname.split('/').pop()!;
	const onExample = await stranger.request.post(`/maps/${exampleId}?/comment`, {
		headers: formHeaders,
		data: comment.toString()
	});
	expect(onExample.status()).toBe(403);
	const saveExample = await stranger.request.put(`/maps/${exampleId}.json`, {
		headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
		data: JSON.stringify({ baseRevision: 1, document: {} })
	});
	expect(saveExample.status()).toBe(403);
	await strangerContext.close();

	const anonymousContext = await browser.newContext({ locale: 'en-US' });
	const anonymous = await anonymousContext.newPage();
	expect((await anonymous.goto(`/maps/${mapId}`))?.status()).toBe(404);
	const anonymousPost = await anonymous.request.post(`/maps/${mapId}?/comment`, {
		headers: formHeaders,
		data: comment.toString()
	});
	expect(anonymousPost.status()).toBe(404);
	await anonymousContext.close();

	// None of it left a comment.
	await page.reload();
	await expect(commentsPanel(page)).toContainText('No comments yet.');
});

test('the map page with comments passes axe in English and German', async ({
	page,
	browser,
	account
}) => {
	await signUp(page, account);
	const { editor } = await mapWithStatements(page);
	await addComment(page, ON_CLAIM);
	await page.reload();
	await page.waitForLoadState('networkidle');
	await editor.statementInOutline(PREMISE.slice(0, 30)).click();
	await expect(page.getByRole('region', { name: 'Selection' })).toContainText(ON_CLAIM);
	await expectNoAxeViolations(page);

	const germanContext = await browser.newContext({ locale: 'de-DE' });
	const german = await germanContext.newPage();
	await logIn(german, account);
	await gotoHydrated(german, new URL(page.url()).pathname);
	await expect(german.locator('html')).toHaveAttribute('lang', 'de');
	const panel = german.getByRole('region', { name: /^Kommentare/ });
	await expect(panel.getByRole('heading', { name: 'Kommentare (1)' })).toBeVisible();
	await expect(panel.getByRole('heading', { name: /^Prämisse: „Die Notleidenden/ })).toBeVisible();
	await expectNoAxeViolations(german);
	await germanContext.close();
});

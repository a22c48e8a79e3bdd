import type { Browser, Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	formHeaders,
	gotoHydrated,
	newAccount,
	signUp,
	test,
	type Account
} from './fixtures';

/** The class pages' texts the tests use, in both UI languages (messages/*.json). */
const ui = {
	en: {
		className: 'Name of the class',
		create: 'Create class',
		joinCode: 'Join code',
		join: 'Join class',
		joinLink: 'Join link',
		codeInvalid: 'This code does not open a class.',
		tooMany: 'Too many wrong codes. Please wait 15 minutes and try again.',
		students: 'Students',
		classmates: 'Classmates',
		qr: 'QR code of the join link'
	},
	de: {
		className: 'Name der Klasse',
		create: 'Klasse anlegen',
		joinCode: 'Beitrittscode',
		join: 'Klasse beitreten',
		joinLink: 'Beitrittslink',
		codeInvalid: 'Dieser Code öffnet keine Klasse.',
		tooMany: 'Zu viele falsche Codes. Bitte warte 15 Minuten und versuche es dann noch einmal.',
		students: 'Schülerinnen und Schüler',
		classmates: 'Mitschülerinnen und Mitschüler',
		qr: 'QR-Code des Beitrittslinks'
	}
} as const;
type Texts = (typeof ui)[keyof typeof ui];

const CLASS_URL = /\/classes\/[a-z2-7]{8,}$/;

/** A signed-up user in a browser context of their own, so several can be signed in at once. */
async function newUser(browser: Browser, account: Account = newAccount()) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUp(page, account);
	return { page, account, close: () => context.close() };
}

/** Creates a class on /classes and returns its page's URL, join code (as shown) and join link. */
async function createClass(page: Page, t: Texts, name: string) {
	await gotoHydrated(page, '/classes');
	await page.getByLabel(t.className).fill(name);
	await page.getByRole('button', { name: t.create }).click();
	await expect(page).toHaveURL(CLASS_URL);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return {
		url: page.url(),
		code: (await page.getByRole('definition').textContent())?.trim() ?? '',
		link: await page.getByRole('textbox', { name: t.joinLink }).inputValue()
	};
}

async function joinByCode(page: Page, t: Texts, code: string) {
	await gotoHydrated(page, '/classes');
	await page.getByLabel(t.joinCode).fill(code);
	await page.getByRole('button', { name: t.join }).click();
}

test('a teacher invites two students by code and by link; names only, never e-mails', async ({
	page,
	browser
}) => {
	test.slow();
	const t = ui.en;
	await signUp(page);
	await gotoHydrated(page, '/');
	await page.getByRole('banner').getByRole('link', { name: 'Classes' }).click();
	await expect(page.getByText('You are not in any class yet.')).toBeVisible();

	const name = `Politik 10b ${Date.now()}`;
	const invitation = await createClass(page, t, name);
	expect(invitation.code).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
	const rawCode = invitation.code.replace('-', '');
	expect(invitation.link).toBe(`http://localhost:4173/join/${rawCode}`);
	await expect(page.getByRole('img', { name: `${t.qr} ${invitation.link}` })).toBeVisible();

	// By code, typed the sloppy way: lower case, a space instead of the dash.
	const byCode = await newUser(browser, newAccount({ email: `code.${Date.now()}@example.org` }));
	await joinByCode(byCode.page, t, `${rawCode.slice(0, 4).toLowerCase()} ${rawCode.slice(4)}`);
	await expect(byCode.page).toHaveURL(invitation.url);
	await expect(byCode.page.getByRole('heading', { level: 1 })).toHaveText(name);

	// By link: the link page prefills the code and joins only when the button is pressed.
	const byLink = await newUser(browser, newAccount({ email: `link.${Date.now()}@example.org` }));
	await gotoHydrated(byLink.page, `/join/${rawCode}`);
	await expect(byLink.page.getByLabel(t.joinCode)).toHaveValue(invitation.code);
	await byLink.page.getByRole('button', { name: t.join }).click();
	await expect(byLink.page).toHaveURL(invitation.url);

	// The classmate sees the other student by display name, and no e-mail address at all.
	const classmates = byLink.page.getByRole('list', { name: t.classmates });
	await expect(classmates).toContainText(byCode.account.displayName);
	const studentView = await byLink.page.content();
	expect(studentView).not.toContain(byCode.account.email);
	expect(studentView).not.toContain(byCode.account.username);
	expect(studentView).not.toContain(rawCode);

	await page.reload();
	const students = page.getByRole('list', { name: t.students });
	await expect(students).toContainText(byCode.account.displayName);
	await expect(students).toContainText(byLink.account.displayName);
	const teacherView = await page.content();
	for (const student of [byCode.account, byLink.account]) {
		expect(teacherView).not.toContain(student.email);
		expect(teacherView).not.toContain(student.username);
	}

	await byCode.close();
	await byLink.close();
});

test('rotating the code breaks the old link, closing joining refuses the new code, and outsiders get 404', async ({
	page,
	browser,
	request
}) => {
	test.slow();
	const t = ui.en;
	await signUp(page);
	const invitation = await createClass(page, t, `Ethik ${Date.now()}`);
	const oldCode = invitation.code.replace('-', '');

	// Opening a join link signed out only asks to log in: nothing is looked up.
	const signedOut = await request.get(`/join/${oldCode}`, { maxRedirects: 0 });
	expect(signedOut.status()).toBe(303);
	expect(signedOut.headers()['location']).toBe(
		`/login?redirectTo=${encodeURIComponent(`/join/${oldCode}`)}`
	);

	const outsider = await newUser(browser);
	const notMember = await outsider.page.goto(invitation.url);
	expect(notMember?.status()).toBe(404);

	await gotoHydrated(page, invitation.url);
	await page.getByRole('button', { name: 'Make a new code' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The class has a new code' })
	).toBeVisible();
	const newCode = (await page.getByRole('definition').textContent())?.trim() ?? '';
	expect(newCode).not.toBe(invitation.code);

	await gotoHydrated(outsider.page, `/join/${oldCode}`);
	await outsider.page.getByRole('button', { name: t.join }).click();
	await expect(outsider.page.getByRole('alert')).toContainText(t.codeInvalid);
	await expect(outsider.page).toHaveURL(`/join/${oldCode}`);

	await page.getByRole('button', { name: 'Close joining' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Joining is closed' })).toBeVisible();
	await joinByCode(outsider.page, t, newCode);
	await expect(outsider.page.getByRole('alert')).toContainText(t.codeInvalid);
	expect((await outsider.page.goto(invitation.url))?.status()).toBe(404);

	// Teacher actions posted by someone outside the class: 404, as if the class did not exist.
	const outsiderPost = await outsider.page.request.post(`${invitation.url}?/rotateCode`, {
		headers: formHeaders,
		form: {}
	});
	expect(outsiderPost.status()).toBe(404);

	// Open again: the new code works, and a student posting a teacher action gets 403.
	await page.getByRole('button', { name: 'Open joining' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Joining is open.' })).toBeVisible();
	await joinByCode(outsider.page, t, newCode);
	await expect(outsider.page).toHaveURL(invitation.url);
	for (const action of ['rotateCode', 'archive', 'rename']) {
		const studentPost = await outsider.page.request.post(`${invitation.url}?/${action}`, {
			headers: formHeaders,
			form: { name: 'Übernommen' }
		});
		expect(studentPost.status(), action).toBe(403);
	}
	await page.reload();
	await expect(page.getByRole('definition')).toHaveText(newCode);

	await outsider.close();
});

test('a teacher removes a student after confirming and archives the class', async ({
	page,
	browser
}) => {
	test.slow();
	const t = ui.en;
	await signUp(page);
	const invitation = await createClass(page, t, `Geschichte ${Date.now()}`);
	const student = await newUser(browser);
	await joinByCode(student.page, t, invitation.code);
	await expect(student.page).toHaveURL(invitation.url);

	await page.reload();
	const name = student.account.displayName;
	await page.getByText(`Manage ${name}`).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: `Remove ${name} from the class` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'removed' })).toBeVisible();
	await expect(page.getByText('No students yet.')).toBeVisible();
	expect((await student.page.goto(invitation.url))?.status()).toBe(404);

	await page.getByRole('button', { name: 'Archive class' }).click();
	await expect(page.getByText('This class is archived.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'New assignment' })).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: t.joinLink })).toHaveCount(0);
	// Archived classes take nobody, even with the code that was valid.
	await joinByCode(student.page, t, invitation.code);
	await expect(student.page.getByRole('alert')).toContainText(t.codeInvalid);

	await gotoHydrated(page, '/classes');
	await expect(page.getByRole('heading', { name: 'Archived classes' })).toBeVisible();

	await student.close();
});

test('wrong codes are throttled per account with 429 and Retry-After, whatever address is claimed; blank names are refused', async ({
	page
}) => {
	await signUp(page);
	const post = (code: string, headers: Record<string, string> = {}) =>
		page.request.post('/classes?/join', {
			headers: { ...formHeaders, ...headers },
			form: { code },
			maxRedirects: 0
		});
	for (let attempt = 1; attempt <= 10; attempt++) {
		const response = await post('ZZZZ-ZZZZ');
		expect(response.status(), `attempt ${attempt}`).toBe(400);
		expect(await response.text()).toContain(ui.en.codeInvalid);
	}
	const blocked = await post('ZZZZ-ZZZZ');
	expect(blocked.status()).toBe(429);
	expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
	expect(await blocked.text()).toContain(ui.en.tooMany);

	const spoofed = await post('ZZZZ-ZZZZ', { 'X-Forwarded-For': '203.0.113.9' });
	expect(spoofed.status()).toBe(429);

	// A name of spaces only creates nothing and says why.
	const blank = await page.request.post('/classes?/create', {
		headers: formHeaders,
		form: { name: '   ' },
		maxRedirects: 0
	});
	expect(blank.status()).toBe(400);
	expect(await blank.text()).toContain('Please give the class a name of 1 to 120 characters.');
});

for (const { locale, lang } of [
	{ locale: 'en-US', lang: 'en' },
	{ locale: 'de-DE', lang: 'de' }
] as const) {
	test.describe(`classes accessibility (${locale})`, () => {
		test.use({ locale });

		test('class list, teacher and student views, and the join page', async ({ page, browser }) => {
			test.slow();
			const t = ui[lang];
			await signUp(page);
			await gotoHydrated(page, '/classes');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expectNoAxeViolations(page);

			const invitation = await createClass(page, t, `Klasse „${lang}“ ${Date.now()}`);
			const student = await newUser(browser);
			await gotoHydrated(student.page, invitation.link);
			await expectNoAxeViolations(student.page);
			await student.page.getByRole('button', { name: t.join }).click();
			await expect(student.page).toHaveURL(invitation.url);
			await expect(student.page.locator('html')).toHaveAttribute('lang', lang);
			await expectNoAxeViolations(student.page);

			await gotoHydrated(page, invitation.url);
			await expect(page.getByRole('list', { name: t.students })).toContainText(
				student.account.displayName
			);
			await expectNoAxeViolations(page);

			await gotoHydrated(page, '/classes');
			await expectNoAxeViolations(page);

			// An error message, also checked: the join form after a wrong code.
			await joinByCode(student.page, t, 'ZZZZ-ZZZZ');
			await expect(student.page.getByRole('alert')).toContainText(t.codeInvalid);
			await expectNoAxeViolations(student.page);

			await student.close();
		});
	});
}

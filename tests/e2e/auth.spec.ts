import {
	expect,
	gotoHydrated,
	logIn,
	logOut,
	SESSION_COOKIE,
	signUpWithForm,
	siteHeader,
	submitLogin,
	test
} from './fixtures';

const INVALID_CREDENTIALS = 'The username or the password is not correct.';

test('sign up, log out and log in again', async ({ page, account }) => {
	await signUpWithForm(page, account);
	await expect(page).toHaveURL('/');
	await expect(page.getByText(`Welcome, ${account.displayName}.`)).toBeVisible();
	await expect(siteHeader(page).getByRole('link', { name: 'Account', exact: true })).toBeVisible();
	await expect(siteHeader(page).getByRole('link', { name: 'Log in', exact: true })).toHaveCount(0);

	await logOut(page);
	await expect(page).toHaveURL('/');
	await expect(siteHeader(page).getByRole('link', { name: 'Account', exact: true })).toHaveCount(0);
	await expect(page.getByText(`Welcome, ${account.displayName}.`)).toHaveCount(0);

	await logIn(page, account);
	await expect(page).toHaveURL('/');
	await expect(page.getByText(`Welcome, ${account.displayName}.`)).toBeVisible();
});

test('a wrong password and an unknown username get the same alert', async ({ page, account }) => {
	await signUpWithForm(page, account);
	await logOut(page);

	await submitLogin(page, { username: account.username, password: `${account.password}!` });
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText(INVALID_CREDENTIALS);
	await expect(page).toHaveURL('/login');
	const wrongPasswordText = (await alert.textContent())?.trim();

	await gotoHydrated(page, '/login');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await submitLogin(page, { username: `${account.username}x`, password: account.password });
	await expect(page.getByRole('alert')).toHaveText(INVALID_CREDENTIALS);
	expect((await page.getByRole('alert').textContent())?.trim()).toBe(wrongPasswordText);
	await expect(siteHeader(page).getByRole('link', { name: 'Log in', exact: true })).toBeVisible();
});

test('the session cookie is HttpOnly, SameSite=Lax (not Secure on an http origin) and gone after logging out', async ({
	page,
	context,
	account
}) => {
	await signUpWithForm(page, account);
	const session = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
	expect(session).toBeDefined();
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
	// 20 random bytes in base32; the database keeps only a hash of it.
	expect(session!.value).toMatch(/^[a-z2-7]{32}$/);
	expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

	await logOut(page);
	const after = await context.cookies();
	expect(after.find((cookie) => cookie.name === SESSION_COOKIE)).toBeUndefined();
});

test('changing the password keeps this session and ends the others', async ({
	page,
	browser,
	account
}) => {
	await signUpWithForm(page, account);

	const otherContext = await browser.newContext({ locale: 'en-US' });
	try {
		const other = await otherContext.newPage();
		await logIn(other, account);
		await other.goto('/account');
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Your account');

		const newPassword = `${account.password} neu`;
		await gotoHydrated(page, '/account');
		const form = page.getByRole('region', { name: 'Change password' });
		await form.getByLabel('Current password', { exact: true }).fill(account.password);
		await form.getByLabel('New password', { exact: true }).fill(newPassword);
		await form.getByLabel('Repeat the new password', { exact: true }).fill(newPassword);
		await form.getByRole('button', { name: 'Change password' }).click();
		await expect(form.getByRole('status')).toHaveText(
			'Your password has been changed. You have been logged out on every other device.'
		);

		// This session survives.
		await page.reload();
		await expect(page).toHaveURL('/account');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
		await expect(page.getByText(account.username, { exact: true })).toBeVisible();

		// The other one is over at its next request.
		await other.goto('/account');
		await expect(other).toHaveURL('/login?redirectTo=%2Faccount');
		await expect(
			siteHeader(other).getByRole('link', { name: 'Log in', exact: true })
		).toBeVisible();

		await submitLogin(other, account);
		await expect(other.getByRole('alert')).toHaveText(INVALID_CREDENTIALS);
		await expect(other).toHaveURL(/\/login/);

		await submitLogin(other, { username: account.username, password: newPassword });
		await expect(other).toHaveURL('/account');
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Your account');
	} finally {
		await otherContext.close();
	}
});

test('deleting the account needs the password and the checkbox', async ({ page, account }) => {
	await signUpWithForm(page, account);
	await gotoHydrated(page, '/account');
	const zone = page.getByRole('region', { name: 'Delete account' });
	const password = zone.getByLabel('Your password, to confirm', { exact: true });
	const confirm = zone.getByLabel('I understand that this cannot be undone.', { exact: true });
	const submit = zone.getByRole('button', { name: 'Delete my account for good' });

	// The browser insists on the checkbox; without that check, the server still does.
	await expect(confirm).toHaveAttribute('required', '');
	await password.fill(account.password);
	await confirm.evaluate((box) => box.removeAttribute('required'));
	await submit.click();
	await expect(zone.getByRole('alert')).toHaveText(
		'Please tick the box to confirm that you want to delete your account.'
	);

	await password.fill(`${account.password}?`);
	await confirm.check();
	await submit.click();
	await expect(zone.getByRole('alert')).toHaveText('The password is not correct.');
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');

	await password.fill(account.password);
	await confirm.check();
	await submit.click();
	await expect(page).toHaveURL('/?account=deleted');
	await expect(page.getByRole('status')).toHaveText(
		'Your account and everything you owned have been deleted.'
	);
	await expect(siteHeader(page).getByRole('link', { name: 'Log in', exact: true })).toBeVisible();

	await submitLogin(page, account);
	await expect(page.getByRole('alert')).toHaveText(INVALID_CREDENTIALS);
	await expect(page).toHaveURL('/login');
});

import { describe, expect, it } from 'vitest';
import { verifyPassword } from '$lib/server/auth/password';
import {
	createSession,
	generateSessionToken,
	sessionIdFromToken,
	validateSessionToken
} from '$lib/server/auth/session';
import type { AppDatabase } from '$lib/server/db';
import {
	changePassword,
	createUser,
	deleteAccount,
	exportUserData,
	USER_EXPORT_FORMAT
} from '$lib/server/users';
import {
	countRows,
	createTestUser,
	insertCommentary,
	PASSWORD,
	T0,
	useTestDatabase
} from './helpers';

const NEW_PASSWORD = 'Neues Passwort im Herbst';

function signUp(
	db: AppDatabase,
	username: string,
	overrides: { email?: string; password?: string } = {}
) {
	return createUser(
		db,
		{
			username,
			displayName: 'Someone',
			email: overrides.email ?? '',
			password: overrides.password ?? PASSWORD
		},
		T0
	);
}

async function passwordHashOf(db: AppDatabase, userId: string): Promise<string> {
	const row = await db
		.selectFrom('users')
		.select('passwordHash')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	return row.passwordHash;
}

describe('createUser', () => {
	const testDb = useTestDatabase();

	it('stores the user with an argon2id hash, never the password', async () => {
		const { db } = testDb();
		const result = await signUp(db, '  Anna  ');
		expect(result.ok).toBe(true);
		const row = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ username: 'Anna', usernameKey: 'anna', displayName: 'Someone' });
		expect(row.passwordHash).toMatch(/^\$argon2id\$/);
		expect(JSON.stringify(row)).not.toContain(PASSWORD);
		expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
	});

	it('refuses a username that differs only in case or Unicode width', async () => {
		const { db } = testDb();
		expect((await signUp(db, 'Anna')).ok).toBe(true);
		for (const taken of ['anna', 'ANNA', 'aNNa', 'Ａｎｎａ']) {
			expect(await signUp(db, taken), taken).toEqual({ ok: false, code: 'account_username_taken' });
		}
		expect(await countRows(db, 'users')).toBe(1);
	});

	it('lets only one of two simultaneous sign-ups for the same name succeed', async () => {
		const { db } = testDb();
		const results = await Promise.all([signUp(db, 'Anna'), signUp(db, 'anna')]);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results.filter((result) => !result.ok)).toEqual([
			{ ok: false, code: 'account_username_taken' }
		]);
		expect(await countRows(db, 'users')).toBe(1);
	});

	it('refuses invalid usernames', async () => {
		const { db } = testDb();
		for (const username of [
			'',
			'   ',
			'ab',
			'a'.repeat(33),
			'anna maria',
			'anna@example.org',
			'anna/../x',
			'<script>',
			'anna🔑'
		]) {
			expect(await signUp(db, username), username).toEqual({
				ok: false,
				code: 'account_username_invalid'
			});
		}
		expect(await countRows(db, 'users')).toBe(0);
	});

	it('accepts letters of any script, digits, dots, dashes and underscores', async () => {
		const { db } = testDb();
		for (const username of ['Jürgen_01', 'anna.m-x', 'Zoë', '李小龙', 'a'.repeat(32)]) {
			expect((await signUp(db, username)).ok, username).toBe(true);
		}
		expect(await countRows(db, 'users')).toBe(5);
	});

	it('makes the email address optional, but checks it when given', async () => {
		const { db } = testDb();
		const without = await signUp(db, 'anna');
		const withEmail = await signUp(db, 'bernd', { email: ' bernd@example.org ' });
		expect(await signUp(db, 'carla', { email: 'not-an-email' })).toEqual({
			ok: false,
			code: 'account_email_invalid'
		});
		if (!without.ok || !withEmail.ok) throw new Error('sign-up failed');

		const emails = await db.selectFrom('users').select(['id', 'email']).execute();
		expect(emails).toHaveLength(2);
		expect(emails.find((row) => row.id === without.value.id)?.email).toBeNull();
		expect(emails.find((row) => row.id === withEmail.value.id)?.email).toBe('bernd@example.org');
	});

	it('refuses short and common passwords', async () => {
		const { db } = testDb();
		expect(await signUp(db, 'anna', { password: 'kurz' })).toEqual({
			ok: false,
			code: 'account_password_too_short'
		});
		expect(await signUp(db, 'anna', { password: 'Passwort' })).toEqual({
			ok: false,
			code: 'account_password_common'
		});
		expect(await countRows(db, 'users')).toBe(0);
	});
});

describe('changePassword', () => {
	const testDb = useTestDatabase();

	it('refuses a wrong current password and changes nothing', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const current = generateSessionToken();
		const other = generateSessionToken();
		await createSession(db, current, userId, T0);
		await createSession(db, other, userId, T0);
		const hashBefore = await passwordHashOf(db, userId);

		expect(
			await changePassword(db, userId, 'not my password', NEW_PASSWORD, sessionIdFromToken(current))
		).toEqual({ ok: false, code: 'account_password_wrong' });
		expect(await passwordHashOf(db, userId)).toBe(hashBefore);
		expect(await countRows(db, 'sessions')).toBe(2);
	});

	it('refuses a common new password and keeps the old one', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const hashBefore = await passwordHashOf(db, userId);
		expect(await changePassword(db, userId, PASSWORD, 'qwertyuiop', 'kept')).toEqual({
			ok: false,
			code: 'account_password_common'
		});
		expect(await passwordHashOf(db, userId)).toBe(hashBefore);
	});

	it('sets the new password and ends every other session, keeping the given one', async () => {
		const { db } = testDb();
		const userId = await createTestUser(db, 'anna');
		const otherUserId = await createTestUser(db, 'bernd');
		const current = generateSessionToken();
		const laptop = generateSessionToken();
		const phone = generateSessionToken();
		const bernds = generateSessionToken();
		for (const token of [current, laptop, phone]) await createSession(db, token, userId, T0);
		await createSession(db, bernds, otherUserId, T0);

		expect(
			await changePassword(db, userId, PASSWORD, NEW_PASSWORD, sessionIdFromToken(current))
		).toEqual({ ok: true, value: null });

		const hash = await passwordHashOf(db, userId);
		expect(await verifyPassword(hash, NEW_PASSWORD)).toBe(true);
		expect(await verifyPassword(hash, PASSWORD)).toBe(false);

		expect((await validateSessionToken(db, current, T0)).user?.id).toBe(userId);
		expect((await validateSessionToken(db, laptop, T0)).session).toBeNull();
		expect((await validateSessionToken(db, phone, T0)).session).toBeNull();
		expect((await validateSessionToken(db, bernds, T0)).user?.id).toBe(otherUserId);
		expect(await countRows(db, 'sessions')).toBe(2);
	});
});

describe('deleteAccount', () => {
	const testDb = useTestDatabase();

	async function populate(db: AppDatabase) {
		const anna = await createTestUser(db, 'anna');
		const bernd = await createTestUser(db, 'bernd');
		await createSession(db, generateSessionToken(), anna, T0);
		await createSession(db, generateSessionToken(), anna, T0);
		await createSession(db, generateSessionToken(), bernd, T0);
		await insertCommentary(db, anna, 'private', 'Anna private');
		await insertCommentary(db, anna, 'public', 'Anna public');
		await insertCommentary(db, bernd, 'private', 'Bernd private');
		await insertCommentary(db, null, 'public', 'Nobody owns this');
		return { anna, bernd };
	}

	it('refuses a wrong password and deletes nothing', async () => {
		const { db } = testDb();
		const { anna } = await populate(db);
		expect(await deleteAccount(db, anna, 'not my password')).toEqual({
			ok: false,
			code: 'account_password_wrong'
		});
		expect(await countRows(db, 'users')).toBe(2);
		expect(await countRows(db, 'sessions')).toBe(3);
		expect(await countRows(db, 'commentaries')).toBe(4);
	});

	it("removes the user, its sessions and its commentaries, and leaves everyone else's", async () => {
		const { db } = testDb();
		const { anna, bernd } = await populate(db);

		expect(await deleteAccount(db, anna, PASSWORD)).toEqual({ ok: true, value: null });

		expect(await db.selectFrom('users').select('id').execute()).toEqual([{ id: bernd }]);
		expect(await db.selectFrom('sessions').select('userId').execute()).toEqual([{ userId: bernd }]);
		const commentaries = await db
			.selectFrom('commentaries')
			.select(['title', 'ownerId'])
			.orderBy('title')
			.execute();
		expect(commentaries).toEqual([
			{ title: 'Bernd private', ownerId: bernd },
			{ title: 'Nobody owns this', ownerId: null }
		]);
	});
});

describe('exportUserData', () => {
	const testDb = useTestDatabase();

	it("holds the user's account, sessions and commentaries, and no secrets", async () => {
		const { db } = testDb();
		const anna = await createTestUser(db, 'Anna', PASSWORD, 'anna@example.org');
		const bernd = await createTestUser(db, 'bernd');
		const token = generateSessionToken();
		await createSession(db, token, anna, T0);
		await createSession(db, generateSessionToken(), bernd, T0);
		await insertCommentary(db, anna, 'private', 'Anna private');
		await insertCommentary(db, bernd, 'public', 'Bernd public');

		const data = await exportUserData(db, anna, T0);
		if (!data) throw new Error('no export');
		expect(data.format).toBe(USER_EXPORT_FORMAT);
		expect(data.exportedAt).toBe(new Date(T0).toISOString());
		expect(data.account).toMatchObject({
			id: anna,
			username: 'Anna',
			email: 'anna@example.org',
			createdAt: new Date(T0).toISOString()
		});
		expect(data.sessions).toHaveLength(1);
		expect(data.commentaries.map((c) => c.title)).toEqual(['Anna private']);

		const json = JSON.stringify(data);
		const hash = await passwordHashOf(db, anna);
		expect(json).not.toContain(hash);
		expect(json).not.toContain('$argon2');
		expect(json).not.toContain('passwordHash');
		expect(json).not.toContain('password_hash');
		expect(json).not.toContain(PASSWORD);
		expect(json).not.toContain(token);
		expect(json).not.toContain(sessionIdFromToken(token));
		expect(json).not.toContain('Bernd public');
		expect(json).not.toContain(bernd);
	});

	it('returns undefined for an unknown user', async () => {
		expect(await exportUserData(testDb().db, 'no-such-user', T0)).toBeUndefined();
	});
});

describe('Unicode forms in account data', () => {
	const testDb = useTestDatabase();

	it('accepts a username typed with combining accents (NFD) as the same name as its NFC form', async () => {
		const { db } = testDb();
		const nfd = 'Jürgen'.normalize('NFD');
		const created = await createUser(db, {
			username: nfd,
			displayName: 'Jürgen',
			email: '',
			password: PASSWORD
		});
		expect(created.ok).toBe(true);
		const again = await createUser(db, {
			username: 'Jürgen'.normalize('NFC'),
			displayName: 'J',
			email: '',
			password: PASSWORD
		});
		expect(again).toEqual({ ok: false, code: 'account_username_taken' });
	});
});

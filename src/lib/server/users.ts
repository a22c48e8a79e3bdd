import {
	checkDisplayName,
	checkEmail,
	checkUsername,
	usernameKey,
	type AccountErrorCode
} from '$lib/account/rules';
import { checkNewPassword, hashPassword, verifyPassword } from './auth/password';
import { invalidateUserSessions } from './auth/session';
import { claimAttempt, PASSWORD_CHECK_PER_ACCOUNT, resetThrottle } from './auth/throttle';
import { detachCommentariesUsedByOthers } from './commentaries';
import type { AppDatabase } from './db';
import { flushDeletedRows } from './db/dialect';
import { randomId } from './id';

export interface SignUpInput {
	username: string;
	displayName: string;
	email: string;
	password: string;
}

export type Result<T> =
	{ ok: true; value: T } | { ok: false; code: AccountErrorCode; retryAfterSeconds?: number };

export async function createUser(
	db: AppDatabase,
	input: SignUpInput,
	now = Date.now()
): Promise<Result<{ id: string }>> {
	// NFC first: a name typed with combining accents is the same name as its precomposed form.
	const username = input.username.trim().normalize('NFC');
	const displayName = input.displayName.trim().normalize('NFC');
	const email = input.email.trim();
	const invalid =
		checkUsername(username) ??
		checkDisplayName(displayName) ??
		checkEmail(email) ??
		checkNewPassword(input.password);
	if (invalid) return { ok: false, code: invalid };

	const key = usernameKey(username);
	if (await db.selectFrom('users').select('id').where('usernameKey', '=', key).executeTakeFirst()) {
		return { ok: false, code: 'account_username_taken' };
	}
	const id = randomId();
	const passwordHash = await hashPassword(input.password);
	try {
		await db
			.insertInto('users')
			.values({
				id,
				username,
				usernameKey: key,
				displayName,
				email: email === '' ? null : email,
				passwordHash,
				createdAt: now
			})
			.execute();
	} catch (error) {
		// Two sign-ups racing for one name: the unique index decides.
		if (
			await db.selectFrom('users').select('id').where('usernameKey', '=', key).executeTakeFirst()
		) {
			return { ok: false, code: 'account_username_taken' };
		}
		throw error;
	}
	return { ok: true, value: { id } };
}

export function findUserByUsername(db: AppDatabase, username: string) {
	return db
		.selectFrom('users')
		.select(['id', 'passwordHash'])
		.where('usernameKey', '=', usernameKey(username.trim()))
		.executeTakeFirst();
}

export function getAccount(db: AppDatabase, userId: string) {
	return db
		.selectFrom('users')
		.select(['id', 'username', 'displayName', 'email', 'createdAt'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

/** Checks the current password under a per-account throttle, as log-in does. */
async function checkCurrentPassword(
	db: AppDatabase,
	userId: string,
	password: string
): Promise<Result<null>> {
	const key = `password:account:${userId}`;
	const claim = await claimAttempt(db, key, PASSWORD_CHECK_PER_ACCOUNT);
	if (!claim.allowed) {
		return {
			ok: false,
			code: 'auth_too_many_attempts',
			retryAfterSeconds: claim.retryAfterSeconds
		};
	}
	const row = await db
		.selectFrom('users')
		.select('passwordHash')
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!row || !(await verifyPassword(row.passwordHash, password))) {
		return { ok: false, code: 'account_password_wrong' };
	}
	await resetThrottle(db, key);
	return { ok: true, value: null };
}

/** Changes the password and ends every session but `keepSessionId`. */
export async function changePassword(
	db: AppDatabase,
	userId: string,
	currentPassword: string,
	newPassword: string,
	keepSessionId: string
): Promise<Result<null>> {
	const current = await checkCurrentPassword(db, userId, currentPassword);
	if (!current.ok) return current;
	const invalid = checkNewPassword(newPassword);
	if (invalid) return { ok: false, code: invalid };
	const passwordHash = await hashPassword(newPassword);
	await db.updateTable('users').set({ passwordHash }).where('id', '=', userId).execute();
	await invalidateUserSessions(db, userId, keepSessionId);
	return { ok: true, value: null };
}

/** Deletes the account; sessions and everything the user owns go with it (ON DELETE CASCADE). */
export async function deleteAccount(
	db: AppDatabase,
	userId: string,
	password: string
): Promise<Result<null>> {
	const current = await checkCurrentPassword(db, userId, password);
	if (!current.ok) return current;
	const user = await db
		.selectFrom('users')
		.select('usernameKey')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	await db.transaction().execute(async (trx) => {
		await detachCommentariesUsedByOthers(trx, userId);
		await trx.deleteFrom('users').where('id', '=', userId).execute();
	});
	// Throttle counters name the account; they must not outlive it.
	await db
		.deleteFrom('throttles')
		.where('key', 'in', [`login:account:${user.usernameKey}`, `password:account:${userId}`])
		.execute();
	await flushDeletedRows(db);
	return { ok: true, value: null };
}

export const USER_EXPORT_FORMAT = 'argumap-user-export';

/** The user's saved comparisons with their links, for the export. */
async function exportComparisons(db: AppDatabase, userId: string) {
	const comparisons = await db
		.selectFrom('comparisons')
		.select(['id', 'title', 'note', 'mapIdA', 'mapIdB', 'createdAt', 'updatedAt'])
		.where('ownerId', '=', userId)
		.orderBy('createdAt')
		.execute();
	const links = await db
		.selectFrom('comparisonLinks')
		.innerJoin('comparisons', 'comparisons.id', 'comparisonLinks.comparisonId')
		.select([
			'comparisonLinks.comparisonId',
			'comparisonLinks.statementIdA',
			'comparisonLinks.statementIdB',
			'comparisonLinks.kind',
			'comparisonLinks.direction'
		])
		.where('comparisons.ownerId', '=', userId)
		.orderBy('comparisonLinks.position')
		.execute();
	return comparisons.map((comparison) => ({
		...comparison,
		links: links
			.filter((link) => link.comparisonId === comparison.id)
			.map(({ comparisonId: _, ...link }) => link)
	}));
}

/** Everything stored about the user, as a JSON-ready object; never the password hash or session ids. */
export async function exportUserData(db: AppDatabase, userId: string, now = Date.now()) {
	const account = await getAccount(db, userId);
	if (!account) return undefined;
	const commentaries = await db
		.selectFrom('commentaries')
		.select([
			'id',
			'title',
			'author',
			'outlet',
			'publishedOn',
			'sourceUrl',
			'language',
			'body',
			'visibility',
			'createdAt',
			'updatedAt'
		])
		.where('ownerId', '=', userId)
		.orderBy('createdAt')
		.execute();
	const maps = await db
		.selectFrom('maps')
		.select(['id', 'commentaryId', 'title', 'document', 'version', 'createdAt', 'updatedAt'])
		.where('ownerId', '=', userId)
		.orderBy('createdAt')
		.execute();
	const sessions = await db
		.selectFrom('sessions')
		.select(['createdAt', 'expiresAt'])
		.where('userId', '=', userId)
		.execute();
	const classes = await db
		.selectFrom('classMembers')
		.innerJoin('classes', 'classes.id', 'classMembers.classId')
		.select(['classes.id', 'classes.name', 'classMembers.role', 'classMembers.joinedAt'])
		.where('classMembers.userId', '=', userId)
		.orderBy('classMembers.joinedAt')
		.execute();
	const classShares = await db
		.selectFrom('classShares')
		.select(['id', 'classId', 'commentaryId', 'mapId', 'comparisonId', 'createdAt'])
		.where('sharedBy', '=', userId)
		.orderBy('createdAt')
		.execute();
	// The token is shown once and only its hash is stored; neither belongs in a file.
	const shareLinks = await db
		.selectFrom('shareLinks')
		.select(['id', 'commentaryId', 'mapId', 'comparisonId', 'createdAt', 'revokedAt'])
		.where('ownerId', '=', userId)
		.orderBy('createdAt')
		.execute();
	const assignmentsSet = await db
		.selectFrom('assignments')
		.select([
			'id',
			'classId',
			'commentaryId',
			'title',
			'instructions',
			'dueAt',
			'referenceMapId',
			'referenceReleasedAt',
			'suggestionsAllowed',
			'createdAt'
		])
		.where('createdBy', '=', userId)
		.orderBy('createdAt')
		.execute();
	const assignmentWork = await db
		.selectFrom('assignmentMaps')
		.select(['assignmentId', 'mapId', 'status', 'submittedAt', 'returnedAt', 'feedback'])
		.where('studentId', '=', userId)
		.execute();
	const comments = await db
		.selectFrom('comments')
		.select(['id', 'mapId', 'targetKind', 'targetId', 'body', 'createdAt'])
		.where('authorId', '=', userId)
		.orderBy('createdAt')
		.execute();
	const comparisons = await exportComparisons(db, userId);
	return {
		format: USER_EXPORT_FORMAT,
		version: 1,
		exportedAt: new Date(now).toISOString(),
		account: { ...account, createdAt: new Date(Number(account.createdAt)).toISOString() },
		sessions: sessions.map((s) => ({
			createdAt: new Date(Number(s.createdAt)).toISOString(),
			expiresAt: new Date(Number(s.expiresAt)).toISOString()
		})),
		commentaries,
		maps: maps.map(({ document, ...map }) => ({ ...map, document: JSON.parse(document) })),
		classes,
		classShares,
		shareLinks,
		assignmentsSet,
		comparisons,
		assignmentWork,
		comments
	};
}

import { joinCodeFromRandom, normalizeJoinCode } from '$lib/classes/join-code';
import {
	claimAttempts,
	JOIN_CODE_PER_ACCOUNT,
	JOIN_CODE_PER_IP,
	releaseAttempt
} from './auth/throttle';
import type { AppDatabase } from './db';
import type { ClassRole } from './db/schema';
import { randomId } from './id';

function newJoinCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(64));
	let index = 0;
	return joinCodeFromRandom(() => {
		if (index === bytes.length) {
			crypto.getRandomValues(bytes);
			index = 0;
		}
		return bytes[index++]!;
	});
}

/** Inserts with a fresh join code, drawing again in the unlikely case the code is taken. */
async function withUniqueJoinCode<T>(attempt: (code: string) => Promise<T>): Promise<T> {
	for (let tries = 0; ; tries++) {
		try {
			return await attempt(newJoinCode());
		} catch (cause) {
			if (tries >= 4 || !String(cause).includes('join_code')) throw cause;
		}
	}
}

export async function createClass(
	db: AppDatabase,
	teacherId: string,
	name: string,
	now = Date.now()
): Promise<string> {
	const id = randomId();
	await withUniqueJoinCode((joinCode) =>
		db.transaction().execute(async (trx) => {
			await trx
				.insertInto('classes')
				.values({ id, name, joinCode, joinOpen: 1, archivedAt: null, createdAt: now })
				.execute();
			await trx
				.insertInto('classMembers')
				.values({ classId: id, userId: teacherId, role: 'teacher', joinedAt: now })
				.execute();
		})
	);
	return id;
}

export interface ClassSummary {
	id: string;
	name: string;
	role: ClassRole;
	archived: boolean;
	studentCount: number;
}

/** The classes the user teaches or attends, active ones first. */
export async function listClassesOf(db: AppDatabase, userId: string): Promise<ClassSummary[]> {
	const rows = await db
		.selectFrom('classMembers as me')
		.innerJoin('classes', 'classes.id', 'me.classId')
		.select((eb) => [
			'classes.id',
			'classes.name',
			'classes.archivedAt',
			'me.role',
			eb
				.selectFrom('classMembers as students')
				.select((inner) => inner.fn.countAll<number>().as('count'))
				.whereRef('students.classId', '=', 'classes.id')
				.where('students.role', '=', 'student')
				.as('studentCount')
		])
		.where('me.userId', '=', userId)
		.orderBy('classes.createdAt', 'desc')
		.execute();
	return rows
		.map((row) => ({
			id: row.id,
			name: row.name,
			role: row.role,
			archived: row.archivedAt !== null,
			studentCount: Number(row.studentCount ?? 0)
		}))
		.sort((a, b) => Number(a.archived) - Number(b.archived));
}

export interface ClassMember {
	userId: string;
	/** Display names only: classmates never see each other's e-mail addresses or usernames. */
	displayName: string;
	role: ClassRole;
}

export interface ClassDetails {
	id: string;
	name: string;
	joinCode: string;
	joinOpen: boolean;
	archived: boolean;
	members: ClassMember[];
}

/** A class with its members; callers check membership first (access.ts). */
export async function getClass(
	db: AppDatabase,
	classId: string
): Promise<ClassDetails | undefined> {
	const row = await db
		.selectFrom('classes')
		.select(['id', 'name', 'joinCode', 'joinOpen', 'archivedAt'])
		.where('id', '=', classId)
		.executeTakeFirst();
	if (!row) return undefined;
	const members = await db
		.selectFrom('classMembers')
		.innerJoin('users', 'users.id', 'classMembers.userId')
		.select(['classMembers.userId', 'users.displayName', 'classMembers.role'])
		.where('classMembers.classId', '=', classId)
		.orderBy('classMembers.role', 'desc')
		.orderBy('users.displayName')
		.execute();
	return {
		id: row.id,
		name: row.name,
		joinCode: row.joinCode,
		joinOpen: Number(row.joinOpen) === 1 && row.archivedAt === null,
		archived: row.archivedAt !== null,
		members
	};
}

/** The class a join code opens, if joining it is open. */
export async function findJoinableClass(db: AppDatabase, typedCode: string) {
	const code = normalizeJoinCode(typedCode);
	if (!code) return undefined;
	return db
		.selectFrom('classes')
		.select(['id', 'name'])
		.where('joinCode', '=', code)
		.where('joinOpen', '=', 1)
		.where('archivedAt', 'is', null)
		.executeTakeFirst();
}

export type JoinResult =
	| { ok: true; classId: string; alreadyMember: boolean }
	| { ok: false; code: 'join_code_invalid' }
	| { ok: false; code: 'join_too_many_attempts'; retryAfterSeconds: number };

/**
 * Joins the class as a student under the join-code throttles; a member (teacher or student)
 * keeps the role they have. Every attempt counts until it succeeds, so guessing runs into 429.
 */
export async function joinClass(
	db: AppDatabase,
	userId: string,
	typedCode: string,
	clientAddress: string,
	now = Date.now()
): Promise<JoinResult> {
	const accountKey = `join:account:${userId}`;
	const ipKey = `join:ip:${clientAddress}`;
	const claim = await claimAttempts(
		db,
		[
			[accountKey, JOIN_CODE_PER_ACCOUNT],
			[ipKey, JOIN_CODE_PER_IP]
		],
		now
	);
	if (!claim.allowed) {
		return {
			ok: false,
			code: 'join_too_many_attempts',
			retryAfterSeconds: claim.retryAfterSeconds
		};
	}
	const found = await findJoinableClass(db, typedCode);
	if (!found) return { ok: false, code: 'join_code_invalid' };
	await releaseAttempt(db, accountKey);
	await releaseAttempt(db, ipKey);
	const inserted = await db
		.insertInto('classMembers')
		.values({ classId: found.id, userId, role: 'student', joinedAt: now })
		.onConflict((oc) => oc.columns(['classId', 'userId']).doNothing())
		.executeTakeFirst();
	return {
		ok: true,
		classId: found.id,
		alreadyMember: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0
	};
}

export async function renameClass(db: AppDatabase, classId: string, name: string): Promise<void> {
	await db.updateTable('classes').set({ name }).where('id', '=', classId).execute();
}

/** A new code: the old one and links made from it stop working at once. */
export async function rotateJoinCode(db: AppDatabase, classId: string): Promise<void> {
	await withUniqueJoinCode((joinCode) =>
		db.updateTable('classes').set({ joinCode }).where('id', '=', classId).execute()
	);
}

export async function setJoinOpen(db: AppDatabase, classId: string, open: boolean): Promise<void> {
	await db
		.updateTable('classes')
		.set({ joinOpen: open ? 1 : 0 })
		.where('id', '=', classId)
		.execute();
}

/** Archived classes stay readable for their members but take no new students or work. */
export async function setArchived(
	db: AppDatabase,
	classId: string,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('classes')
		.set({ archivedAt: archived ? now : null })
		.where('id', '=', classId)
		.execute();
}

/** Removes a student; their own maps stay theirs, but what the class shared is no longer readable. */
export async function removeStudent(
	db: AppDatabase,
	classId: string,
	studentId: string
): Promise<boolean> {
	const result = await db
		.deleteFrom('classMembers')
		.where('classId', '=', classId)
		.where('userId', '=', studentId)
		.where('role', '=', 'student')
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** Makes a student a co-teacher: classes may have several teachers. */
export async function makeTeacher(
	db: AppDatabase,
	classId: string,
	studentId: string
): Promise<boolean> {
	const result = await db
		.updateTable('classMembers')
		.set({ role: 'teacher' })
		.where('classId', '=', classId)
		.where('userId', '=', studentId)
		.where('role', '=', 'student')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The classes the user teaches and that are not archived: where they may share and set work. */
export async function listTaughtClasses(db: AppDatabase, userId: string) {
	return db
		.selectFrom('classMembers')
		.innerJoin('classes', 'classes.id', 'classMembers.classId')
		.select(['classes.id', 'classes.name'])
		.where('classMembers.userId', '=', userId)
		.where('classMembers.role', '=', 'teacher')
		.where('classes.archivedAt', 'is', null)
		.orderBy('classes.name')
		.execute();
}

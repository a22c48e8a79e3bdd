import { describe, expect, it } from 'vitest';
import { formatJoinCode, JOIN_CODE_ALPHABET } from '$lib/classes/join-code';
import { classAccess, classRole } from '$lib/server/access';
import {
	createClass,
	getClass,
	joinClass,
	type JoinResult,
	listClassesOf,
	listTaughtClasses,
	makeTeacher,
	removeStudent,
	rotateJoinCode,
	setArchived,
	setJoinOpen
} from '$lib/server/classes';
import type { AppDatabase } from '$lib/server/db';
import {
	createTestClass,
	createTestUser,
	joinTestClass,
	MINUTE_MS,
	T0,
	useTestDatabase
} from './helpers';

const IP = '203.0.113.7';
const OTHER_IP = '198.51.100.23';
const INVALID = { ok: false, code: 'join_code_invalid' };

/** A well-formed code that is not `code`. */
function otherCode(code: string): string {
	const last = code.at(-1)!;
	const replacement = JOIN_CODE_ALPHABET[(JOIN_CODE_ALPHABET.indexOf(last) + 1) % 29]!;
	return code.slice(0, -1) + replacement;
}

describe('classes', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const teacher = await createTestUser(db, 'tina', undefined, 'tina@example.org');
		const student = await createTestUser(db, 'sam', undefined, 'sam@example.org');
		const { classId, joinCode } = await createTestClass(db, teacher, '10b Politik');
		return { db, teacher, student, classId, joinCode };
	}

	it('makes its creator the teacher and gives it an 8-character join code', async () => {
		const { db, teacher, classId, joinCode } = await setUp();
		expect(await classRole(db, teacher, classId)).toBe('teacher');
		expect(joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
		expect((await classAccess(db, teacher, classId))?.edit).toBe(true);
	});

	it('gives every class its own join code', async () => {
		const { db, teacher } = await setUp();
		const codes = new Set<string>();
		for (let i = 0; i < 40; i++) codes.add((await createTestClass(db, teacher, `C${i}`)).joinCode);
		expect(codes.size).toBe(40);
	});

	it('makes whoever joins by code a student, however the code is typed', async () => {
		const { db, student, classId, joinCode } = await setUp();
		const typed = formatJoinCode(joinCode).toLowerCase().replace('-', ' ');
		const result = await joinClass(db, student, typed, IP, T0);
		expect(result).toEqual({ ok: true, classId, alreadyMember: false });
		expect(await classRole(db, student, classId)).toBe('student');
		const access = await classAccess(db, student, classId);
		expect(access).toMatchObject({ read: true, edit: false, share: false, delete: false });
	});

	it('keeps one membership when joining twice, and a teacher joining by code stays teacher', async () => {
		const { db, teacher, student, classId, joinCode } = await setUp();
		await joinClass(db, student, joinCode, IP, T0);
		expect(await joinClass(db, student, joinCode, IP, T0)).toEqual({
			ok: true,
			classId,
			alreadyMember: true
		});
		expect(await joinClass(db, teacher, joinCode, IP, T0)).toEqual({
			ok: true,
			classId,
			alreadyMember: true
		});
		expect(await classRole(db, teacher, classId)).toBe('teacher');
		const members = await db
			.selectFrom('classMembers')
			.select(['userId', 'role'])
			.where('classId', '=', classId)
			.orderBy('role')
			.execute();
		expect(members).toEqual([
			{ userId: student, role: 'student' },
			{ userId: teacher, role: 'teacher' }
		]);
	});

	it('refuses wrong and malformed codes without joining', async () => {
		const { db, student, classId, joinCode } = await setUp();
		expect(await joinClass(db, student, otherCode(joinCode), IP, T0)).toEqual(INVALID);
		expect(await joinClass(db, student, 'nonsense', IP, T0)).toEqual(INVALID);
		expect(await joinClass(db, student, '', IP, T0)).toEqual(INVALID);
		expect(await classRole(db, student, classId)).toBeUndefined();
	});

	it('refuses the code while joining is closed and takes it again once reopened', async () => {
		const { db, student, classId, joinCode } = await setUp();
		await setJoinOpen(db, classId, false);
		expect(await joinClass(db, student, joinCode, IP, T0)).toEqual(INVALID);
		expect((await getClass(db, classId))?.joinOpen).toBe(false);
		await setJoinOpen(db, classId, true);
		expect((await joinClass(db, student, joinCode, IP, T0)).ok).toBe(true);
	});

	it('refuses the code of an archived class, and archived classes take no new work', async () => {
		const { db, teacher, student, classId, joinCode } = await setUp();
		await setArchived(db, classId, true, T0);
		expect(await joinClass(db, student, joinCode, IP, T0)).toEqual(INVALID);
		const details = await getClass(db, classId);
		expect(details).toMatchObject({ archived: true, joinOpen: false });
		expect(await listTaughtClasses(db, teacher)).toEqual([]);
		const [summary] = await listClassesOf(db, teacher);
		expect(summary?.archived).toBe(true);
	});

	it('stops the old code working once the code is rotated', async () => {
		const { db, student, classId, joinCode } = await setUp();
		await rotateJoinCode(db, classId);
		const rotated = (await getClass(db, classId))!.joinCode;
		expect(rotated).not.toBe(joinCode);
		expect(await joinClass(db, student, joinCode, IP, T0)).toEqual(INVALID);
		expect(await joinClass(db, student, rotated, IP, T0)).toMatchObject({ ok: true, classId });
	});

	it('removes students only, never a teacher', async () => {
		const { db, teacher, student, classId, joinCode } = await setUp();
		await joinTestClass(db, student, joinCode);
		expect(await removeStudent(db, classId, teacher)).toBe(false);
		expect(await classRole(db, teacher, classId)).toBe('teacher');
		expect(await removeStudent(db, classId, student)).toBe(true);
		expect(await classRole(db, student, classId)).toBeUndefined();
		expect(await classAccess(db, student, classId)).toBeUndefined();
		expect(await removeStudent(db, classId, student)).toBe(false);
	});

	it('makes a student a co-teacher', async () => {
		const { db, teacher, student, classId, joinCode } = await setUp();
		expect(await makeTeacher(db, classId, student)).toBe(false);
		await joinTestClass(db, student, joinCode);
		expect(await makeTeacher(db, classId, student)).toBe(true);
		expect(await classRole(db, student, classId)).toBe('teacher');
		expect(await makeTeacher(db, classId, teacher)).toBe(false);
		expect(await removeStudent(db, classId, student)).toBe(false);
	});

	it('lists the classes of a user with their role and student count, archived ones last', async () => {
		const { db, teacher, student, classId, joinCode } = await setUp();
		const other = await createTestUser(db, 'olga');
		await joinTestClass(db, student, joinCode);
		await joinTestClass(db, other, joinCode);
		const later = await createClass(db, teacher, 'Archived course', T0 + MINUTE_MS);
		await setArchived(db, later, true, T0);
		const attended = await createTestClass(db, other, 'Olga teaches');
		await joinTestClass(db, teacher, attended.joinCode);

		const classes = await listClassesOf(db, teacher);
		expect(classes).toHaveLength(3);
		expect(classes.at(-1)).toEqual({
			id: later,
			name: 'Archived course',
			role: 'teacher',
			archived: true,
			studentCount: 0
		});
		expect(classes).toContainEqual({
			id: classId,
			name: '10b Politik',
			role: 'teacher',
			archived: false,
			studentCount: 2
		});
		expect(classes).toContainEqual({
			id: attended.classId,
			name: 'Olga teaches',
			role: 'student',
			archived: false,
			studentCount: 1
		});
		expect(await listClassesOf(db, student)).toEqual([
			{ id: classId, name: '10b Politik', role: 'student', archived: false, studentCount: 2 }
		]);
	});

	it('shows members by display name and role, without any e-mail address or username', async () => {
		const { db, teacher, student, classId, joinCode } = await setUp();
		await joinTestClass(db, student, joinCode);
		const details = await getClass(db, classId);
		expect(details?.members).toEqual([
			{ userId: teacher, displayName: 'tina Example', role: 'teacher' },
			{ userId: student, displayName: 'sam Example', role: 'student' }
		]);
		for (const member of details!.members) {
			expect(Object.keys(member).sort()).toEqual(['displayName', 'role', 'userId']);
		}
		expect(JSON.stringify(details)).not.toContain('@example.org');
		expect(await getClass(db, 'no-such-class')).toBeUndefined();
	});
});

function expectThrottled(result: JoinResult) {
	expect(result).toMatchObject({ ok: false, code: 'join_too_many_attempts' });
	expect(
		!result.ok && result.code === 'join_too_many_attempts' && result.retryAfterSeconds
	).toBeGreaterThan(0);
}

describe('join code throttle', () => {
	const database = useTestDatabase();

	async function failJoins(
		db: AppDatabase,
		userId: string,
		wrongCode: string,
		count: number,
		ip: (attempt: number) => string = () => IP,
		start = T0
	) {
		for (let attempt = 0; attempt < count; attempt++) {
			const result = await joinClass(db, userId, wrongCode, ip(attempt), start + attempt * 1000);
			expect(result, `attempt ${attempt + 1}`).toEqual(INVALID);
		}
	}

	async function setUp() {
		const { db } = database();
		const teacher = await createTestUser(db, 'tina');
		const student = await createTestUser(db, 'sam');
		const { classId, joinCode } = await createTestClass(db, teacher);
		return { db, student, classId, joinCode, wrongCode: otherCode(joinCode) };
	}

	it('refuses the 11th attempt within the window even with the right code', async () => {
		const { db, student, classId, joinCode, wrongCode } = await setUp();
		await failJoins(db, student, wrongCode, 10);
		const refused = await joinClass(db, student, joinCode, IP, T0 + 10_000);
		expectThrottled(refused);
		expect(refused).toEqual({
			ok: false,
			code: 'join_too_many_attempts',
			retryAfterSeconds: 15 * 60 - 1
		});
		expect(await classRole(db, student, classId)).toBeUndefined();
	});

	it('counts per account, whatever address the attempts come from', async () => {
		const { db, student, joinCode, wrongCode } = await setUp();
		await failJoins(db, student, wrongCode, 10, (attempt) => `198.51.100.${attempt + 1}`);
		const refused = await joinClass(db, student, joinCode, OTHER_IP, T0 + 10_000);
		expectThrottled(refused);
	});

	it('does not hold one account’s wrong codes against another account', async () => {
		const { db, student, classId, joinCode, wrongCode } = await setUp();
		const classmate = await createTestUser(db, 'cleo');
		await failJoins(db, student, wrongCode, 10);
		const joined = await joinClass(db, classmate, joinCode, IP, T0 + 10_000);
		expect(joined).toEqual({ ok: true, classId, alreadyMember: false });
	});

	it('gives a successful attempt back, so a right code never adds up to a block', async () => {
		const { db, student, joinCode, wrongCode } = await setUp();
		await failJoins(db, student, wrongCode, 9);
		expect((await joinClass(db, student, joinCode, IP, T0 + 9_000)).ok).toBe(true);
		// 9 failures so far: one more wrong code is still an ordinary refusal…
		expect(await joinClass(db, student, wrongCode, IP, T0 + 10_000)).toEqual(INVALID);
		// …and the 11th failure is the one that is throttled.
		const refused = await joinClass(db, student, joinCode, IP, T0 + 11_000);
		expectThrottled(refused);
	});

	it('lets joining go ahead again once the block has passed', async () => {
		const { db, student, classId, joinCode, wrongCode } = await setUp();
		await failJoins(db, student, wrongCode, 10);
		const blocked = await joinClass(db, student, joinCode, IP, T0 + 14 * MINUTE_MS);
		expectThrottled(blocked);
		const later = T0 + 16 * MINUTE_MS;
		expect(await joinClass(db, student, joinCode, IP, later)).toEqual({
			ok: true,
			classId,
			alreadyMember: false
		});
	});

	it('starts counting afresh in a new window', async () => {
		const { db, student, classId, joinCode, wrongCode } = await setUp();
		await failJoins(db, student, wrongCode, 9);
		await failJoins(db, student, wrongCode, 9, undefined, T0 + 20 * MINUTE_MS);
		expect((await joinClass(db, student, joinCode, IP, T0 + 21 * MINUTE_MS)).ok).toBe(true);
		expect(await classRole(db, student, classId)).toBe('student');
	});
});

import { describe, expect, it } from 'vitest';
import { startAssignment } from '$lib/server/assignments';
import { deleteCommentary, getReadableCommentary } from '$lib/server/commentaries';
import { getReadableMap } from '$lib/server/maps';
import { deleteAccount } from '$lib/server/users';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	PASSWORD,
	useTestDatabase
} from './helpers';

/** A teacher's commentary, set as work in their class, and a student's started map of it. */
async function classWork(db: Parameters<typeof createTestUser>[0]) {
	const teacher = await createTestUser(db, 'teacher');
	const student = await createTestUser(db, 'student');
	const commentary = await insertCommentary(db, teacher, 'private');
	const { classId, joinCode } = await createTestClass(db, teacher);
	await joinTestClass(db, student, joinCode);
	const assignment = await createTestAssignment(db, teacher, classId, commentary);
	const studentMap = (await startAssignment(db, assignment, student))!;
	return { teacher, student, commentary, studentMap };
}

describe("students' work outlives what the teacher deletes", () => {
	const database = useTestDatabase();

	it('refuses to delete a commentary an assignment and students’ maps use', async () => {
		const { db } = database();
		const { teacher, student, commentary, studentMap } = await classWork(db);
		expect(await deleteCommentary(db, teacher, commentary)).toEqual({
			ok: false,
			code: 'commentary_in_use'
		});
		expect(await getReadableMap(db, studentMap, student)).toBeDefined();
	});

	it('still deletes a commentary only its owner’s maps use, with those maps', async () => {
		const { db } = database();
		const owner = await createTestUser(db, 'owner');
		const commentary = await insertCommentary(db, owner, 'private');
		const map = await createTestMap(db, owner, commentary);
		expect(await deleteCommentary(db, owner, commentary)).toEqual({ ok: true });
		expect(await getReadableMap(db, map, owner)).toBeUndefined();
	});

	it('keeps the students’ maps and their text when the teacher deletes the account', async () => {
		const { db } = database();
		const { teacher, student, commentary, studentMap } = await classWork(db);
		const unused = await insertCommentary(db, teacher, 'private', 'Nobody uses this');
		expect(await deleteAccount(db, teacher, PASSWORD)).toEqual({ ok: true, value: null });
		const map = await getReadableMap(db, studentMap, student);
		expect(map?.commentary.id).toBe(commentary);
		expect(map?.map.statements.length).toBeGreaterThan(0);
		// The teacher's other commentaries go with the account.
		expect(await getReadableCommentary(db, unused, teacher)).toBeUndefined();
		const rows = await db
			.selectFrom('commentaries')
			.select('id')
			.where('id', '=', unused)
			.execute();
		expect(rows).toEqual([]);
	});
});

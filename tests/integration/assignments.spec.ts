import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { mapAccess } from '$lib/server/access';
import {
	deleteAssignment,
	getAssignment,
	getStudentWork,
	listAssignmentsOfClass,
	listStudentWork,
	releaseReference,
	returnWork,
	startAssignment,
	submitWork
} from '$lib/server/assignments';
import { makeTeacher } from '$lib/server/classes';
import { deleteMap, getReadableMap, listOwnMaps, renameMap, saveMap } from '$lib/server/maps';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	MINUTE_MS,
	T0,
	TEST_MAP,
	useTestDatabase
} from './helpers';

const CLAIM_ONLY: ArgumentMap = { statements: [TEST_MAP.statements[0]!], relations: [] };

describe('assignments', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const teacher = await createTestUser(db, 'tina');
		const student = await createTestUser(db, 'sam');
		const classmate = await createTestUser(db, 'cleo');
		const outsider = await createTestUser(db, 'olga');
		const { classId, joinCode } = await createTestClass(db, teacher);
		await joinTestClass(db, student, joinCode);
		await joinTestClass(db, classmate, joinCode);
		const commentary = await insertCommentary(db, teacher, 'private', 'Ceasefire');
		const assignmentId = await createTestAssignment(db, teacher, classId, commentary);
		return { db, teacher, student, classmate, outsider, classId, commentary, assignmentId };
	}

	it('starts every student from a copy of the starting map, owned by the student', async () => {
		const { db, student, classmate, commentary, assignmentId } = await setUp();
		const mapId = await startAssignment(db, assignmentId, student, T0);
		const classmateMapId = await startAssignment(db, assignmentId, classmate, T0);
		expect(mapId).toBeDefined();
		expect(classmateMapId).not.toBe(mapId);
		const map = await getReadableMap(db, mapId!, student);
		expect(map).toMatchObject({ mine: true, title: 'Analyse the ceasefire commentary' });
		expect(map?.map).toEqual(TEST_MAP);
		expect(map?.commentary.id).toBe(commentary);
		// Each student's copy is their own: one student's edits do not reach the other.
		expect(await saveMap(db, student, mapId!, 1, CLAIM_ONLY, T0)).toEqual({ ok: true, version: 2 });
		expect((await getReadableMap(db, classmateMapId!, classmate))?.map).toEqual(TEST_MAP);
	});

	it('copies the starting map when the work is set, not when a student starts', async () => {
		const { db, teacher, student, classId, commentary } = await setUp();
		const teachersMap = await createTestMap(db, teacher, commentary, { map: TEST_MAP });
		const source = await getReadableMap(db, teachersMap, teacher);
		const assignmentId = await createTestAssignment(db, teacher, classId, commentary, {
			startingMap: source!.map
		});
		await saveMap(db, teacher, teachersMap, 1, CLAIM_ONLY, T0);
		const mapId = await startAssignment(db, assignmentId, student, T0);
		expect((await getReadableMap(db, mapId!, student))?.map).toEqual(TEST_MAP);
	});

	it('starts from an empty map when there is no starting map', async () => {
		const { db, teacher, student, classId, commentary } = await setUp();
		const assignmentId = await createTestAssignment(db, teacher, classId, commentary, {
			startingMap: null
		});
		const mapId = await startAssignment(db, assignmentId, student, T0);
		expect((await getReadableMap(db, mapId!, student))?.map).toEqual({
			statements: [],
			relations: []
		});
		expect((await getAssignment(db, assignmentId))?.hasStartingMap).toBe(false);
	});

	it('returns the same map when a student starts twice', async () => {
		const { db, student, assignmentId } = await setUp();
		const first = await startAssignment(db, assignmentId, student, T0);
		const second = await startAssignment(db, assignmentId, student, T0 + MINUTE_MS);
		expect(second).toBe(first);
		const [third, fourth] = await Promise.all([
			startAssignment(db, assignmentId, student, T0),
			startAssignment(db, assignmentId, student, T0)
		]);
		expect([third, fourth]).toEqual([first, first]);
		expect(await listOwnMaps(db, student)).toHaveLength(1);
	});

	it('starts two students at once with a map each', async () => {
		const { db, student, classmate, assignmentId } = await setUp();
		const [mine, theirs] = await Promise.all([
			startAssignment(db, assignmentId, student, T0),
			startAssignment(db, assignmentId, classmate, T0)
		]);
		expect((await listOwnMaps(db, student)).map((map) => map.id)).toEqual([mine]);
		expect((await listOwnMaps(db, classmate)).map((map) => map.id)).toEqual([theirs]);
	});

	it('starts nothing for a teacher, a non-member or an unknown assignment', async () => {
		const { db, teacher, outsider, assignmentId, student } = await setUp();
		expect(await startAssignment(db, assignmentId, teacher, T0)).toBeUndefined();
		expect(await startAssignment(db, assignmentId, outsider, T0)).toBeUndefined();
		expect(await startAssignment(db, 'no-such-assignment', student, T0)).toBeUndefined();
		expect(await listOwnMaps(db, outsider)).toEqual([]);
		const maps = await db.selectFrom('assignmentMaps').selectAll().execute();
		expect(maps).toEqual([]);
	});

	it('makes submitted work read-only for the student until the teacher returns it', async () => {
		const { db, teacher, student, assignmentId } = await setUp();
		const mapId = (await startAssignment(db, assignmentId, student, T0))!;
		expect(await saveMap(db, student, mapId, 1, CLAIM_ONLY, T0)).toEqual({ ok: true, version: 2 });

		expect(await submitWork(db, assignmentId, student, T0 + MINUTE_MS)).toBe(true);
		expect(await submitWork(db, assignmentId, student, T0 + MINUTE_MS)).toBe(false);
		expect(await saveMap(db, student, mapId, 2, TEST_MAP, T0)).toEqual({
			ok: false,
			code: 'not_found'
		});
		expect(await renameMap(db, student, mapId, 'Changed after submitting')).toBe(false);
		const submitted = await getReadableMap(db, mapId, student);
		expect(submitted).toMatchObject({ version: 2, title: 'Analyse the ceasefire commentary' });
		expect(submitted?.map).toEqual(CLAIM_ONLY);
		expect((await mapAccess(db, student, mapId))?.edit).toBe(false);
		expect(await mapAccess(db, teacher, mapId)).toMatchObject({ read: true, comment: true });
		expect(await getStudentWork(db, assignmentId, student)).toMatchObject({
			status: 'submitted',
			submittedAt: T0 + MINUTE_MS,
			mapId
		});

		expect(
			await returnWork(db, assignmentId, student, 'Look for a second reason.', T0 + 2 * MINUTE_MS)
		).toBe(true);
		expect(await getStudentWork(db, assignmentId, student)).toMatchObject({
			status: 'returned',
			returnedAt: T0 + 2 * MINUTE_MS,
			feedback: 'Look for a second reason.'
		});
		expect(await saveMap(db, student, mapId, 2, TEST_MAP, T0)).toEqual({ ok: true, version: 3 });
		expect(await renameMap(db, student, mapId, 'Second try')).toBe(true);
		expect((await mapAccess(db, student, mapId))?.edit).toBe(true);
		// Returned work may be handed in again.
		expect(await submitWork(db, assignmentId, student, T0 + 3 * MINUTE_MS)).toBe(true);
	});

	it('never lets the teacher edit a student’s map', async () => {
		const { db, teacher, student, assignmentId } = await setUp();
		const mapId = (await startAssignment(db, assignmentId, student, T0))!;
		expect(await saveMap(db, teacher, mapId, 1, CLAIM_ONLY, T0)).toEqual({
			ok: false,
			code: 'not_found'
		});
		expect(await renameMap(db, teacher, mapId, 'Teacher was here')).toBe(false);
	});

	it('returns work only once it has been submitted', async () => {
		const { db, student, classmate, assignmentId } = await setUp();
		expect(await returnWork(db, assignmentId, student, 'Too early', T0)).toBe(false);
		await startAssignment(db, assignmentId, student, T0);
		expect(await returnWork(db, assignmentId, student, 'Too early', T0)).toBe(false);
		expect(await getStudentWork(db, assignmentId, student)).toMatchObject({
			status: 'in_progress',
			feedback: ''
		});
		await submitWork(db, assignmentId, student, T0);
		expect(await returnWork(db, assignmentId, student, 'Good', T0)).toBe(true);
		expect(await returnWork(db, assignmentId, student, 'Twice', T0)).toBe(false);
		expect(await submitWork(db, assignmentId, classmate, T0)).toBe(false);
	});

	it('lists every student with where their work stands, and no teachers', async () => {
		const { db, teacher, student, classmate, classId, assignmentId } = await setUp();
		const coTeacher = await createTestUser(db, 'carl');
		const { joinCode } = (await db
			.selectFrom('classes')
			.select('joinCode')
			.where('id', '=', classId)
			.executeTakeFirst())!;
		await joinTestClass(db, coTeacher, joinCode);
		await makeTeacher(db, classId, coTeacher);
		const mapId = await startAssignment(db, assignmentId, student, T0);
		await submitWork(db, assignmentId, student, T0 + MINUTE_MS);

		const work = await listStudentWork(db, assignmentId);
		expect(work).toEqual([
			{
				studentId: classmate,
				displayName: 'cleo Example',
				status: 'not_started',
				mapId: null,
				submittedAt: null,
				returnedAt: null,
				feedback: ''
			},
			{
				studentId: student,
				displayName: 'sam Example',
				status: 'submitted',
				mapId,
				submittedAt: T0 + MINUTE_MS,
				returnedAt: null,
				feedback: ''
			}
		]);
		expect(work.map((row) => row.studentId)).not.toContain(teacher);
		expect(await getStudentWork(db, assignmentId, teacher)).toBeUndefined();
	});

	it('lists a class’s work with each student’s own status and the number handed in', async () => {
		const { db, teacher, student, classmate, classId, assignmentId } = await setUp();
		await startAssignment(db, assignmentId, student, T0);
		await submitWork(db, assignmentId, student, T0);
		expect(await listAssignmentsOfClass(db, classId, student)).toMatchObject([
			{ id: assignmentId, myStatus: 'submitted', submittedCount: 1 }
		]);
		expect(await listAssignmentsOfClass(db, classId, classmate)).toMatchObject([
			{ id: assignmentId, myStatus: 'not_started', submittedCount: 1 }
		]);
		expect(await listAssignmentsOfClass(db, classId, teacher)).toMatchObject([
			{ id: assignmentId, myStatus: null, submittedCount: 1 }
		]);
	});

	it('releases the reference map once', async () => {
		const { db, teacher, classId, commentary, assignmentId } = await setUp();
		expect(await releaseReference(db, assignmentId, T0)).toBe(false);
		const referenceMapId = await createTestMap(db, teacher, commentary);
		const withReference = await createTestAssignment(db, teacher, classId, commentary, {
			referenceMapId
		});
		expect(await getAssignment(db, withReference)).toMatchObject({
			referenceMapId,
			referenceReleased: false
		});
		expect(await releaseReference(db, withReference, T0)).toBe(true);
		expect(await releaseReference(db, withReference, T0 + MINUTE_MS)).toBe(false);
		expect((await getAssignment(db, withReference))?.referenceReleased).toBe(true);
		const row = await db
			.selectFrom('assignments')
			.select('referenceReleasedAt')
			.where('id', '=', withReference)
			.executeTakeFirstOrThrow();
		expect(Number(row.referenceReleasedAt)).toBe(T0);
	});

	it('keeps the students’ maps, as their own ordinary maps, when the assignment is deleted', async () => {
		const { db, student, classmate, assignmentId } = await setUp();
		const mapId = (await startAssignment(db, assignmentId, student, T0))!;
		await submitWork(db, assignmentId, student, T0);
		const otherMapId = (await startAssignment(db, assignmentId, classmate, T0))!;
		expect(await deleteMap(db, student, mapId)).toBe(false);

		await deleteAssignment(db, assignmentId);
		expect(await getAssignment(db, assignmentId)).toBeUndefined();
		for (const [owner, id] of [
			[student, mapId],
			[classmate, otherMapId]
		] as const) {
			const row = await db
				.selectFrom('maps')
				.select('ownerId')
				.where('id', '=', id)
				.executeTakeFirst();
			expect(row?.ownerId).toBe(owner);
		}
		// No longer submitted work: the student may edit it again, and delete it.
		expect(await mapAccess(db, student, mapId)).toMatchObject({ edit: true, delete: true });
		expect(await renameMap(db, student, mapId, 'Mine now')).toBe(true);
		expect(await deleteMap(db, student, mapId)).toBe(true);
	});

	it('never deletes an assignment map, whoever asks', async () => {
		const { db, teacher, student, assignmentId } = await setUp();
		const mapId = (await startAssignment(db, assignmentId, student, T0))!;
		expect(await deleteMap(db, student, mapId)).toBe(false);
		expect(await deleteMap(db, teacher, mapId)).toBe(false);
		expect((await mapAccess(db, student, mapId))?.delete).toBe(false);
		expect(await getReadableMap(db, mapId, student)).toBeDefined();
	});
});

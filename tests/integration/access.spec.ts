import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	assignmentAccess,
	classAccess,
	commentaryAccess,
	mapAccess,
	requireAccess,
	type Permissions
} from '$lib/server/access';
import { releaseReference, startAssignment, submitWork } from '$lib/server/assignments';
import { makeTeacher, removeStudent } from '$lib/server/classes';
import { getReadableCommentary, listReadableCommentaries } from '$lib/server/commentaries';
import type { AppDatabase } from '$lib/server/db';
import { getReadableMap } from '$lib/server/maps';
import { shareWithClass } from '$lib/server/sharing';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	T0,
	useTestDatabase
} from './helpers';

/**
 * The actors of every table below. Class A is taught by `teacher` and `coTeacher`; `owner` and
 * `classmate` are its students. Class B is taught by `otherTeacher`, with `otherStudent`.
 */
const ACTORS = [
	'owner',
	'classmate',
	'teacher',
	'coTeacher',
	'otherTeacher',
	'otherStudent',
	'anonymous'
] as const;
type Actor = (typeof ACTORS)[number];

/**
 * Permissions as letters in the order read, edit, comment, delete, share ('recds'), so a table
 * row reads at a glance; '' means not readable at all (access answers undefined).
 */
function letters(access: Permissions | undefined): string {
	if (!access) return '';
	const flags: [keyof Permissions, string][] = [
		['read', 'r'],
		['edit', 'e'],
		['comment', 'c'],
		['delete', 'd'],
		['share', 's']
	];
	return flags.map(([action, letter]) => (access[action] ? letter : '')).join('');
}

type Table = Record<Actor, string>;

describe('access', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const ids = {
			owner: await createTestUser(db, 'sam'),
			classmate: await createTestUser(db, 'cleo'),
			teacher: await createTestUser(db, 'tina'),
			coTeacher: await createTestUser(db, 'carl'),
			otherTeacher: await createTestUser(db, 'otto'),
			otherStudent: await createTestUser(db, 'olga'),
			anonymous: null
		} satisfies Record<Actor, string | null>;
		const classA = await createTestClass(db, ids.teacher, 'Class A');
		const classB = await createTestClass(db, ids.otherTeacher, 'Class B');
		await joinTestClass(db, ids.owner, classA.joinCode);
		await joinTestClass(db, ids.classmate, classA.joinCode);
		await joinTestClass(db, ids.coTeacher, classA.joinCode);
		await makeTeacher(db, classA.classId, ids.coTeacher);
		await joinTestClass(db, ids.otherStudent, classB.joinCode);
		const commentary = await insertCommentary(db, ids.owner, 'private', "Sam's commentary");
		return { db, ids, classA: classA.classId, classB: classB.classId, commentary };
	}

	type Ids = Awaited<ReturnType<typeof setUp>>['ids'];

	/** Each actor's permissions on the map, checked against the read query the pages use. */
	async function mapTable(db: AppDatabase, ids: Ids, mapId: string): Promise<Table> {
		const table = {} as Table;
		for (const actor of ACTORS) {
			const access = await mapAccess(db, ids[actor], mapId);
			const readable = await getReadableMap(db, mapId, ids[actor]);
			expect(readable !== undefined, `${actor}: getReadableMap agrees with mapAccess`).toBe(
				access !== undefined
			);
			table[actor] = letters(access);
		}
		return table;
	}

	async function commentaryTable(db: AppDatabase, ids: Ids, commentaryId: string) {
		const table = {} as Table;
		for (const actor of ACTORS) {
			const access = await commentaryAccess(db, ids[actor], commentaryId);
			const readable = await getReadableCommentary(db, commentaryId, ids[actor]);
			expect(readable !== undefined, `${actor}: getReadableCommentary agrees`).toBe(
				access !== undefined
			);
			const listed = ids[actor]
				? (await listReadableCommentaries(db, ids[actor])).some((c) => c.id === commentaryId)
				: readable !== undefined;
			expect(listed, `${actor}: the commentary list agrees`).toBe(access !== undefined);
			table[actor] = letters(access);
		}
		return table;
	}

	describe('maps', () => {
		it('a private map: its owner only', async () => {
			const { db, ids, commentary } = await setUp();
			const mapId = await createTestMap(db, ids.owner, commentary);
			expect(await mapTable(db, ids, mapId)).toEqual({
				owner: 'recds',
				classmate: '',
				teacher: '',
				coTeacher: '',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			});
		});

		it('a map shared with a class: view-only for its members', async () => {
			const { db, ids, classA, commentary } = await setUp();
			const mapId = await createTestMap(db, ids.owner, commentary);
			await shareWithClass(db, classA, { kind: 'map', id: mapId }, ids.owner, T0);
			expect(await mapTable(db, ids, mapId)).toEqual({
				owner: 'recds',
				classmate: 'r',
				teacher: 'r',
				coTeacher: 'r',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			});
		});

		it('a public map: everyone reads, the owner alone changes it', async () => {
			const { db, ids, commentary } = await setUp();
			const mapId = await createTestMap(db, ids.owner, commentary, { visibility: 'public' });
			expect(await mapTable(db, ids, mapId)).toEqual({
				owner: 'recds',
				classmate: 'r',
				teacher: 'r',
				coTeacher: 'r',
				otherTeacher: 'r',
				otherStudent: 'r',
				anonymous: 'r'
			});
		});

		it("a student's assignment map: the class's teachers read and comment, classmates do not", async () => {
			const { db, ids, classA, commentary } = await setUp();
			const assignmentId = await createTestAssignment(db, ids.teacher, classA, commentary);
			const mapId = (await startAssignment(db, assignmentId, ids.owner, T0))!;
			const inProgress = {
				owner: 'recs',
				classmate: '',
				teacher: 'rc',
				coTeacher: 'rc',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			};
			expect(await mapTable(db, ids, mapId)).toEqual(inProgress);
			const access = await mapAccess(db, ids.teacher, mapId);
			expect(access?.assignment).toEqual({
				assignmentId,
				assignmentTitle: 'Analyse the ceasefire commentary',
				classId: classA,
				classArchived: false,
				studentId: ids.owner,
				status: 'in_progress',
				readerTeaches: true
			});
			expect((await mapAccess(db, ids.owner, mapId))?.assignment?.readerTeaches).toBe(false);

			await submitWork(db, assignmentId, ids.owner, T0);
			expect(await mapTable(db, ids, mapId)).toEqual({ ...inProgress, owner: 'rcs' });
		});

		it('a reference map: teachers always, students of the class only once it is released', async () => {
			const { db, ids, classA, commentary } = await setUp();
			const referenceMapId = await createTestMap(db, ids.teacher, commentary);
			const assignmentId = await createTestAssignment(db, ids.teacher, classA, commentary, {
				referenceMapId
			});
			const hidden = {
				owner: '',
				classmate: '',
				teacher: 'recds',
				coTeacher: 'r',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			};
			expect(await mapTable(db, ids, referenceMapId)).toEqual(hidden);
			expect(await releaseReference(db, assignmentId, T0)).toBe(true);
			expect(await mapTable(db, ids, referenceMapId)).toEqual({
				...hidden,
				owner: 'r',
				classmate: 'r'
			});
		});

		it('a removed student loses what the class could see, but keeps their own maps', async () => {
			const { db, ids, classA, commentary } = await setUp();
			const teachersCommentary = await insertCommentary(db, ids.teacher, 'private');
			const sharedMap = await createTestMap(db, ids.teacher, teachersCommentary);
			await shareWithClass(db, classA, { kind: 'map', id: sharedMap }, ids.teacher, T0);
			const referenceMapId = await createTestMap(db, ids.teacher, commentary);
			const assignmentId = await createTestAssignment(db, ids.teacher, classA, commentary, {
				referenceMapId
			});
			await releaseReference(db, assignmentId, T0);
			const ownWork = (await startAssignment(db, assignmentId, ids.classmate, T0))!;
			expect(await mapAccess(db, ids.classmate, sharedMap)).toBeDefined();
			expect(await mapAccess(db, ids.classmate, referenceMapId)).toBeDefined();

			expect(await removeStudent(db, classA, ids.classmate)).toBe(true);
			expect(await mapAccess(db, ids.classmate, sharedMap)).toBeUndefined();
			expect(await getReadableMap(db, sharedMap, ids.classmate)).toBeUndefined();
			expect(await mapAccess(db, ids.classmate, referenceMapId)).toBeUndefined();
			expect(letters(await mapAccess(db, ids.classmate, ownWork))).toBe('recs');
			expect(await mapAccess(db, ids.owner, sharedMap)).toBeDefined();
		});

		it('answers undefined for a map that does not exist', async () => {
			const { db, ids } = await setUp();
			expect(await mapAccess(db, ids.owner, 'no-such-map')).toBeUndefined();
		});
	});

	describe('commentaries', () => {
		it('a private commentary: its owner only', async () => {
			const { db, ids, commentary } = await setUp();
			expect(await commentaryTable(db, ids, commentary)).toEqual({
				owner: 'reds',
				classmate: '',
				teacher: '',
				coTeacher: '',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			});
		});

		it('a commentary shared with a class: view-only for its members', async () => {
			const { db, ids, classA, commentary } = await setUp();
			await shareWithClass(db, classA, { kind: 'commentary', id: commentary }, ids.owner, T0);
			expect(await commentaryTable(db, ids, commentary)).toEqual({
				owner: 'reds',
				classmate: 'r',
				teacher: 'r',
				coTeacher: 'r',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			});
		});

		it("an assignment's commentary: readable by the class's members", async () => {
			const { db, ids, classA } = await setUp();
			const teachers = await insertCommentary(db, ids.teacher, 'private');
			await createTestAssignment(db, ids.teacher, classA, teachers);
			expect(await commentaryTable(db, ids, teachers)).toEqual({
				owner: 'r',
				classmate: 'r',
				teacher: 'reds',
				coTeacher: 'r',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			});
			await removeStudent(db, classA, ids.classmate);
			expect(await commentaryAccess(db, ids.classmate, teachers)).toBeUndefined();
		});

		it('a public commentary: everyone reads', async () => {
			const { db, ids } = await setUp();
			const commentary = await insertCommentary(db, ids.owner, 'public');
			expect(await commentaryTable(db, ids, commentary)).toEqual({
				owner: 'reds',
				classmate: 'r',
				teacher: 'r',
				coTeacher: 'r',
				otherTeacher: 'r',
				otherStudent: 'r',
				anonymous: 'r'
			});
		});
	});

	describe('classes and assignments', () => {
		it('members read a class, its teachers manage it, nobody else learns of it', async () => {
			const { db, ids, classA, commentary } = await setUp();
			const assignmentId = await createTestAssignment(db, ids.teacher, classA, commentary);
			const classTable = {} as Table;
			const assignmentTable = {} as Table;
			for (const actor of ACTORS) {
				classTable[actor] = letters(await classAccess(db, ids[actor], classA));
				assignmentTable[actor] = letters(await assignmentAccess(db, ids[actor], assignmentId));
			}
			const expected = {
				owner: 'r',
				classmate: 'r',
				teacher: 'recds',
				coTeacher: 'recds',
				otherTeacher: '',
				otherStudent: '',
				anonymous: ''
			};
			expect(classTable).toEqual(expected);
			expect(assignmentTable).toEqual(expected);
			expect(await assignmentAccess(db, ids.owner, assignmentId)).toMatchObject({
				classId: classA,
				role: 'student'
			});
		});
	});

	describe('requireAccess', () => {
		function statusOf(run: () => unknown): number | undefined {
			try {
				run();
			} catch (thrown) {
				if (isHttpError(thrown)) return thrown.status;
				throw thrown;
			}
			return undefined;
		}

		it('answers 404 when unreadable, 403 when readable but not allowed', async () => {
			const { db, ids, classA, commentary } = await setUp();
			const mapId = await createTestMap(db, ids.owner, commentary);
			await shareWithClass(db, classA, { kind: 'map', id: mapId }, ids.owner, T0);
			const stranger = await mapAccess(db, ids.otherStudent, mapId);
			const classmate = await mapAccess(db, ids.classmate, mapId);
			const owner = await mapAccess(db, ids.owner, mapId);
			expect(statusOf(() => requireAccess(stranger, 'read'))).toBe(404);
			expect(statusOf(() => requireAccess(stranger, 'edit'))).toBe(404);
			expect(statusOf(() => requireAccess(classmate, 'read'))).toBeUndefined();
			expect(statusOf(() => requireAccess(classmate, 'edit'))).toBe(403);
			expect(statusOf(() => requireAccess(owner, 'delete'))).toBeUndefined();
			expect(requireAccess(owner, 'edit')).toBe(owner);
		});
	});
});

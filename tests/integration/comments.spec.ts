import { describe, expect, it } from 'vitest';
import { startAssignment } from '$lib/server/assignments';
import { addComment, deleteComment, listComments } from '$lib/server/comments';
import { deleteMap } from '$lib/server/maps';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	MINUTE_MS,
	T0,
	useTestDatabase
} from './helpers';

describe('comments', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const teacher = await createTestUser(db, 'tina');
		const student = await createTestUser(db, 'sam');
		const { classId, joinCode } = await createTestClass(db, teacher);
		await joinTestClass(db, student, joinCode);
		const commentary = await insertCommentary(db, teacher, 'private');
		const assignmentId = await createTestAssignment(db, teacher, classId, commentary);
		const mapId = (await startAssignment(db, assignmentId, student, T0))!;
		return { db, teacher, student, commentary, mapId };
	}

	it('lists comments oldest first, with their targets and authors’ display names', async () => {
		const { db, teacher, student, mapId } = await setUp();
		const later = await addComment(
			db,
			mapId,
			student,
			{ kind: 'map', id: 'ignored for the whole map' },
			'I will add a second reason.',
			T0 + 2 * MINUTE_MS
		);
		const first = await addComment(
			db,
			mapId,
			teacher,
			{ kind: 'statement', id: 'claim' },
			'Is this really the main claim?',
			T0
		);
		const middle = await addComment(
			db,
			mapId,
			teacher,
			{ kind: 'relation', id: 'r1' },
			'Does this reason support it?',
			T0 + MINUTE_MS
		);
		expect(await listComments(db, mapId)).toEqual([
			{
				id: first,
				target: { kind: 'statement', id: 'claim' },
				body: 'Is this really the main claim?',
				authorId: teacher,
				authorName: 'tina Example',
				createdAt: T0
			},
			{
				id: middle,
				target: { kind: 'relation', id: 'r1' },
				body: 'Does this reason support it?',
				authorId: teacher,
				authorName: 'tina Example',
				createdAt: T0 + MINUTE_MS
			},
			{
				id: later,
				target: { kind: 'map', id: null },
				body: 'I will add a second reason.',
				authorId: student,
				authorName: 'sam Example',
				createdAt: T0 + 2 * MINUTE_MS
			}
		]);
	});

	it('lists only the comments of the map asked for', async () => {
		const { db, teacher, student, commentary, mapId } = await setUp();
		const otherMap = await createTestMap(db, student, commentary);
		await addComment(db, otherMap, student, { kind: 'map', id: null }, 'Elsewhere', T0);
		await addComment(db, mapId, teacher, { kind: 'map', id: null }, 'Here', T0);
		expect((await listComments(db, mapId)).map((comment) => comment.body)).toEqual(['Here']);
	});

	it('is deleted by its author only', async () => {
		const { db, teacher, student, mapId } = await setUp();
		const commentId = await addComment(db, mapId, teacher, { kind: 'map', id: null }, 'Good', T0);
		expect(await deleteComment(db, mapId, commentId, student)).toBe('not_author');
		expect(await listComments(db, mapId)).toHaveLength(1);
		expect(await deleteComment(db, 'another-map', commentId, teacher)).toBe('not_found');
		expect(await deleteComment(db, mapId, commentId, teacher)).toBe('deleted');
		expect(await listComments(db, mapId)).toEqual([]);
		expect(await deleteComment(db, mapId, commentId, teacher)).toBe('not_found');
	});

	it('goes with the map it is on', async () => {
		const { db, student, commentary } = await setUp();
		const ownMap = await createTestMap(db, student, commentary);
		await addComment(db, ownMap, student, { kind: 'map', id: null }, 'Note to self', T0);
		expect(await deleteMap(db, student, ownMap)).toBe(true);
		const left = await db.selectFrom('comments').selectAll().where('mapId', '=', ownMap).execute();
		expect(left).toEqual([]);
	});

	it('stays, without an author name, when its author deletes their account', async () => {
		const { db, mapId } = await setUp();
		const visitor = await createTestUser(db, 'vera');
		await addComment(db, mapId, visitor, { kind: 'map', id: null }, 'Well argued', T0);
		await db.deleteFrom('users').where('id', '=', visitor).execute();
		expect(await listComments(db, mapId)).toMatchObject([
			{ body: 'Well argued', authorId: null, authorName: '' }
		]);
	});
});

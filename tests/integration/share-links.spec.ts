import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAssignment } from '$lib/server/assignments';
import { initAppDatabase, type AppDatabase } from '$lib/server/db';
import { loadSharing, shareActions, shareTargetAccess } from '$lib/server/share-actions';
import { listClassesSharedWith, listShareLinks } from '$lib/server/sharing';
import { load as loadLinkPage } from '../../src/routes/links/[token]/+page.server';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	TEST_MAP,
	useTestDatabase
} from './helpers';

/**
 * The share actions and the /links page as the routes run them: they reach the database
 * through getDb(), so each test points the app's database at its fresh database.
 */
const testDatabase = useTestDatabase();
let db: AppDatabase;

beforeEach(async () => {
	db = await initAppDatabase(testDatabase().config);
});

afterEach(async () => {
	await db.destroy();
});

const ORIGIN = 'http://localhost:4173';
type ActionName = keyof ReturnType<typeof shareActions>;

/** A form post to `path?/action` by `userId`, shaped like the event SvelteKit passes. */
function post(path: string, userId: string, fields: Record<string, string> = {}) {
	const url = new URL(path, ORIGIN);
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	return {
		params: { id: path.split('/').at(-1)! },
		url,
		request: new Request(url, { method: 'POST', body }),
		locals: {
			user: { id: userId, username: userId, displayName: userId },
			session: { id: 'session', userId, expiresAt: new Date(Date.now() + 60_000) }
		}
	} as unknown as Parameters<ReturnType<typeof shareActions>[ActionName]>[0];
}

async function run(
	kind: 'map' | 'commentary',
	action: ActionName,
	path: string,
	userId: string,
	fields: Record<string, string> = {}
) {
	return shareActions(kind)[action](post(path, userId, fields));
}

async function statusOf(result: Promise<unknown>): Promise<number> {
	try {
		const value = await result;
		return isActionFailure(value) ? value.status : 200;
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown.status;
		throw thrown;
	}
}

/** What the /links page answers for a URL: its data, or the HTTP status it refuses with. */
async function openLink(url: string) {
	const headers: Record<string, string> = {};
	const token = new URL(url).pathname.split('/').at(-1)!;
	const event = {
		params: { token },
		setHeaders: (set: Record<string, string>) => Object.assign(headers, set)
	} as unknown as Parameters<typeof loadLinkPage>[0];
	try {
		return { status: 200, data: await loadLinkPage(event), headers };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, data: undefined, headers };
		throw thrown;
	}
}

async function createLink(kind: 'map' | 'commentary', path: string, ownerId: string) {
	const result = await run(kind, 'createShareLink', path, ownerId);
	if (!('share' in result) || !result.share.linkUrl) throw new Error('No link was created');
	return result.share.linkUrl;
}

describe('read-only links to a map', () => {
	it('open the map without an account until the owner revokes the link', async () => {
		const owner = await createTestUser(db, 'owner');
		const commentaryId = await insertCommentary(db, owner, 'private', 'Ceasefire');
		const mapId = await createTestMap(db, owner, commentaryId, {
			title: 'My map',
			map: TEST_MAP
		});

		const url = await createLink('map', `/maps/${mapId}`, owner);
		expect(url).toMatch(/^http:\/\/localhost:4173\/links\/[a-z2-7]{32}$/);
		const opened = await openLink(url);
		expect(opened.status).toBe(200);
		expect(opened.data).toMatchObject({
			kind: 'map',
			title: 'My map',
			map: TEST_MAP,
			commentary: { title: 'Ceasefire', author: 'Jane Author' }
		});
		// Nothing that identifies the objects or their owner leaves through the link.
		expect(JSON.stringify(opened.data)).not.toContain(owner);
		expect(JSON.stringify(opened.data)).not.toContain(mapId);
		expect(opened.headers).toMatchObject({ 'Referrer-Policy': 'no-referrer' });

		const [link] = await listShareLinks(db, owner, { kind: 'map', id: mapId });
		const revoked = await run('map', 'revokeShareLink', `/maps/${mapId}`, owner, {
			linkId: link!.id
		});
		expect(revoked).toEqual({ share: { done: 'revoked' } });
		expect((await openLink(url)).status).toBe(404);
		// Revoking twice is a clear error, not a silent success.
		expect(
			await statusOf(run('map', 'revokeShareLink', `/maps/${mapId}`, owner, { linkId: link!.id }))
		).toBe(400);
	});

	it('a made-up token opens nothing', async () => {
		expect((await openLink(`${ORIGIN}/links/${'a'.repeat(32)}`)).status).toBe(404);
	});

	it('only the owner makes or revokes links: 404 for strangers, 403 for class readers', async () => {
		const owner = await createTestUser(db, 'owner');
		const stranger = await createTestUser(db, 'stranger');
		const classmate = await createTestUser(db, 'classmate');
		const { classId, joinCode } = await createTestClass(db, owner);
		await joinTestClass(db, classmate, joinCode);
		const commentaryId = await insertCommentary(db, owner, 'private');
		const mapId = await createTestMap(db, owner, commentaryId);
		await run('map', 'shareWithClass', `/maps/${mapId}`, owner, { classId });
		const url = await createLink('map', `/maps/${mapId}`, owner);
		const [link] = await listShareLinks(db, owner, { kind: 'map', id: mapId });

		for (const action of ['createShareLink', 'revokeShareLink'] as const) {
			const fields = { linkId: link!.id };
			expect(await statusOf(run('map', action, `/maps/${mapId}`, stranger, fields))).toBe(404);
			expect(await statusOf(run('map', action, `/maps/${mapId}`, classmate, fields))).toBe(403);
		}
		expect((await openLink(url)).status).toBe(200);
		expect(await listShareLinks(db, owner, { kind: 'map', id: mapId })).toHaveLength(1);
	});
});

describe('sharing with a class', () => {
	it('the owner shares with a class they teach, not with one they attend', async () => {
		const owner = await createTestUser(db, 'owner');
		const otherTeacher = await createTestUser(db, 'other');
		const taught = await createTestClass(db, owner, 'Taught');
		const attended = await createTestClass(db, otherTeacher, 'Attended');
		await joinTestClass(db, owner, attended.joinCode);
		const commentaryId = await insertCommentary(db, owner, 'private');
		const path = `/commentaries/${commentaryId}`;
		const target = { kind: 'commentary' as const, id: commentaryId };

		expect(
			await run('commentary', 'shareWithClass', path, owner, { classId: taught.classId })
		).toEqual({ share: { done: 'shared' } });
		expect(
			await statusOf(
				run('commentary', 'shareWithClass', path, owner, { classId: attended.classId })
			)
		).toBe(403);
		expect(await statusOf(run('commentary', 'shareWithClass', path, owner, { classId: '' }))).toBe(
			400
		);
		expect(await listClassesSharedWith(db, target)).toEqual([
			{ id: taught.classId, name: 'Taught' }
		]);

		const sharing = await loadSharing(
			db,
			{ id: owner },
			target,
			await shareTargetAccess(db, owner, target)
		);
		expect(sharing).toMatchObject({
			shareableClasses: [],
			teachesNoClass: false,
			sharedWith: [{ id: taught.classId, name: 'Taught' }],
			links: []
		});

		await run('commentary', 'unshareFromClass', path, owner, { classId: taught.classId });
		expect(await listClassesSharedWith(db, target)).toEqual([]);
	});

	it("a teacher shares a student's assignment map with that class only, and makes no links", async () => {
		const teacher = await createTestUser(db, 'teacher');
		const student = await createTestUser(db, 'student');
		const { classId, joinCode } = await createTestClass(db, teacher, 'Class 10b');
		const { classId: otherClassId } = await createTestClass(db, teacher, 'Class 11a');
		await joinTestClass(db, student, joinCode);
		const commentaryId = await insertCommentary(db, teacher, 'private');
		const assignmentId = await createTestAssignment(db, teacher, classId, commentaryId);
		const mapId = (await startAssignment(db, assignmentId, student))!;
		const path = `/maps/${mapId}`;

		expect(
			await loadSharing(
				db,
				{ id: teacher },
				{ kind: 'map', id: mapId },
				await shareTargetAccess(db, teacher, { kind: 'map', id: mapId })
			)
		).toMatchObject({
			shareableClasses: [{ id: classId, name: 'Class 10b' }],
			links: null
		});
		expect(
			await statusOf(run('map', 'shareWithClass', path, teacher, { classId: otherClassId }))
		).toBe(403);
		expect(await statusOf(run('map', 'createShareLink', path, teacher))).toBe(403);
		expect(await run('map', 'shareWithClass', path, teacher, { classId })).toEqual({
			share: { done: 'shared' }
		});
		expect(await listClassesSharedWith(db, { kind: 'map', id: mapId })).toEqual([
			{ id: classId, name: 'Class 10b' }
		]);
	});

	it('readers who may not share get no sharing panel', async () => {
		const owner = await createTestUser(db, 'owner');
		const student = await createTestUser(db, 'student');
		const { classId, joinCode } = await createTestClass(db, owner);
		await joinTestClass(db, student, joinCode);
		const commentaryId = await insertCommentary(db, owner, 'private');
		await run('commentary', 'shareWithClass', `/commentaries/${commentaryId}`, owner, { classId });

		const target = { kind: 'commentary' as const, id: commentaryId };
		expect(
			await loadSharing(db, { id: student }, target, await shareTargetAccess(db, student, target))
		).toBeNull();
		expect(
			await loadSharing(db, { id: owner }, target, await shareTargetAccess(db, owner, target))
		).not.toBeNull();
	});
});

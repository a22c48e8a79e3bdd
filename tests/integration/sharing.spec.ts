import { describe, expect, it } from 'vitest';
import { commentaryAccess, mapAccess } from '$lib/server/access';
import {
	createShareLink,
	listClassesSharedWith,
	listClassShares,
	listShareLinks,
	resolveShareLink,
	revokeShareLink,
	shareTokenHash,
	shareWithClass,
	unshareFromClass,
	type ShareTarget
} from '$lib/server/sharing';
import {
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	MINUTE_MS,
	T0,
	useTestDatabase
} from './helpers';

describe('sharing', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const owner = await createTestUser(db, 'tina');
		const other = await createTestUser(db, 'otto');
		const commentaryId = await insertCommentary(db, owner, 'private', 'Ceasefire');
		const mapId = await createTestMap(db, owner, commentaryId, { title: 'My ceasefire map' });
		const map: ShareTarget = { kind: 'map', id: mapId };
		const commentary: ShareTarget = { kind: 'commentary', id: commentaryId };
		return { db, owner, other, commentaryId, mapId, map, commentary };
	}

	describe('read-only links', () => {
		it('carry at least 128 random bits and are stored only as a hash', async () => {
			const { db, owner, map } = await setUp();
			const token = await createShareLink(db, owner, map, T0);
			expect(token).toMatch(/^[a-z2-7]{26,}$/);
			expect(await createShareLink(db, owner, map, T0)).not.toBe(token);
			const rows = await db.selectFrom('shareLinks').selectAll().execute();
			expect(rows).toHaveLength(2);
			const row = rows.find((candidate) => candidate.tokenHash === shareTokenHash(token))!;
			expect(row).toBeDefined();
			expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
			for (const value of Object.values(row)) {
				expect(String(value)).not.toContain(token);
			}
		});

		it('open what they were made for, until they are revoked', async () => {
			const { db, owner, map, commentary } = await setUp();
			const mapToken = await createShareLink(db, owner, map, T0);
			const commentaryToken = await createShareLink(db, owner, commentary, T0);
			expect(await resolveShareLink(db, mapToken)).toEqual(map);
			expect(await resolveShareLink(db, commentaryToken)).toEqual(commentary);
			expect(await resolveShareLink(db, mapToken.toUpperCase())).toBeUndefined();
			expect(await resolveShareLink(db, 'a'.repeat(32))).toBeUndefined();

			const [link] = await listShareLinks(db, owner, map);
			expect(await revokeShareLink(db, owner, link!.id, T0 + MINUTE_MS)).toBe(true);
			expect(await resolveShareLink(db, mapToken)).toBeUndefined();
			expect(await resolveShareLink(db, commentaryToken)).toEqual(commentary);
			expect(await revokeShareLink(db, owner, link!.id, T0 + MINUTE_MS)).toBe(false);
		});

		it('can be revoked by their owner only', async () => {
			const { db, owner, other, map } = await setUp();
			const token = await createShareLink(db, owner, map, T0);
			const [link] = await listShareLinks(db, owner, map);
			expect(await revokeShareLink(db, other, link!.id, T0)).toBe(false);
			expect(await resolveShareLink(db, token)).toEqual(map);
		});

		it('are listed for their owner and object, newest first, without the revoked ones', async () => {
			const { db, owner, other, map, commentary } = await setUp();
			await createShareLink(db, owner, map, T0);
			await createShareLink(db, owner, map, T0 + MINUTE_MS);
			await createShareLink(db, owner, map, T0 + 2 * MINUTE_MS);
			await createShareLink(db, owner, commentary, T0);
			const links = await listShareLinks(db, owner, map);
			expect(links.map((link) => link.createdAt)).toEqual([T0 + 2 * MINUTE_MS, T0 + MINUTE_MS, T0]);
			expect(Object.keys(links[0]!).sort()).toEqual(['createdAt', 'id']);
			await revokeShareLink(db, owner, links[1]!.id, T0);
			expect((await listShareLinks(db, owner, map)).map((link) => link.id)).toEqual([
				links[0]!.id,
				links[2]!.id
			]);
			expect(await listShareLinks(db, other, map)).toEqual([]);
			expect(await listShareLinks(db, owner, commentary)).toHaveLength(1);
		});

		it('stop working when the object is deleted', async () => {
			const { db, owner, map, mapId } = await setUp();
			const token = await createShareLink(db, owner, map, T0);
			await db.deleteFrom('maps').where('id', '=', mapId).execute();
			expect(await resolveShareLink(db, token)).toBeUndefined();
		});
	});

	describe('with a class', () => {
		async function withClass() {
			const context = await setUp();
			const { db, owner } = context;
			const student = await createTestUser(db, 'sam');
			const { classId, joinCode } = await createTestClass(db, owner, 'Class 10b');
			await joinTestClass(db, student, joinCode);
			return { ...context, student, classId };
		}

		it('is harmless to do twice', async () => {
			const { db, owner, classId, map, commentary } = await withClass();
			await shareWithClass(db, classId, map, owner, T0);
			await shareWithClass(db, classId, map, owner, T0 + MINUTE_MS);
			await shareWithClass(db, classId, commentary, owner, T0);
			await shareWithClass(db, classId, commentary, owner, T0 + MINUTE_MS);
			const rows = await db.selectFrom('classShares').selectAll().execute();
			expect(rows).toHaveLength(2);
			expect(await listClassShares(db, classId)).toHaveLength(2);
		});

		it('lets the class read until it is unshared', async () => {
			const { db, owner, student, classId, map, mapId, commentary, commentaryId } =
				await withClass();
			await shareWithClass(db, classId, map, owner, T0);
			await shareWithClass(db, classId, commentary, owner, T0);
			expect(await mapAccess(db, student, mapId)).toBeDefined();
			expect(await commentaryAccess(db, student, commentaryId)).toBeDefined();

			await unshareFromClass(db, classId, map);
			expect(await mapAccess(db, student, mapId)).toBeUndefined();
			expect(await commentaryAccess(db, student, commentaryId)).toBeDefined();
			await unshareFromClass(db, classId, commentary);
			expect(await commentaryAccess(db, student, commentaryId)).toBeUndefined();
			expect(await listClassShares(db, classId)).toEqual([]);
		});

		it('lists what a class sees with titles, newest first', async () => {
			const { db, owner, classId, map, mapId, commentary, commentaryId } = await withClass();
			await shareWithClass(db, classId, commentary, owner, T0);
			await shareWithClass(db, classId, map, owner, T0 + MINUTE_MS);
			expect(await listClassShares(db, classId)).toEqual([
				{
					kind: 'map',
					id: mapId,
					title: 'My ceasefire map',
					commentaryTitle: 'Ceasefire',
					sharedAt: T0 + MINUTE_MS
				},
				{
					kind: 'commentary',
					id: commentaryId,
					title: 'Ceasefire',
					commentaryTitle: null,
					sharedAt: T0
				}
			]);
		});

		it('lists the classes an object is shared with', async () => {
			const { db, owner, classId, map, commentary } = await withClass();
			const second = await createTestClass(db, owner, 'Another class');
			await shareWithClass(db, classId, map, owner, T0);
			await shareWithClass(db, second.classId, map, owner, T0);
			expect(await listClassesSharedWith(db, map)).toEqual([
				{ id: second.classId, name: 'Another class' },
				{ id: classId, name: 'Class 10b' }
			]);
			expect(await listClassesSharedWith(db, commentary)).toEqual([]);
		});
	});
});

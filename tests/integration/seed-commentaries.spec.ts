import { describe, expect, it } from 'vitest';
import { getExampleCommentary, getReadableCommentary } from '$lib/server/commentaries';
import { EXAMPLE_COMMENTARY_SEED_KEY, seedExampleContent } from '$lib/server/seed';
import { createTestUser, insertCommentary, T0, useTestDatabase } from './helpers';

describe('seedExampleContent', () => {
	const testDb = useTestDatabase();

	it('leaves exactly one public example commentary, however often it runs', async () => {
		const { db } = testDb();
		await seedExampleContent(db, T0);
		await seedExampleContent(db, T0 + 1000);
		await seedExampleContent(db);

		const rows = await db.selectFrom('commentaries').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			seedKey: EXAMPLE_COMMENTARY_SEED_KEY,
			visibility: 'public',
			ownerId: null,
			language: 'de',
			createdAt: T0
		});
		expect(rows[0]?.body.length).toBeGreaterThan(500);
		expect(rows[0]?.body).toBe(rows[0]?.body.trim());
		expect((await getExampleCommentary(db))?.id).toBe(rows[0]?.id);
	});

	it('is idempotent across app servers sharing the database', async () => {
		const { db, open } = testDb();
		const second = open();
		try {
			await Promise.all([seedExampleContent(db, T0), seedExampleContent(second, T0)]);
		} finally {
			await second.destroy();
		}
		const rows = await db.selectFrom('commentaries').select('id').execute();
		expect(rows).toHaveLength(1);
	});
});

describe('getReadableCommentary', () => {
	const testDb = useTestDatabase();

	it('shows the public example to everyone, including anonymous readers', async () => {
		const { db } = testDb();
		await seedExampleContent(db, T0);
		const anna = await createTestUser(db, 'anna');
		const example = await getExampleCommentary(db);
		if (!example) throw new Error('no example commentary');

		expect(await getReadableCommentary(db, example.id, null)).toEqual(example);
		expect((await getReadableCommentary(db, example.id, anna))?.id).toBe(example.id);
	});

	it('shows a private commentary only to its owner', async () => {
		const { db } = testDb();
		const owner = await createTestUser(db, 'anna');
		const stranger = await createTestUser(db, 'bernd');
		const id = await insertCommentary(db, owner, 'private', 'Anna private');

		expect(await getReadableCommentary(db, id, owner)).toMatchObject({
			id,
			ownerId: owner,
			title: 'Anna private',
			visibility: 'private'
		});
		expect(await getReadableCommentary(db, id, stranger)).toBeUndefined();
		expect(await getReadableCommentary(db, id, null)).toBeUndefined();
		// An empty id is not "anonymous" by accident, nor does it match an unowned row.
		expect(await getReadableCommentary(db, id, '')).toBeUndefined();
	});

	it("shows another user's public commentary to everyone", async () => {
		const { db } = testDb();
		const owner = await createTestUser(db, 'anna');
		const stranger = await createTestUser(db, 'bernd');
		const id = await insertCommentary(db, owner, 'public', 'Anna public');
		expect((await getReadableCommentary(db, id, stranger))?.title).toBe('Anna public');
		expect((await getReadableCommentary(db, id, null))?.title).toBe('Anna public');
	});

	it('returns undefined for an unknown id', async () => {
		const { db } = testDb();
		expect(await getReadableCommentary(db, 'nosuchcommentary', null)).toBeUndefined();
	});
});

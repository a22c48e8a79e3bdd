import { describe, expect, it } from 'vitest';
import type { CrossLink } from '$lib/compare/cross-links';
import { comparisonAccess } from '$lib/server/access';
import { comparisonFieldsFrom, comparisonSides, readableSides } from '$lib/server/compare-page';
import {
	createComparison,
	deleteComparison,
	getComparison,
	listPickableMaps,
	listReadableComparisons,
	updateComparison
} from '$lib/server/comparisons';
import { deleteMap } from '$lib/server/maps';
import { loadSharing } from '$lib/server/share-actions';
import {
	listClassShares,
	unshareFromClass,
	resolveShareLink,
	createShareLink,
	shareWithClass
} from '$lib/server/sharing';
import { exportUserData } from '$lib/server/users';
import { startAssignment } from '$lib/server/assignments';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	T0,
	TEST_MAP,
	useTestDatabase
} from './helpers';

const SAME_CLAIM: CrossLink = {
	aId: 'claim',
	bId: 'claim',
	kind: 'same_claim',
	direction: 'a_to_b'
};
const CONTRADICTS: CrossLink = {
	aId: 'reason',
	bId: 'claim',
	kind: 'contradicts',
	direction: 'a_to_b'
};

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

describe('comparisons', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const owner = await createTestUser(db, 'tina');
		const stranger = await createTestUser(db, 'otto');
		const commentaryId = await insertCommentary(db, owner, 'private', 'Ceasefire');
		const mapA = await createTestMap(db, owner, commentaryId, { title: 'Map A', map: TEST_MAP });
		const mapB = await createTestMap(db, owner, commentaryId, { title: 'Map B', map: TEST_MAP });
		return { db, owner, stranger, commentaryId, mapA, mapB };
	}

	it('saves title, note and numbered links, and replaces them on update', async () => {
		const { db, owner, mapA, mapB } = await setUp();
		const id = await createComparison(
			db,
			owner,
			{ mapIdA: mapA, mapIdB: mapB },
			{ title: 'A vs B', note: 'First look', links: [SAME_CLAIM, CONTRADICTS] },
			T0
		);
		const saved = await getComparison(db, id);
		expect(saved).toMatchObject({
			title: 'A vs B',
			note: 'First look',
			mapIdA: mapA,
			mapIdB: mapB
		});
		expect(saved?.links).toEqual([SAME_CLAIM, CONTRADICTS]);

		expect(
			await updateComparison(db, owner, id, { title: 'Renamed', note: '', links: [CONTRADICTS] })
		).toBe(true);
		const updated = await getComparison(db, id);
		expect(updated?.title).toBe('Renamed');
		expect(updated?.links).toEqual([CONTRADICTS]);
	});

	it('lets only the owner change or delete it', async () => {
		const { db, owner, stranger, mapA, mapB } = await setUp();
		const fields = { title: 'Mine', note: '', links: [SAME_CLAIM] };
		const id = await createComparison(db, owner, { mapIdA: mapA, mapIdB: mapB }, fields, T0);
		expect(await updateComparison(db, stranger, id, { ...fields, title: 'Stolen' })).toBe(false);
		expect(await deleteComparison(db, stranger, id)).toBe(false);
		expect((await getComparison(db, id))?.title).toBe('Mine');
		expect(await deleteComparison(db, owner, id)).toBe(true);
		expect(await getComparison(db, id)).toBeUndefined();
		expect(await db.selectFrom('comparisonLinks').selectAll().execute()).toEqual([]);
	});

	it('is readable by its owner only while they may read both maps, and by nobody else', async () => {
		const { db, owner, stranger, commentaryId, mapA } = await setUp();
		const strangersPublic = await createTestMap(db, stranger, commentaryId, {
			visibility: 'public',
			map: TEST_MAP
		});
		const id = await createComparison(
			db,
			owner,
			{ mapIdA: mapA, mapIdB: strangersPublic },
			{ title: 'Mine vs public', note: '', links: [] },
			T0
		);
		expect(await comparisonAccess(db, owner, id)).toMatchObject({
			read: true,
			edit: true,
			share: true
		});
		expect(await comparisonAccess(db, stranger, id)).toBeUndefined();
		expect(await comparisonAccess(db, null, id)).toBeUndefined();

		await db
			.updateTable('maps')
			.set({ visibility: 'private' })
			.where('id', '=', strangersPublic)
			.execute();
		expect(await comparisonAccess(db, owner, id)).toBeUndefined();
		expect(await listReadableComparisons(db, owner)).toEqual([]);
	});

	it('goes when either map is deleted', async () => {
		const { db, owner, mapA, mapB } = await setUp();
		const id = await createComparison(
			db,
			owner,
			{ mapIdA: mapA, mapIdB: mapB },
			{ title: 'Short-lived', note: '', links: [SAME_CLAIM] },
			T0
		);
		expect(await deleteMap(db, owner, mapB)).toBe(true);
		expect(await getComparison(db, id)).toBeUndefined();
	});

	describe('shared with a class', () => {
		it('is readable by its members, read-only, and listed among the class shares', async () => {
			const { db, owner, stranger, mapA, mapB } = await setUp();
			const { classId, joinCode } = await createTestClass(db, owner);
			const student = await createTestUser(db, 'sara');
			await joinTestClass(db, student, joinCode);
			const id = await createComparison(
				db,
				owner,
				{ mapIdA: mapA, mapIdB: mapB },
				{ title: 'For the class', note: '', links: [SAME_CLAIM] },
				T0
			);
			await shareWithClass(db, classId, { kind: 'comparison', id }, owner, T0);

			expect(await comparisonAccess(db, student, id)).toMatchObject({
				read: true,
				edit: false,
				delete: false,
				share: false
			});
			expect(await comparisonAccess(db, stranger, id)).toBeUndefined();
			expect(await listClassShares(db, classId)).toEqual([
				expect.objectContaining({ kind: 'comparison', id, title: 'For the class' })
			]);
			const listed = await listReadableComparisons(db, student);
			expect(listed.map((item) => [item.title, item.mine])).toEqual([['For the class', false]]);

			// The comparison shows the maps to the class, without opening the maps' own pages.
			const shown = await comparisonSides(db, student, { mapIdA: mapA, mapIdB: mapB });
			expect(shown.a.openable).toBe(false);
			expect(shown.a.map.statements).toHaveLength(2);
			await expect(readableSides(db, student, mapA, mapB)).rejects.toMatchObject({ status: 404 });

			await unshareFromClass(db, classId, { kind: 'comparison', id });
			expect(await comparisonAccess(db, student, id)).toBeUndefined();
			expect(await listClassShares(db, classId)).toEqual([]);
		});

		it('is offered only where the owner could show both maps', async () => {
			const { db, owner, commentaryId } = await setUp();
			const { classId, joinCode } = await createTestClass(db, owner, 'Class 10b');
			const { classId: otherClassId } = await createTestClass(db, owner, 'Class 9a');
			const student = await createTestUser(db, 'sara');
			await joinTestClass(db, student, joinCode);
			const assignmentId = await createTestAssignment(db, owner, classId, commentaryId);
			const studentMap = await startAssignment(db, assignmentId, student, T0);
			if (!studentMap) throw new Error('could not start the assignment');
			const reference = await createTestMap(db, owner, commentaryId, { map: TEST_MAP });
			const id = await createComparison(
				db,
				owner,
				{ mapIdA: studentMap, mapIdB: reference },
				{ title: 'Student vs reference', note: '', links: [] },
				T0
			);
			const access = await comparisonAccess(db, owner, id);
			const sharing = await loadSharing(db, { id: owner }, { kind: 'comparison', id }, access);
			expect(sharing?.shareableClasses.map((c) => c.id)).toEqual([classId]);
			expect(sharing?.shareableClasses.map((c) => c.id)).not.toContain(otherClassId);
			// A student's map is not the teacher's to publish by link.
			expect(sharing?.links).toBeNull();
			expect(sharing?.limitedByMaps).toBe(true);
		});
	});

	it('opens through a read-only link', async () => {
		const { db, owner, mapA, mapB } = await setUp();
		const id = await createComparison(
			db,
			owner,
			{ mapIdA: mapA, mapIdB: mapB },
			{ title: 'Linked', note: '', links: [] },
			T0
		);
		const token = await createShareLink(db, owner, { kind: 'comparison', id }, T0);
		expect(await resolveShareLink(db, token)).toEqual({ kind: 'comparison', id });
	});

	it('offers the maps a reader may read for picking, their own marked', async () => {
		const { db, owner, stranger, commentaryId, mapA, mapB } = await setUp();
		const publicMap = await createTestMap(db, stranger, commentaryId, {
			title: 'Public one',
			visibility: 'public'
		});
		await createTestMap(db, stranger, commentaryId, { title: 'Private one' });
		const picked = await listPickableMaps(db, owner);
		expect(picked.map((map) => map.id).sort()).toEqual([mapA, mapB, publicMap].sort());
		expect(picked.find((map) => map.id === publicMap)?.mine).toBe(false);
		expect((await listPickableMaps(db, null)).map((map) => map.id)).toEqual([publicMap]);
	});

	it('appears in its owner’s data export with its links', async () => {
		const { db, owner, mapA, mapB } = await setUp();
		await createComparison(
			db,
			owner,
			{ mapIdA: mapA, mapIdB: mapB },
			{ title: 'Exported', note: 'n', links: [SAME_CLAIM] },
			T0
		);
		const exported = await exportUserData(db, owner, T0);
		expect(exported?.comparisons).toEqual([
			expect.objectContaining({
				title: 'Exported',
				links: [
					{ statementIdA: 'claim', statementIdB: 'claim', kind: 'same_claim', direction: 'a_to_b' }
				]
			})
		]);
	});

	describe('save form', () => {
		it('accepts a title, a note and links between statements of the two maps', () => {
			const checked = comparisonFieldsFrom(
				form({
					title: '  „Waffenruhe“ – zwei Sichten ',
					note: 'ok',
					links: JSON.stringify([SAME_CLAIM])
				}),
				TEST_MAP,
				TEST_MAP
			);
			expect(checked).toEqual({
				ok: true,
				fields: { title: '„Waffenruhe“ – zwei Sichten', note: 'ok', links: [SAME_CLAIM] }
			});
		});

		it.each([
			[{ title: '   ' }, 'comparison_title_missing'],
			[{ title: 'x'.repeat(201) }, 'comparison_title_too_long'],
			[{ title: 't', note: 'n'.repeat(5001) }, 'comparison_note_too_long'],
			[{ title: 't', links: '[{' }, 'comparison_links_invalid'],
			[{ title: 't', links: '{"aId":"claim"}' }, 'comparison_links_invalid'],
			[
				{ title: 't', links: JSON.stringify([{ ...SAME_CLAIM, aId: 'nowhere' }]) },
				'comparison_links_invalid'
			],
			[{ title: 't', links: JSON.stringify([SAME_CLAIM, SAME_CLAIM]) }, 'comparison_links_invalid'],
			[
				{ title: 't', links: JSON.stringify(Array.from({ length: 1001 }, () => SAME_CLAIM)) },
				'comparison_links_too_many'
			]
		])('refuses %j with %s', (fields, error) => {
			expect(comparisonFieldsFrom(form(fields), TEST_MAP, TEST_MAP)).toEqual({ ok: false, error });
		});
	});
});

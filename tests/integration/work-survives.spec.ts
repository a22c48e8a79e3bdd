import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startAssignment } from '$lib/server/assignments';
import { deleteCommentary, getReadableCommentary } from '$lib/server/commentaries';
import { getReadableMap } from '$lib/server/maps';
import type { AppDatabase } from '$lib/server/db';
import { testPostgresUrl, type TestDatabase } from '$lib/server/db/test-database';
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

/**
 * Another user's map of `commentaryId`, inserted on a connection of its own (as createMap does it,
 * without the write lock) and committed only once `whileUncommitted` has run.
 */
async function mapCommittedDuring<T>(
	database: TestDatabase,
	userId: string,
	commentaryId: string,
	whileUncommitted: () => Promise<T>
): Promise<{ mapId: string; result: T }> {
	const other = database.open();
	try {
		return await other.connection().execute(async (connection) => {
			await sql`begin`.execute(connection);
			const mapId = await createTestMap(connection, userId, commentaryId);
			const result = await whileUncommitted();
			await sql`commit`.execute(connection);
			return { mapId, result };
		});
	} finally {
		await other.destroy();
	}
}

/**
 * Starts `operation`, and resolves once PostgreSQL has it waiting for a lock; the outcome is
 * wrapped, since awaiting a promise of a promise would wait for the operation itself.
 */
async function startBlocked<T>(
	db: AppDatabase,
	operation: () => Promise<T>
): Promise<{ outcome: Promise<T> }> {
	const running = operation();
	// Awaited by the caller; a failure before then must not count as unhandled.
	running.catch(() => undefined);
	for (let attempt = 0; attempt < 100; attempt++) {
		const { rows } = await sql<{ waiting: number }>`
			select count(*) as waiting from pg_stat_activity
			where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
		if (Number(rows[0]?.waiting) > 0) {
			return { outcome: running };
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('The operation never waited for a lock');
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

	// On SQLite writes run one at a time, so nothing can commit in between.
	it.skipIf(!testPostgresUrl())(
		'on PostgreSQL, refuses to delete a commentary someone mapped while the delete waited',
		async () => {
			const { db } = database();
			const teacher = await createTestUser(db, 'teacher');
			const student = await createTestUser(db, 'student');
			const commentary = await insertCommentary(db, teacher, 'public');
			const { mapId, result } = await mapCommittedDuring(database(), student, commentary, () =>
				startBlocked(db, () => deleteCommentary(db, teacher, commentary))
			);
			expect(await result.outcome).toEqual({ ok: false, code: 'commentary_in_use' });
			expect(await getReadableMap(db, mapId, student)).toBeDefined();
		}
	);

	it.skipIf(!testPostgresUrl())(
		'on PostgreSQL, keeps a map made while the owner’s account deletion waited',
		async () => {
			const { db } = database();
			const teacher = await createTestUser(db, 'teacher');
			const student = await createTestUser(db, 'student');
			const commentary = await insertCommentary(db, teacher, 'public');
			const { mapId, result } = await mapCommittedDuring(database(), student, commentary, () =>
				startBlocked(db, () => deleteAccount(db, teacher, PASSWORD))
			);
			expect(await result.outcome).toEqual({ ok: true, value: null });
			const map = await getReadableMap(db, mapId, student);
			expect(map?.commentary.id).toBe(commentary);
		}
	);

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

import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { createAssignment, type NewAssignment } from '$lib/server/assignments';
import { createClass, joinClass } from '$lib/server/classes';
import type { AppDatabase } from '$lib/server/db';
import type { CommentaryVisibility, MapVisibility } from '$lib/server/db/schema';
import { openTestDatabase, testPostgresUrl, type TestDatabase } from '$lib/server/db/test-database';
import { randomId } from '$lib/server/id';
import { createMap } from '$lib/server/maps';
import { createUser } from '$lib/server/users';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
/** A fixed clock, so expiry and throttle windows do not depend on when the suite runs. */
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

export const PASSWORD = 'Sommer im Park 2024!';

/** The body of every commentary made by insertCommentary. */
export const COMMENTARY_BODY =
	'The ceasefire will not hold, because neither side trusts the other.';

/**
 * A fresh migrated database for every test: a new SQLite file each time, or, when
 * ARGUMAP_TEST_POSTGRES_URL is set, one PostgreSQL database per test file (making one takes
 * 0.3 s) emptied before each test (src/lib/server/db/test-database.ts).
 */
export function useTestDatabase(): () => TestDatabase {
	let current: TestDatabase | undefined;
	if (testPostgresUrl()) {
		let shared: TestDatabase | undefined;
		beforeAll(async () => {
			shared = await openTestDatabase();
		});
		beforeEach(async () => {
			await shared?.reset();
			current = shared;
		});
		afterEach(() => {
			current = undefined;
		});
		afterAll(async () => {
			await shared?.close();
		});
	} else {
		beforeEach(async () => {
			current = await openTestDatabase();
		});
		afterEach(async () => {
			await current?.close();
			current = undefined;
		});
	}
	return () => {
		if (!current) throw new Error('The test database is only open inside a test');
		return current;
	};
}

/** Creates a user through the real sign-up code and returns its id. */
export async function createTestUser(
	db: AppDatabase,
	username: string,
	password = PASSWORD,
	email = ''
): Promise<string> {
	const result = await createUser(
		db,
		{ username, displayName: `${username} Example`, email, password },
		T0
	);
	if (!result.ok) throw new Error(`createUser(${username}) failed: ${result.code}`);
	return result.value.id;
}

export async function insertCommentary(
	db: AppDatabase,
	ownerId: string | null,
	visibility: CommentaryVisibility,
	title = 'A commentary'
): Promise<string> {
	const id = randomId();
	await db
		.insertInto('commentaries')
		.values({
			id,
			ownerId,
			title,
			author: 'Jane Author',
			outlet: 'Example Times',
			publishedOn: null,
			sourceUrl: null,
			language: 'en',
			body: COMMENTARY_BODY,
			visibility,
			seedKey: null,
			createdAt: T0,
			updatedAt: T0
		})
		.execute();
	return id;
}

export async function countRows(
	db: AppDatabase,
	table: 'users' | 'sessions' | 'commentaries' | 'throttles'
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** A map owned by `ownerId` through the real data layer; returns its id. */
export async function createTestMap(
	db: AppDatabase,
	ownerId: string | null,
	commentaryId: string,
	options: { title?: string; map?: ArgumentMap; visibility?: MapVisibility } = {}
): Promise<string> {
	return createMap(
		db,
		{
			ownerId,
			commentaryId,
			title: options.title ?? 'A map',
			map: options.map,
			visibility: options.visibility
		},
		T0
	);
}

/** A class taught by `teacherId`, with its join code. */
export async function createTestClass(
	db: AppDatabase,
	teacherId: string,
	name = 'Class 10b'
): Promise<{ classId: string; joinCode: string }> {
	const classId = await createClass(db, teacherId, name, T0);
	const row = await db
		.selectFrom('classes')
		.select('joinCode')
		.where('id', '=', classId)
		.executeTakeFirstOrThrow();
	return { classId, joinCode: row.joinCode };
}

/** Joins `userId` to a class by its code; a success gives its throttle attempt back. */
export async function joinTestClass(
	db: AppDatabase,
	userId: string,
	joinCode: string
): Promise<void> {
	const result = await joinClass(db, userId, joinCode, '192.0.2.1', T0);
	if (!result.ok) throw new Error(`joinClass failed: ${result.code}`);
}

function anchorOf(quote: string) {
	const start = COMMENTARY_BODY.indexOf(quote);
	return { start, end: start + quote.length, quote };
}

/** A small map of COMMENTARY_BODY: a claim and the reason given for it. */
export const TEST_MAP: ArgumentMap = {
	statements: [
		{
			id: 'claim',
			text: 'The ceasefire will not hold.',
			role: 'main_claim',
			implicit: false,
			anchors: [anchorOf('The ceasefire will not hold')],
			note: ''
		},
		{
			id: 'reason',
			text: 'Neither side trusts the other.',
			role: 'premise',
			implicit: false,
			anchors: [anchorOf('neither side trusts the other')],
			note: ''
		}
	],
	relations: [{ id: 'r1', kind: 'support', premiseIds: ['reason'], conclusionId: 'claim' }]
};

/** Work set by `teacherId` for the class, starting from TEST_MAP unless told otherwise. */
export async function createTestAssignment(
	db: AppDatabase,
	teacherId: string,
	classId: string,
	commentaryId: string,
	input: Partial<NewAssignment> = {}
): Promise<string> {
	return createAssignment(
		db,
		teacherId,
		{
			classId,
			commentaryId,
			title: 'Analyse the ceasefire commentary',
			instructions: 'Find the main claim and its reasons.',
			dueAt: null,
			startingMap: TEST_MAP,
			referenceMapId: null,
			suggestionsAllowed: false,
			...input
		},
		T0
	);
}

import { afterEach, beforeEach } from 'vitest';
import type { AppDatabase } from '$lib/server/db';
import type { CommentaryVisibility } from '$lib/server/db/schema';
import { openTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { randomId } from '$lib/server/id';
import { createUser } from '$lib/server/users';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
/** A fixed clock, so expiry and throttle windows do not depend on when the suite runs. */
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

export const PASSWORD = 'Sommer im Park 2024!';

/** A fresh migrated SQLite file for every test, closed and removed after it. */
export function useTestDatabase(): () => TestDatabase {
	let current: TestDatabase | undefined;
	beforeEach(async () => {
		current = await openTestDatabase();
	});
	afterEach(async () => {
		await current?.close();
		current = undefined;
	});
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
			body: 'The ceasefire will not hold, because neither side trusts the other.',
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

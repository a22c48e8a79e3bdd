import { readFileSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startAssignment } from '$lib/server/assignments';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { addComment } from '$lib/server/comments';
import { createComparison } from '$lib/server/comparisons';
import type { AppDatabase } from '$lib/server/db';
import {
	listForeignKeys,
	listPrimaryKey,
	listTables,
	type ForeignKey
} from '$lib/server/db/catalog';
import { testPostgresUrl } from '$lib/server/db/test-database';
import { createShareLink, shareWithClass } from '$lib/server/sharing';
import { deleteAccount, exportUserData } from '$lib/server/users';
import {
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	PASSWORD,
	T0,
	TEST_MAP,
	useTestDatabase
} from '../integration/helpers';

/**
 * Tables that point at no user. Each says why the per-user export need not read it; a new table
 * without a reference to `users` fails the coverage test until it is listed here or exported.
 */
const TABLES_WITHOUT_USER_REFERENCE: Record<string, string> = {
	throttles: 'failure counters keyed by name or address; deleted with the account',
	classes: 'reached through class_members: the export names each class the user belongs to',
	kysely_migration: 'schema bookkeeping',
	kysely_migration_lock: 'schema bookkeeping'
};

/** Sessions are exported as a list of times: their id is the hash of the secret token. */
const EXPORTED_WITHOUT_ID = new Set(['sessions']);

/** Kysely's CamelCasePlugin renames result columns: `class_id` comes back as `classId`. */
const camel = (column: string) =>
	column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());

async function userColumns(db: AppDatabase, table: string): Promise<string[]> {
	const keys = await listForeignKeys(db, table);
	return keys.filter((key) => key.table === 'users').map((key) => key.from);
}

/** The foreign keys of `table` to tables that themselves refer to users (e.g. links of a comparison). */
async function parentsReferringToUsers(db: AppDatabase, table: string) {
	const parents: ForeignKey[] = [];
	for (const key of await listForeignKeys(db, table)) {
		if ((await userColumns(db, key.table)).length > 0) parents.push(key);
	}
	return parents;
}

/**
 * Rows of a table that hangs off the user's rows in another table (no user column of its own):
 * every text they hold must be in the export.
 */
async function childRowsExported(
	db: AppDatabase,
	table: string,
	parents: ForeignKey[],
	userId: string,
	exported: string
) {
	const problems: string[] = [];
	let rows = 0;
	for (const parent of parents) {
		const owners = await userColumns(db, parent.table);
		const { rows: children } = await sql<Record<string, unknown>>`
			SELECT child.* FROM ${sql.table(table)} AS child
			JOIN ${sql.table(parent.table)} AS parent ON parent.${sql.ref(parent.to)} = child.${sql.ref(parent.from)}
			WHERE ${sql.join(
				owners.map((column) => sql`parent.${sql.ref(column)} = ${userId}`),
				sql` OR `
			)}
		`.execute(db);
		if (children.length === 0) {
			problems.push(`${table}: hangs off ${parent.table}, but the test made no row for the user`);
		}
		for (const child of children) {
			rows++;
			for (const [column, value] of Object.entries(child)) {
				if (column === camel(parent.from) || typeof value !== 'string') continue;
				if (!exported.includes(JSON.stringify(value))) {
					problems.push(`${table}: ${column}=${value} is not in the export`);
				}
			}
		}
	}
	return { problems, rows };
}

/** A user with a row in every table that refers to users, through the real data layer. */
async function userWithDataEverywhere(db: AppDatabase) {
	const anna = await createTestUser(db, 'anna', PASSWORD, 'anna@example.org');
	const bernd = await createTestUser(db, 'bernd');
	await createSession(db, generateSessionToken(), anna, T0);
	await createSession(db, generateSessionToken(), anna, T0 + 1);
	const commentary = await insertCommentary(db, anna, 'private', 'Anna’s commentary');
	const map = await createTestMap(db, anna, commentary, { map: TEST_MAP });
	const taught = await createTestClass(db, anna, 'Anna’s class');
	await shareWithClass(db, taught.classId, { kind: 'map', id: map }, anna);
	await createShareLink(db, anna, { kind: 'map', id: map });
	await createTestAssignment(db, anna, taught.classId, commentary);
	await addComment(db, map, anna, { kind: 'map', id: null }, 'Anna’s note', T0);
	const otherMap = await createTestMap(db, anna, commentary, { map: TEST_MAP });
	await createComparison(
		db,
		anna,
		{ mapIdA: map, mapIdB: otherMap },
		{
			title: 'Anna’s comparison',
			note: 'Compared twice',
			links: [{ aId: 'claim', bId: 'reason', kind: 'supports', direction: 'b_to_a' }]
		},
		T0
	);
	// Anna also attends Bernd's class and works on his assignment.
	const berndClass = await createTestClass(db, bernd, 'Bernd’s class');
	await joinTestClass(db, anna, berndClass.joinCode);
	const berndCommentary = await insertCommentary(db, bernd, 'private', 'Bernd’s commentary');
	const berndAssignment = await createTestAssignment(
		db,
		bernd,
		berndClass.classId,
		berndCommentary
	);
	await startAssignment(db, berndAssignment, anna, T0);
	return { anna, bernd };
}

describe('the per-user export', () => {
	const testDb = useTestDatabase();

	it('covers every row of every table that refers to the user, and nothing of anyone else', async () => {
		const { db } = testDb();
		const { anna, bernd } = await userWithDataEverywhere(db);
		const data = await exportUserData(db, anna, T0);
		if (!data) throw new Error('no export');
		const exported = JSON.stringify(data);

		const problems: string[] = [];
		let rowsChecked = 0;
		for (const table of await listTables(db)) {
			if (table === 'users') {
				if (data.account.id !== anna) problems.push('users: the account is not in the export');
				continue;
			}
			const columns = await userColumns(db, table);
			if (columns.length === 0) {
				const parents = await parentsReferringToUsers(db, table);
				if (parents.length > 0) {
					const checked = await childRowsExported(db, table, parents, anna, exported);
					problems.push(...checked.problems);
					rowsChecked += checked.rows;
				} else if (!(table in TABLES_WITHOUT_USER_REFERENCE)) {
					problems.push(`${table}: refers to no user and is not listed as free of user data`);
				}
				continue;
			}
			const rows = await sql<Record<string, unknown>>`
				SELECT * FROM ${sql.table(table)}
				WHERE ${sql.join(
					columns.map((column) => sql`${sql.ref(column)} = ${anna}`),
					sql` OR `
				)}
			`.execute(db);
			if (rows.rows.length === 0) {
				problems.push(
					`${table}: refers to users, but the test made no row for the user — add the table to ` +
						'exportUserData (src/lib/server/users.ts) and a row of it to userWithDataEverywhere'
				);
				continue;
			}
			if (EXPORTED_WITHOUT_ID.has(table)) {
				const list = (data as Record<string, unknown>)[table];
				if (!Array.isArray(list) || list.length !== rows.rows.length) {
					problems.push(`${table}: ${rows.rows.length} rows, not all in the export`);
				}
				rowsChecked += rows.rows.length;
				continue;
			}
			const identifying = (await listPrimaryKey(db, table)).filter((key) => !columns.includes(key));
			for (const row of rows.rows) {
				rowsChecked++;
				for (const key of identifying) {
					const value = row[camel(key)];
					if (value === undefined || !exported.includes(JSON.stringify(value))) {
						problems.push(`${table}: row ${key}=${String(value)} is not in the export`);
					}
				}
			}
		}
		expect(problems).toEqual([]);
		expect(rowsChecked).toBeGreaterThanOrEqual(10);
		expect(exported).not.toContain(bernd);
	});
});

const MARKER = 'Qzv7Marker';

function filesContain(path: string, marker: string): string[] {
	const needle = Buffer.from(marker, 'utf8');
	return [path, `${path}-wal`].filter(
		(file) => existsSync(file) && readFileSync(file).includes(needle)
	);
}

describe('deleting an account', () => {
	const testDb = useTestDatabase();

	// A file-level check of SQLite's secure_delete; PostgreSQL frees dead rows at VACUUM.
	it.skipIf(testPostgresUrl())(
		'leaves no trace of its texts in the database file or the write-ahead log',
		async () => {
			const { db, config } = testDb();
			if (config.kind !== 'sqlite') throw new Error('SQLite only');
			const { path } = config;
			const username = `${MARKER}user`;
			const anna = await createTestUser(db, username, PASSWORD, `${MARKER}@example.org`);
			const other = await createTestUser(db, 'bernd');
			const commentary = await insertCommentary(db, anna, 'private', `${MARKER} title`);
			await db
				.updateTable('commentaries')
				.set({ body: `${MARKER} body `.repeat(2000), author: `${MARKER} author` })
				.where('id', '=', commentary)
				.execute();
			const map = await createTestMap(db, anna, commentary, {
				title: `${MARKER} map`,
				map: {
					statements: [{ ...TEST_MAP.statements[0]!, anchors: [], text: `${MARKER} statement` }],
					relations: []
				}
			});
			await addComment(db, map, anna, { kind: 'map', id: null }, `${MARKER} comment`, T0);
			await createSession(db, generateSessionToken(), anna, T0);
			// Someone else's data stays; it must still be readable afterwards.
			await insertCommentary(db, other, 'private', 'Bernd keeps this');

			// The check can fail: before the deletion, the marker is in the files.
			expect(filesContain(path, MARKER).length).toBeGreaterThan(0);

			expect(await deleteAccount(db, anna, PASSWORD)).toEqual({ ok: true, value: null });
			expect(filesContain(path, MARKER)).toEqual([]);
			expect(filesContain(path, username.toLowerCase())).toEqual([]);
			const left = await db.selectFrom('commentaries').select('title').execute();
			expect(left.map((row) => row.title)).toContain('Bernd keeps this');
			const integrity = await sql<{ integrityCheck: string }>`PRAGMA integrity_check`.execute(db);
			expect(integrity.rows).toEqual([{ integrityCheck: 'ok' }]);
		}
	);
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import type { AppDatabase } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrate';
import { createTestMap, createTestUser, insertCommentary } from '../integration/helpers';
import { editedMap } from './edits';

export interface Seeded {
	path: string;
	userId: string;
	sessionToken: string;
	commentaryId: string;
	mapIds: string[];
}

/** A migrated database file in a fresh folder with one user, a session and `maps` maps. */
export async function seedDatabase(maps = 1): Promise<Seeded> {
	const folder = mkdtempSync(join(tmpdir(), 'argumap-reliability-'));
	const path = join(folder, 'argumap.db');
	const db = openDatabase(path);
	try {
		await migrateToLatest(db);
		const userId = await createTestUser(db, 'writer');
		const sessionToken = generateSessionToken();
		await createSession(db, sessionToken, userId);
		const commentaryId = await insertCommentary(db, userId, 'private');
		const mapIds: string[] = [];
		for (let i = 0; i < maps; i++) {
			mapIds.push(await createTestMap(db, userId, commentaryId, { map: editedMap(0) }));
		}
		return { path, userId, sessionToken, commentaryId, mapIds };
	} finally {
		await db.destroy();
	}
}

export interface EditState {
	integrity: string;
	/** The edit numbers present, in order. */
	edits: number[];
	version: number;
	statementText: string;
}

/** What a database file holds of the edit worker's edits to `mapId`. */
export async function readEdits(db: AppDatabase, mapId: string): Promise<EditState> {
	const integrity = await sql<{ integrityCheck: string }>`PRAGMA integrity_check`.execute(db);
	const comments = await db
		.selectFrom('comments')
		.select('body')
		.where('mapId', '=', mapId)
		.execute();
	const map = await db
		.selectFrom('maps')
		.select(['version', 'document'])
		.where('id', '=', mapId)
		.executeTakeFirstOrThrow();
	const document = JSON.parse(map.document) as { map: { statements: { text: string }[] } };
	return {
		integrity: integrity.rows.map((row) => row.integrityCheck).join('\n'),
		edits: comments.map((row) => Number(row.body.replace('edit ', ''))).sort((a, b) => a - b),
		version: Number(map.version),
		statementText: document.map.statements[0]?.text ?? ''
	};
}

/** Edits 1..n and nothing else, the map at version n + 1 showing edit n: all-or-nothing commits. */
export function consistencyProblems(state: EditState): string[] {
	const problems: string[] = [];
	if (state.integrity !== 'ok') problems.push(`integrity_check: ${state.integrity}`);
	const last = state.edits.length;
	if (state.edits.some((edit, index) => edit !== index + 1)) {
		problems.push(`edits are not 1..${last}: ${state.edits.slice(0, 5).join(',')}…`);
	}
	if (state.version !== last + 1) problems.push(`version ${state.version} after ${last} edits`);
	if (state.statementText !== `edit ${last}`) {
		problems.push(`map shows "${state.statementText}" after ${last} edits`);
	}
	return problems;
}

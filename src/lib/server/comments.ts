import type { AppDatabase } from './db';
import type { CommentTargetKind } from './db/schema';
import { randomId } from './id';

export interface CommentTarget {
	kind: CommentTargetKind;
	/** Statement or relation id; null for the whole map. */
	id: string | null;
}

export interface MapComment {
	id: string;
	target: CommentTarget;
	body: string;
	authorId: string | null;
	authorName: string;
	createdAt: number;
}

/** Callers check the comment permission (access.ts) and that the target exists in the map. */
export async function addComment(
	db: AppDatabase,
	mapId: string,
	authorId: string,
	target: CommentTarget,
	body: string,
	now = Date.now()
): Promise<string> {
	const id = randomId();
	await db
		.insertInto('comments')
		.values({
			id,
			mapId,
			authorId,
			targetKind: target.kind,
			targetId: target.kind === 'map' ? null : target.id,
			body,
			createdAt: now
		})
		.execute();
	return id;
}

/** The comments on a map, oldest first, with their authors' display names. */
export async function listComments(db: AppDatabase, mapId: string): Promise<MapComment[]> {
	const rows = await db
		.selectFrom('comments')
		.leftJoin('users', 'users.id', 'comments.authorId')
		.select([
			'comments.id',
			'comments.targetKind',
			'comments.targetId',
			'comments.body',
			'comments.authorId',
			'users.displayName',
			'comments.createdAt'
		])
		.where('comments.mapId', '=', mapId)
		.orderBy('comments.createdAt')
		.orderBy('comments.id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		target: { kind: row.targetKind, id: row.targetId },
		body: row.body,
		authorId: row.authorId,
		authorName: row.displayName ?? '',
		createdAt: Number(row.createdAt)
	}));
}

export type CommentDeletion = 'deleted' | 'not_author' | 'not_found';

/** Authors delete their own comments; others' comments on the map are `not_author`. */
export async function deleteComment(
	db: AppDatabase,
	mapId: string,
	commentId: string,
	authorId: string
): Promise<CommentDeletion> {
	const result = await db
		.deleteFrom('comments')
		.where('id', '=', commentId)
		.where('mapId', '=', mapId)
		.where('authorId', '=', authorId)
		.executeTakeFirst();
	if (Number(result.numDeletedRows) === 1) return 'deleted';
	const other = await db
		.selectFrom('comments')
		.select('id')
		.where('id', '=', commentId)
		.where('mapId', '=', mapId)
		.executeTakeFirst();
	return other ? 'not_author' : 'not_found';
}

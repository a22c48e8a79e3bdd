import type { ExpressionBuilder } from 'kysely';
import type { CleanCommentary } from '$lib/commentary/rules';
import { commentaryReadableBy } from './access';
import type { AppDatabase, Database } from './db';
import { forUpdate } from './db/dialect';
import { randomId } from './id';

const readableColumns = [
	'id',
	'ownerId',
	'title',
	'author',
	'outlet',
	'publishedOn',
	'sourceUrl',
	'language',
	'body',
	'visibility',
	'previousVersionId'
] as const;

/** The commentary if `userId` (or an anonymous reader, when null) may read it. */
export function getReadableCommentary(db: AppDatabase, id: string, userId: string | null) {
	return db
		.selectFrom('commentaries')
		.select(readableColumns)
		.where('id', '=', id)
		.where(commentaryReadableBy(userId))
		.executeTakeFirst();
}

/** The commentary behind a read-only share link: holding a valid link is the permission. */
export function getCommentaryForShareLink(db: AppDatabase, id: string) {
	return db
		.selectFrom('commentaries')
		.select(readableColumns)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The seeded example commentary shown on the landing page, if seeding has run. */
export function getExampleCommentary(db: AppDatabase) {
	return db
		.selectFrom('commentaries')
		.select(readableColumns)
		.where('seedKey', 'is not', null)
		.where('visibility', '=', 'public')
		.orderBy('createdAt')
		.executeTakeFirst();
}

export async function createCommentary(
	db: AppDatabase,
	ownerId: string,
	commentary: CleanCommentary,
	now = Date.now()
): Promise<string> {
	const id = randomId();
	await db
		.insertInto('commentaries')
		.values({
			id,
			ownerId,
			...commentary,
			visibility: 'private',
			createdAt: now,
			updatedAt: now
		})
		.execute();
	return id;
}

export interface CommentarySummary {
	id: string;
	title: string;
	author: string;
	outlet: string;
	language: string;
	mine: boolean;
	mapCount: number;
	updatedAt: number;
}

/**
 * The user's own and the public commentaries, newest first, filtered by title or author.
 * Filtering happens here rather than in SQL so that case folding is Unicode-aware on every database.
 */
export async function listReadableCommentaries(
	db: AppDatabase,
	userId: string,
	search = ''
): Promise<CommentarySummary[]> {
	const rows = await db
		.selectFrom('commentaries')
		.leftJoin('maps', (join) =>
			join.onRef('maps.commentaryId', '=', 'commentaries.id').on('maps.ownerId', '=', userId)
		)
		.select((eb) => [
			'commentaries.id',
			'commentaries.title',
			'commentaries.author',
			'commentaries.outlet',
			'commentaries.language',
			'commentaries.ownerId',
			'commentaries.updatedAt',
			eb.fn.count<number>('maps.id').as('mapCount')
		])
		.where(commentaryReadableBy(userId))
		.groupBy('commentaries.id')
		.orderBy('commentaries.updatedAt', 'desc')
		.execute();
	const needle = search.trim().toLocaleLowerCase();
	return rows
		.filter(
			(row) =>
				!needle ||
				row.title.toLocaleLowerCase().includes(needle) ||
				row.author.toLocaleLowerCase().includes(needle)
		)
		.map(({ ownerId, ...row }) => ({
			...row,
			mine: ownerId === userId,
			mapCount: Number(row.mapCount),
			updatedAt: Number(row.updatedAt)
		}));
}

/** How many maps, of anyone, refer to the commentary: they go with it when it is deleted. */
export async function countMapsOfCommentary(
	db: AppDatabase,
	commentaryId: string
): Promise<number> {
	const row = await db
		.selectFrom('maps')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('commentaryId', '=', commentaryId)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

export type CommentaryUpdate =
	{ ok: true; id: string; newVersion: boolean } | { ok: false; code: 'not_found' };

/**
 * Updates the owner's commentary. Once a map refers to it, its text is frozen: a changed text
 * becomes a new commentary (a new version pointing back at the old one) and the maps keep theirs.
 */
export async function updateCommentary(
	db: AppDatabase,
	ownerId: string,
	id: string,
	changes: CleanCommentary,
	now = Date.now()
): Promise<CommentaryUpdate> {
	return db.transaction().execute(async (trx) => {
		// Locked until the end: a map made of it meanwhile would be anchored in the old text.
		const current = await forUpdate(
			trx,
			trx
				.selectFrom('commentaries')
				.select(['body'])
				.where('id', '=', id)
				.where('ownerId', '=', ownerId)
		).executeTakeFirst();
		if (!current) return { ok: false, code: 'not_found' } as const;
		const textChanged = current.body !== changes.body;
		if (textChanged && (await countMapsOfCommentary(trx, id)) > 0) {
			const newId = randomId();
			await trx
				.insertInto('commentaries')
				.values({
					id: newId,
					ownerId,
					...changes,
					visibility: 'private',
					previousVersionId: id,
					createdAt: now,
					updatedAt: now
				})
				.execute();
			return { ok: true, id: newId, newVersion: true } as const;
		}
		await trx
			.updateTable('commentaries')
			.set({ ...changes, updatedAt: now })
			.where('id', '=', id)
			.execute();
		return { ok: true, id, newVersion: false } as const;
	});
}

/**
 * Other people's work on the owner's commentary: their maps of it, or an assignment set on it.
 * That work must survive the owner deleting the commentary or their account.
 */
function usedByOthers(ownerId: string) {
	return (eb: ExpressionBuilder<Database, 'commentaries'>) =>
		eb.or([
			eb.exists(
				eb
					.selectFrom('maps')
					.select('maps.id')
					.whereRef('maps.commentaryId', '=', 'commentaries.id')
					.where((inner) =>
						inner.or([inner('maps.ownerId', '!=', ownerId), inner('maps.ownerId', 'is', null)])
					)
			),
			eb.exists(
				eb
					.selectFrom('assignments')
					.select('assignments.id')
					.whereRef('assignments.commentaryId', '=', 'commentaries.id')
			)
		]);
}

export type CommentaryDeletion =
	{ ok: true } | { ok: false; code: 'not_found' | 'commentary_in_use' };

/**
 * Deletes the owner's commentary and, by cascade, their maps of it. Refused while other
 * people's maps or an assignment use it: deleting would take their work with it.
 */
export async function deleteCommentary(
	db: AppDatabase,
	ownerId: string,
	id: string
): Promise<CommentaryDeletion> {
	return db.transaction().execute(async (trx) => {
		// Locked first: on PostgreSQL the check below would otherwise miss a map of it that someone
		// else commits while the delete waits, and delete that map with the commentary.
		const owned = await forUpdate(
			trx,
			trx
				.selectFrom('commentaries')
				.select('id')
				.where('id', '=', id)
				.where('ownerId', '=', ownerId)
		).executeTakeFirst();
		if (!owned) return { ok: false, code: 'not_found' } as const;
		const result = await trx
			.deleteFrom('commentaries')
			.where('id', '=', id)
			.where((eb) => eb.not(usedByOthers(ownerId)(eb)))
			.executeTakeFirst();
		return Number(result.numDeletedRows) > 0
			? ({ ok: true } as const)
			: ({ ok: false, code: 'commentary_in_use' } as const);
	});
}

/**
 * Before an account goes, inside the transaction that deletes it: its commentaries that other
 * people's work uses lose their owner instead of being deleted with it, so students keep their
 * maps when a teacher leaves.
 */
export async function detachCommentariesUsedByOthers(db: AppDatabase, ownerId: string) {
	// Locked first, as in deleteCommentary: a map someone commits meanwhile must count.
	await forUpdate(
		db,
		db.selectFrom('commentaries').select('id').where('ownerId', '=', ownerId)
	).execute();
	await db
		.updateTable('commentaries')
		.set({ ownerId: null })
		.where('ownerId', '=', ownerId)
		.where(usedByOthers(ownerId))
		.execute();
}

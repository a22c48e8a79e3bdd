import type { AppDatabase } from './db';

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
	'visibility'
] as const;

/** The commentary if `userId` (or an anonymous reader, when null) may read it. */
export function getReadableCommentary(db: AppDatabase, id: string, userId: string | null) {
	return db
		.selectFrom('commentaries')
		.select(readableColumns)
		.where('id', '=', id)
		.where((eb) =>
			userId === null
				? eb('visibility', '=', 'public')
				: eb.or([eb('visibility', '=', 'public'), eb('ownerId', '=', userId)])
		)
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

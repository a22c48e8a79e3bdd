import type { CrossLink } from '$lib/compare/cross-links';
import type { ComparedMap } from '$lib/compare/view';
import { comparisonReadableBy, mapReadableBy } from './access';
import type { AppDatabase } from './db';
import { randomId } from './id';
import { getMapForShareLink } from './maps';

export interface ComparisonFields {
	title: string;
	note: string;
	links: readonly CrossLink[];
}

type Transaction = Parameters<Parameters<ReturnType<AppDatabase['transaction']>['execute']>[0]>[0];

async function insertLinks(trx: Transaction, comparisonId: string, links: readonly CrossLink[]) {
	if (links.length === 0) return;
	await trx
		.insertInto('comparisonLinks')
		.values(
			links.map((link, position) => ({
				comparisonId,
				position,
				statementIdA: link.aId,
				statementIdB: link.bId,
				kind: link.kind,
				direction: link.direction
			}))
		)
		.execute();
}

/** Saves a new comparison of two maps; callers check that the owner may read both. */
export async function createComparison(
	db: AppDatabase,
	ownerId: string,
	maps: { mapIdA: string; mapIdB: string },
	fields: ComparisonFields,
	now = Date.now()
): Promise<string> {
	const id = randomId();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('comparisons')
			.values({
				id,
				ownerId,
				title: fields.title,
				note: fields.note,
				...maps,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await insertLinks(trx, id, fields.links);
	});
	return id;
}

/** Replaces the title, note and links of the owner's comparison; false when it is not theirs. */
export async function updateComparison(
	db: AppDatabase,
	ownerId: string,
	id: string,
	fields: ComparisonFields,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable('comparisons')
			.set({ title: fields.title, note: fields.note, updatedAt: now })
			.where('id', '=', id)
			.where('ownerId', '=', ownerId)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1) return false;
		await trx.deleteFrom('comparisonLinks').where('comparisonId', '=', id).execute();
		await insertLinks(trx, id, fields.links);
		return true;
	});
}

export async function deleteComparison(
	db: AppDatabase,
	ownerId: string,
	id: string
): Promise<boolean> {
	const result = await db
		.deleteFrom('comparisons')
		.where('id', '=', id)
		.where('ownerId', '=', ownerId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export interface StoredComparison {
	id: string;
	ownerId: string;
	ownerName: string | null;
	title: string;
	note: string;
	mapIdA: string;
	mapIdB: string;
	links: CrossLink[];
	updatedAt: number;
}

/** A comparison by id, whoever may read it: callers ask access.ts (or hold a link) first. */
export async function getComparison(
	db: AppDatabase,
	id: string
): Promise<StoredComparison | undefined> {
	const row = await db
		.selectFrom('comparisons')
		.leftJoin('users', 'users.id', 'comparisons.ownerId')
		.select([
			'comparisons.id',
			'comparisons.ownerId',
			'users.displayName as ownerName',
			'comparisons.title',
			'comparisons.note',
			'comparisons.mapIdA',
			'comparisons.mapIdB',
			'comparisons.updatedAt'
		])
		.where('comparisons.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const links = await db
		.selectFrom('comparisonLinks')
		.select(['statementIdA', 'statementIdB', 'kind', 'direction'])
		.where('comparisonId', '=', id)
		.orderBy('position')
		.execute();
	return {
		...row,
		updatedAt: Number(row.updatedAt),
		links: links.map((link) => ({
			aId: link.statementIdA,
			bId: link.statementIdB,
			kind: link.kind,
			direction: link.direction
		}))
	};
}

/**
 * One side of a comparison with its commentary and owner. Callers have checked that the reader
 * may see it: by reading the map itself, or through a comparison they may read.
 */
export async function getComparedMap(
	db: AppDatabase,
	mapId: string,
	openable: boolean
): Promise<{ view: ComparedMap; commentaryId: string } | undefined> {
	const found = await getMapForShareLink(db, mapId);
	if (!found) return undefined;
	const owner = await db
		.selectFrom('maps')
		.leftJoin('users', 'users.id', 'maps.ownerId')
		.select('users.displayName')
		.where('maps.id', '=', mapId)
		.executeTakeFirst();
	const { id, title, map, commentary } = found;
	const {
		title: commentaryTitle,
		author,
		outlet,
		language,
		publishedOn,
		sourceUrl,
		body
	} = commentary;
	return {
		view: {
			id,
			title,
			ownerName: owner?.displayName ?? null,
			openable,
			map,
			commentary: { title: commentaryTitle, author, outlet, language, publishedOn, sourceUrl, body }
		},
		commentaryId: commentary.id
	};
}

export interface PickableMap {
	id: string;
	title: string;
	commentaryTitle: string;
	ownerName: string | null;
	mine: boolean;
}

/** How many maps the picker offers, most recently changed first. */
export const PICKABLE_MAP_LIMIT = 300;

/** Maps the user may read, to pick two to compare; anonymous readers get the public ones. */
export async function listPickableMaps(
	db: AppDatabase,
	userId: string | null
): Promise<PickableMap[]> {
	const rows = await db
		.selectFrom('maps')
		.innerJoin('commentaries', 'commentaries.id', 'maps.commentaryId')
		.leftJoin('users', 'users.id', 'maps.ownerId')
		.select([
			'maps.id',
			'maps.title',
			'maps.ownerId',
			'commentaries.title as commentaryTitle',
			'users.displayName as ownerName'
		])
		.where(mapReadableBy(userId))
		.orderBy('maps.updatedAt', 'desc')
		.limit(PICKABLE_MAP_LIMIT)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		commentaryTitle: row.commentaryTitle,
		ownerName: row.ownerName,
		mine: userId !== null && row.ownerId === userId
	}));
}

export interface ComparisonListItem {
	id: string;
	title: string;
	mapATitle: string;
	mapBTitle: string;
	ownerName: string | null;
	mine: boolean;
	updatedAt: number;
}

/** The user's own comparisons and those shared with their classes, newest first. */
export async function listReadableComparisons(
	db: AppDatabase,
	userId: string
): Promise<ComparisonListItem[]> {
	const rows = await db
		.selectFrom('comparisons')
		.innerJoin('maps as first', 'first.id', 'comparisons.mapIdA')
		.innerJoin('maps as second', 'second.id', 'comparisons.mapIdB')
		.leftJoin('users', 'users.id', 'comparisons.ownerId')
		.select([
			'comparisons.id',
			'comparisons.title',
			'comparisons.ownerId',
			'comparisons.updatedAt',
			'first.title as titleA',
			'second.title as titleB',
			'users.displayName as ownerName'
		])
		.where(comparisonReadableBy(userId))
		.orderBy('comparisons.updatedAt', 'desc')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		mapATitle: row.titleA,
		mapBTitle: row.titleB,
		ownerName: row.ownerName,
		mine: row.ownerId === userId,
		updatedAt: Number(row.updatedAt)
	}));
}

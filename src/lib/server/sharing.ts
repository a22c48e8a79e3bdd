import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { AppDatabase } from './db';
import { randomId } from './id';

/** What can be shared: a commentary, a map or a comparison, by id. */
export type ShareTarget = { kind: 'commentary' | 'map' | 'comparison'; id: string };

const TARGET_COLUMN = {
	commentary: 'commentaryId',
	map: 'mapId',
	comparison: 'comparisonId'
} as const;

export function isShareKind(kind: string): kind is ShareTarget['kind'] {
	return Object.hasOwn(TARGET_COLUMN, kind);
}

function targetColumn(target: ShareTarget) {
	return TARGET_COLUMN[target.kind];
}

/** The row's three target columns: the one of the target's kind holds its id. */
function targetColumns(target: ShareTarget) {
	return {
		commentaryId: null,
		mapId: null,
		comparisonId: null,
		[targetColumn(target)]: target.id
	} as { commentaryId: string | null; mapId: string | null; comparisonId: string | null };
}

/** The target a share row or link row names. */
function targetOf(row: {
	commentaryId: string | null;
	mapId: string | null;
	comparisonId: string | null;
}): ShareTarget | undefined {
	if (row.mapId) return { kind: 'map', id: row.mapId };
	if (row.commentaryId) return { kind: 'commentary', id: row.commentaryId };
	if (row.comparisonId) return { kind: 'comparison', id: row.comparisonId };
	return undefined;
}

/** Shares view-only with a class; sharing twice is harmless. Callers check both permissions. */
export async function shareWithClass(
	db: AppDatabase,
	classId: string,
	target: ShareTarget,
	sharedBy: string,
	now = Date.now()
): Promise<void> {
	await db
		.insertInto('classShares')
		.values({ id: randomId(), classId, ...targetColumns(target), sharedBy, createdAt: now })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export async function unshareFromClass(
	db: AppDatabase,
	classId: string,
	target: ShareTarget
): Promise<void> {
	await db
		.deleteFrom('classShares')
		.where('classId', '=', classId)
		.where(targetColumn(target), '=', target.id)
		.execute();
}

/** The classes an object is shared with, for its sharing panel. */
export async function listClassesSharedWith(db: AppDatabase, target: ShareTarget) {
	return db
		.selectFrom('classShares')
		.innerJoin('classes', 'classes.id', 'classShares.classId')
		.select(['classes.id', 'classes.name'])
		.where(`classShares.${targetColumn(target)}`, '=', target.id)
		.orderBy('classes.name')
		.execute();
}

export interface ClassShareItem {
	kind: ShareTarget['kind'];
	id: string;
	title: string;
	/** For a map: the commentary it maps. */
	commentaryTitle: string | null;
	sharedAt: number;
}

/** What a class can see, newest first; callers check membership first. */
export async function listClassShares(db: AppDatabase, classId: string): Promise<ClassShareItem[]> {
	const rows = await db
		.selectFrom('classShares')
		.leftJoin('maps', 'maps.id', 'classShares.mapId')
		.leftJoin('comparisons', 'comparisons.id', 'classShares.comparisonId')
		.leftJoin('commentaries', (join) =>
			join.on((eb) =>
				eb.or([
					eb('commentaries.id', '=', eb.ref('classShares.commentaryId')),
					eb('commentaries.id', '=', eb.ref('maps.commentaryId'))
				])
			)
		)
		.select([
			'classShares.mapId',
			'classShares.commentaryId',
			'classShares.comparisonId',
			'classShares.createdAt',
			'maps.title as mapTitle',
			'comparisons.title as comparisonTitle',
			'commentaries.title as commentaryTitle'
		])
		.where('classShares.classId', '=', classId)
		.orderBy('classShares.createdAt', 'desc')
		.execute();
	return rows.flatMap((row) => {
		const target = targetOf(row);
		if (!target) return [];
		const title = {
			map: row.mapTitle,
			commentary: row.commentaryTitle,
			comparison: row.comparisonTitle
		}[target.kind];
		return [
			{
				...target,
				title: title ?? '',
				commentaryTitle: target.kind === 'map' ? row.commentaryTitle : null,
				sharedAt: Number(row.createdAt)
			}
		];
	});
}

/** 20 random bytes (160 bits) in the link; only the SHA-256 is stored. */
export function shareTokenHash(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Creates a read-only link to the owner's object and returns its token (shown once, in the URL). */
export async function createShareLink(
	db: AppDatabase,
	ownerId: string,
	target: ShareTarget,
	now = Date.now()
): Promise<string> {
	const token = randomId(20);
	await db
		.insertInto('shareLinks')
		.values({
			id: randomId(),
			tokenHash: shareTokenHash(token),
			ownerId,
			...targetColumns(target),
			createdAt: now,
			revokedAt: null
		})
		.execute();
	return token;
}

export interface ShareLinkSummary {
	id: string;
	createdAt: number;
}

/** The owner's live links to an object (their tokens are not stored and cannot be shown again). */
export async function listShareLinks(
	db: AppDatabase,
	ownerId: string,
	target: ShareTarget
): Promise<ShareLinkSummary[]> {
	const rows = await db
		.selectFrom('shareLinks')
		.select(['id', 'createdAt'])
		.where('ownerId', '=', ownerId)
		.where(targetColumn(target), '=', target.id)
		.where('revokedAt', 'is', null)
		.orderBy('createdAt', 'desc')
		.execute();
	return rows.map((row) => ({ id: row.id, createdAt: Number(row.createdAt) }));
}

/** Revokes one of the owner's links; the next request with it is refused. */
export async function revokeShareLink(
	db: AppDatabase,
	ownerId: string,
	linkId: string,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.updateTable('shareLinks')
		.set({ revokedAt: now })
		.where('id', '=', linkId)
		.where('ownerId', '=', ownerId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** What a link token opens, if the link exists and is not revoked. */
export async function resolveShareLink(
	db: AppDatabase,
	token: string
): Promise<ShareTarget | undefined> {
	const row = await db
		.selectFrom('shareLinks')
		.select(['mapId', 'commentaryId', 'comparisonId'])
		.where('tokenHash', '=', shareTokenHash(token))
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return row && targetOf(row);
}

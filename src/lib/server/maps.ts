import { createMapDocument, parseMapDocument, type ArgumentMap } from '$lib/argument';
import type { MapBundle } from '$lib/interchange/types';
import type { MapCommentary, MapJson } from '$lib/maps/map-json';
import { mapEditableBy, mapReadableBy } from './access';
import type { AppDatabase } from './db';
import { randomId } from './id';

export const EMPTY_MAP: ArgumentMap = { statements: [], relations: [] };

function counts(map: ArgumentMap) {
	return { statementCount: map.statements.length, relationCount: map.relations.length };
}

/** Parses a stored document; stored documents were validated on write, so failure is a bug. */
function readDocument(json: string): ArgumentMap {
	const parsed = parseMapDocument(JSON.parse(json));
	if (!parsed.ok) throw new Error(`Stored map document is invalid: ${parsed.issues[0]?.code}`);
	return parsed.document.map;
}

/**
 * Parsed documents by map id with the version they belong to. Every change of a document bumps
 * its version (saveMap is the only UPDATE of it), so a cached version is never stale, and a map
 * is parsed and checked once per version instead of on every read (most of a read's time).
 * Callers treat maps as immutable values, so sharing one between requests is safe.
 */
const parsedDocuments = new Map<string, { version: number; map: ArgumentMap }>();
const PARSED_DOCUMENTS_KEPT = 100;

function readDocumentVersion(id: string, version: number, json: string): ArgumentMap {
	const cached = parsedDocuments.get(id);
	if (cached?.version === version) return cached.map;
	const map = readDocument(json);
	parsedDocuments.delete(id);
	parsedDocuments.set(id, { version, map });
	// Oldest first: Map keeps insertion order.
	if (parsedDocuments.size > PARSED_DOCUMENTS_KEPT) {
		const oldest = parsedDocuments.keys().next().value;
		if (oldest !== undefined) parsedDocuments.delete(oldest);
	}
	return map;
}

export interface NewMap {
	ownerId: string | null;
	commentaryId: string;
	title: string;
	map?: ArgumentMap;
	visibility?: 'private' | 'public';
	seedKey?: string;
}

export async function createMap(db: AppDatabase, input: NewMap, now = Date.now()): Promise<string> {
	const map = input.map ?? EMPTY_MAP;
	const id = randomId();
	await db
		.insertInto('maps')
		.values({
			id,
			ownerId: input.ownerId,
			commentaryId: input.commentaryId,
			title: input.title,
			document: JSON.stringify(createMapDocument(map)),
			version: 1,
			...counts(map),
			visibility: input.visibility ?? 'private',
			seedKey: input.seedKey ?? null,
			createdAt: now,
			updatedAt: now
		})
		// Seeded maps exist once, even when several app servers seed at the same moment.
		.onConflict((oc) => oc.column('seedKey').doNothing())
		.execute();
	return id;
}

export interface ReadableMap {
	id: string;
	title: string;
	version: number;
	mine: boolean;
	map: ArgumentMap;
	commentary: MapCommentary;
}

/** What the map page renders on the server: the map's facts without its document and text. */
export type MapHead = Omit<ReadableMap, 'map' | 'commentary'> & {
	commentary: Omit<MapCommentary, 'body'>;
};

function selectMapHead(db: AppDatabase) {
	return db
		.selectFrom('maps')
		.innerJoin('commentaries', 'commentaries.id', 'maps.commentaryId')
		.select([
			'maps.id',
			'maps.title',
			'maps.version',
			'maps.ownerId',
			'commentaries.id as commentaryId',
			'commentaries.title as commentaryTitle',
			'commentaries.author',
			'commentaries.outlet',
			'commentaries.language',
			'commentaries.publishedOn',
			'commentaries.sourceUrl'
		]);
}

function selectMapWithCommentary(db: AppDatabase) {
	return selectMapHead(db).select(['maps.document', 'commentaries.body']);
}

type MapHeadRow = NonNullable<
	Awaited<ReturnType<ReturnType<typeof selectMapHead>['executeTakeFirst']>>
>;
type MapWithCommentaryRow = NonNullable<
	Awaited<ReturnType<ReturnType<typeof selectMapWithCommentary>['executeTakeFirst']>>
>;

function toMapHead(row: MapHeadRow, userId: string | null): MapHead {
	return {
		id: row.id,
		title: row.title,
		version: Number(row.version),
		mine: userId !== null && row.ownerId === userId,
		commentary: {
			id: row.commentaryId,
			title: row.commentaryTitle,
			author: row.author,
			outlet: row.outlet,
			language: row.language,
			publishedOn: row.publishedOn,
			sourceUrl: row.sourceUrl
		}
	};
}

function toReadableMap(row: MapWithCommentaryRow, userId: string | null): ReadableMap {
	const head = toMapHead(row, userId);
	return {
		...head,
		map: readDocumentVersion(row.id, head.version, row.document),
		commentary: { ...head.commentary, body: row.body }
	};
}

/** The map with its commentary if the user (null: anonymous) may read it (see access.ts). */
export async function getReadableMap(
	db: AppDatabase,
	id: string,
	userId: string | null
): Promise<ReadableMap | undefined> {
	const row = await selectMapWithCommentary(db)
		.where('maps.id', '=', id)
		.where(mapReadableBy(userId))
		.executeTakeFirst();
	return row && toReadableMap(row, userId);
}

/**
 * The readable map without its document and commentary text, which the map page's script fetches
 * from the map JSON endpoint: serialising them into the page cost several times the JSON read.
 */
export async function getMapHead(
	db: AppDatabase,
	id: string,
	userId: string | null
): Promise<MapHead | undefined> {
	const row = await selectMapHead(db)
		.where('maps.id', '=', id)
		.where(mapReadableBy(userId))
		.executeTakeFirst();
	return row && toMapHead(row, userId);
}

/**
 * The readable map as the map JSON endpoint sends it: the stored document with id, title,
 * revision and commentary added. It is built around the stored text, so a read does not parse
 * and re-serialise the whole map (most of its cost); the document is still checked once per
 * version, as every read does.
 */
export async function getReadableMapJson(
	db: AppDatabase,
	id: string,
	userId: string | null
): Promise<string | undefined> {
	const row = await selectMapWithCommentary(db)
		.where('maps.id', '=', id)
		.where(mapReadableBy(userId))
		.executeTakeFirst();
	if (!row) return undefined;
	const { title, version, commentary } = toReadableMap(row, userId);
	const facts: Omit<MapJson, 'format' | 'version' | 'map'> = {
		id: row.id,
		title,
		revision: version,
		commentary
	};
	const rest = JSON.stringify(facts);
	// Both are JSON objects: drop the document's closing brace and the other's opening one.
	return `${row.document.slice(0, row.document.lastIndexOf('}'))},${rest.slice(1)}`;
}

/**
 * The map behind a read-only share link. Only the link resolver may call this: it answers for
 * any id, because holding a valid link is the permission.
 */
export async function getMapForShareLink(
	db: AppDatabase,
	id: string
): Promise<ReadableMap | undefined> {
	const row = await selectMapWithCommentary(db).where('maps.id', '=', id).executeTakeFirst();
	return row && toReadableMap(row, null);
}

/** The text a map the user may edit is anchored in, to check anchors before a save. */
export async function getEditableMapText(db: AppDatabase, id: string, userId: string) {
	const row = await db
		.selectFrom('maps')
		.innerJoin('commentaries', 'commentaries.id', 'maps.commentaryId')
		.select('commentaries.body')
		.where('maps.id', '=', id)
		.where(mapEditableBy(userId))
		.executeTakeFirst();
	return row?.body;
}

export type SaveResult =
	| { ok: true; version: number }
	| { ok: false; code: 'not_found' }
	| { ok: false; code: 'version_conflict'; currentVersion: number };

/**
 * Saves a map the user may edit if it is still at `baseVersion`. The version check is part of the
 * UPDATE itself, so two app servers saving at once cannot both win.
 */
export async function saveMap(
	db: AppDatabase,
	userId: string,
	id: string,
	baseVersion: number,
	map: ArgumentMap,
	now = Date.now()
): Promise<SaveResult> {
	const result = await db
		.updateTable('maps')
		.set({
			document: JSON.stringify(createMapDocument(map)),
			version: baseVersion + 1,
			...counts(map),
			updatedAt: now
		})
		.where('maps.id', '=', id)
		.where(mapEditableBy(userId))
		.where('maps.version', '=', baseVersion)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 1) return { ok: true, version: baseVersion + 1 };
	const current = await db
		.selectFrom('maps')
		.select('version')
		.where('maps.id', '=', id)
		.where(mapEditableBy(userId))
		.executeTakeFirst();
	return current
		? { ok: false, code: 'version_conflict', currentVersion: Number(current.version) }
		: { ok: false, code: 'not_found' };
}

export interface MapSummary {
	id: string;
	title: string;
	commentaryId: string;
	commentaryTitle: string;
	statementCount: number;
	relationCount: number;
	updatedAt: number;
}

export async function listOwnMaps(db: AppDatabase, ownerId: string): Promise<MapSummary[]> {
	const rows = await db
		.selectFrom('maps')
		.innerJoin('commentaries', 'commentaries.id', 'maps.commentaryId')
		.select([
			'maps.id',
			'maps.title',
			'maps.commentaryId',
			'commentaries.title as commentaryTitle',
			'maps.statementCount',
			'maps.relationCount',
			'maps.updatedAt'
		])
		.where('maps.ownerId', '=', ownerId)
		.orderBy('maps.updatedAt', 'desc')
		.execute();
	return rows.map((row) => ({
		...row,
		statementCount: Number(row.statementCount),
		relationCount: Number(row.relationCount),
		updatedAt: Number(row.updatedAt)
	}));
}

/** Copies a map the user may read into a new private map of theirs. */
export async function duplicateMap(
	db: AppDatabase,
	userId: string,
	id: string,
	title: string
): Promise<string | undefined> {
	const source = await getReadableMap(db, id, userId);
	if (!source) return undefined;
	return createMap(db, {
		ownerId: userId,
		commentaryId: source.commentary.id,
		title,
		map: source.map
	});
}

export async function renameMap(
	db: AppDatabase,
	userId: string,
	id: string,
	title: string
): Promise<boolean> {
	const result = await db
		.updateTable('maps')
		.set({ title })
		.where('maps.id', '=', id)
		.where(mapEditableBy(userId))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Deletes the owner's map, unless it is the record of an assignment. */
export async function deleteMap(db: AppDatabase, ownerId: string, id: string): Promise<boolean> {
	const result = await db
		.deleteFrom('maps')
		.where('maps.id', '=', id)
		.where('maps.ownerId', '=', ownerId)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('assignmentMaps')
						.select('assignmentMaps.mapId')
						.whereRef('assignmentMaps.mapId', '=', 'maps.id')
				)
			)
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** The seeded public example map, read-only for everyone. */
export async function getExampleMap(db: AppDatabase): Promise<ReadableMap | undefined> {
	const row = await db
		.selectFrom('maps')
		.select('id')
		.where('seedKey', 'is not', null)
		.where('visibility', '=', 'public')
		.orderBy('createdAt')
		.executeTakeFirst();
	return row ? getReadableMap(db, row.id, null) : undefined;
}

/** A readable map as it travels: title, commentary without its id, and the map. */
export async function getMapBundle(
	db: AppDatabase,
	id: string,
	userId: string | null
): Promise<MapBundle | undefined> {
	const map = await getReadableMap(db, id, userId);
	if (!map) return undefined;
	const { title, author, outlet, language, publishedOn, sourceUrl, body } = map.commentary;
	return {
		title: map.title,
		commentary: { title, author, outlet, language, publishedOn, sourceUrl, body },
		map: map.map
	};
}

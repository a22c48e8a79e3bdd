import { describe, expect, it } from 'vitest';
import { createMapDocument } from '$lib/argument';
import { readMapJson } from '$lib/maps/map-json';
import { getMapHead, getReadableMap, getReadableMapJson, saveMap } from '$lib/server/maps';
import {
	createTestMap,
	createTestUser,
	insertCommentary,
	TEST_MAP,
	useTestDatabase
} from './helpers';

describe('map reads for the map JSON endpoint', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const owner = await createTestUser(db, 'anna');
		const stranger = await createTestUser(db, 'ben');
		const commentaryId = await insertCommentary(db, owner, 'private');
		const mapId = await createTestMap(db, owner, commentaryId, { map: TEST_MAP });
		return { db, owner, stranger, mapId };
	}

	it('sends the same JSON as the document with id, title, revision and commentary', async () => {
		const { db, owner, mapId } = await setUp();
		const readable = await getReadableMap(db, mapId, owner);
		const body = await getReadableMapJson(db, mapId, owner);
		expect(JSON.parse(body ?? 'null')).toEqual({
			...createMapDocument(TEST_MAP),
			id: mapId,
			title: readable?.title,
			revision: 1,
			commentary: readable?.commentary
		});
	});

	it('never answers from an older version after a save', async () => {
		const { db, owner, mapId } = await setUp();
		await getReadableMap(db, mapId, owner);
		const changed = { ...TEST_MAP, statements: TEST_MAP.statements.slice(0, 1), relations: [] };
		expect(await saveMap(db, owner, mapId, 1, changed)).toEqual({ ok: true, version: 2 });
		expect((await getReadableMap(db, mapId, owner))?.map).toEqual(changed);
		const body = JSON.parse((await getReadableMapJson(db, mapId, owner)) ?? 'null');
		expect(body).toMatchObject({ revision: 2, map: changed });
	});

	it('reads back in the browser as the map the server holds', async () => {
		const { db, owner, mapId } = await setUp();
		const readable = await getReadableMap(db, mapId, owner);
		const { version, mine, ...rest } = readable ?? { version: 0, mine: false };
		expect(mine).toBe(true);
		expect(readMapJson(JSON.parse((await getReadableMapJson(db, mapId, owner)) ?? 'null'))).toEqual(
			{
				...rest,
				revision: version
			}
		);
	});

	it("gives the page the map's head: everything but the document and the text", async () => {
		const { db, owner, mapId } = await setUp();
		const { map, commentary, ...head } = (await getReadableMap(db, mapId, owner))!;
		const { body, ...commentaryHead } = commentary;
		expect(map.statements.length).toBeGreaterThan(0);
		expect(body.length).toBeGreaterThan(0);
		expect(await getMapHead(db, mapId, owner)).toEqual({ ...head, commentary: commentaryHead });
	});

	it('gives nothing to a user who may not read the map', async () => {
		const { db, stranger, mapId } = await setUp();
		expect(await getReadableMapJson(db, mapId, stranger)).toBeUndefined();
		expect(await getMapHead(db, mapId, stranger)).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { validateCommentary } from '$lib/commentary/rules';
import {
	countMapsOfCommentary,
	createCommentary,
	deleteCommentary,
	getReadableCommentary,
	listReadableCommentaries,
	updateCommentary
} from '$lib/server/commentaries';
import {
	createMap,
	deleteMap,
	duplicateMap,
	getReadableMap,
	listOwnMaps,
	renameMap,
	saveMap
} from '$lib/server/maps';
import { createTestUser, useTestDatabase } from './helpers';

const TEXT = 'Die Waffenruhe hält nicht. Denn niemand traut dem anderen.';

const MAP: ArgumentMap = {
	statements: [
		{
			id: 'claim',
			text: 'Die Waffenruhe hält nicht.',
			role: 'main_claim',
			implicit: false,
			anchors: [{ start: 0, end: 26, quote: 'Die Waffenruhe hält nicht.' }],
			note: ''
		},
		{
			id: 'reason',
			text: 'Niemand traut dem anderen.',
			role: 'premise',
			implicit: false,
			anchors: [{ start: 33, end: 58, quote: 'niemand traut dem anderen' }],
			note: ''
		}
	],
	relations: [{ id: 'r1', kind: 'support', premiseIds: ['reason'], conclusionId: 'claim' }]
};

function clean(body = TEXT, title = 'Waffenruhe') {
	const valid = validateCommentary({
		title,
		author: 'A. Autorin',
		outlet: 'Zeitung',
		publishedOn: '2016-10-20',
		sourceUrl: 'https://example.org/kommentar',
		language: 'de',
		body
	});
	if (!valid.ok) throw new Error(valid.code);
	return valid.value;
}

describe('maps', () => {
	const database = useTestDatabase();

	async function setUp() {
		const { db } = database();
		const owner = await createTestUser(db, 'anna');
		const other = await createTestUser(db, 'ben');
		const commentaryId = await createCommentary(db, owner, clean());
		const mapId = await createMap(db, { ownerId: owner, commentaryId, title: 'Meine Karte' });
		return { db, owner, other, commentaryId, mapId };
	}

	it('saves a map, and a reload returns exactly what was saved with the next revision', async () => {
		const { db, owner, mapId } = await setUp();
		const saved = await saveMap(db, owner, mapId, 1, MAP);
		expect(saved).toEqual({ ok: true, version: 2 });
		const reloaded = await getReadableMap(db, mapId, owner);
		expect(reloaded?.map).toEqual(MAP);
		expect(reloaded?.version).toBe(2);
		const [summary] = await listOwnMaps(db, owner);
		expect(summary).toMatchObject({ id: mapId, statementCount: 2, relationCount: 1 });
	});

	it('refuses a save based on an outdated revision and keeps the newer one', async () => {
		const { db, owner, mapId } = await setUp();
		expect((await saveMap(db, owner, mapId, 1, MAP)).ok).toBe(true);
		const stale = await saveMap(db, owner, mapId, 1, { statements: [], relations: [] });
		expect(stale).toEqual({ ok: false, code: 'version_conflict', currentVersion: 2 });
		expect((await getReadableMap(db, mapId, owner))?.map).toEqual(MAP);
	});

	it('two saves racing from the same revision: exactly one wins', async () => {
		const { db, owner, mapId } = await setUp();
		const results = await Promise.all([
			saveMap(db, owner, mapId, 1, MAP),
			saveMap(db, owner, mapId, 1, { statements: [], relations: [] })
		]);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(
			results.filter((result) => !result.ok && result.code === 'version_conflict')
		).toHaveLength(1);
	});

	it("keeps other people's maps private: not readable, not saveable, not renameable, not deletable", async () => {
		const { db, other, mapId } = await setUp();
		expect(await getReadableMap(db, mapId, other)).toBeUndefined();
		expect(await getReadableMap(db, mapId, null)).toBeUndefined();
		expect(await saveMap(db, other, mapId, 1, MAP)).toEqual({ ok: false, code: 'not_found' });
		expect(await renameMap(db, other, mapId, 'gekapert')).toBe(false);
		expect(await deleteMap(db, other, mapId)).toBe(false);
		expect(await duplicateMap(db, other, mapId, 'Kopie')).toBeUndefined();
	});

	it('duplicates, renames and deletes the owner’s map', async () => {
		const { db, owner, mapId } = await setUp();
		await saveMap(db, owner, mapId, 1, MAP);
		const copyId = await duplicateMap(db, owner, mapId, 'Kopie von Meine Karte');
		expect(copyId).toBeDefined();
		expect((await getReadableMap(db, copyId!, owner))?.map).toEqual(MAP);
		expect(await renameMap(db, owner, mapId, 'Neuer Name')).toBe(true);
		expect(await deleteMap(db, owner, mapId)).toBe(true);
		expect((await listOwnMaps(db, owner)).map((m) => m.title)).toEqual(['Kopie von Meine Karte']);
	});
});

describe('commentaries', () => {
	const database = useTestDatabase();

	it('freezes a text that maps refer to: a changed text becomes a new version', async () => {
		const { db } = database();
		const owner = await createTestUser(db, 'carla');
		const id = await createCommentary(db, owner, clean());
		const mapId = await createMap(db, { ownerId: owner, commentaryId: id, title: 'Karte' });
		await saveMap(db, owner, mapId, 1, MAP);

		const retitled = await updateCommentary(db, owner, id, clean(TEXT, 'Neuer Titel'));
		expect(retitled).toEqual({ ok: true, id, newVersion: false });

		const edited = await updateCommentary(db, owner, id, clean(`${TEXT} Nachtrag.`));
		expect(edited.ok && edited.newVersion).toBe(true);
		const newId = edited.ok ? edited.id : '';
		expect(newId).not.toBe(id);
		expect((await getReadableCommentary(db, id, owner))?.body).toBe(TEXT);
		expect((await getReadableCommentary(db, newId, owner))?.previousVersionId).toBe(id);
		expect((await getReadableMap(db, mapId, owner))?.commentary.body).toBe(TEXT);
	});

	it('edits the text in place while no map refers to it', async () => {
		const { db } = database();
		const owner = await createTestUser(db, 'dora');
		const id = await createCommentary(db, owner, clean());
		const edited = await updateCommentary(db, owner, id, clean('Ganz neuer Text.'));
		expect(edited).toEqual({ ok: true, id, newVersion: false });
		expect((await getReadableCommentary(db, id, owner))?.body).toBe('Ganz neuer Text.');
	});

	it('deleting a commentary takes its maps with it, and only its owner can delete it', async () => {
		const { db } = database();
		const owner = await createTestUser(db, 'emil');
		const other = await createTestUser(db, 'frida');
		const id = await createCommentary(db, owner, clean());
		await createMap(db, { ownerId: owner, commentaryId: id, title: 'A' });
		await createMap(db, { ownerId: owner, commentaryId: id, title: 'B' });
		expect(await countMapsOfCommentary(db, id)).toBe(2);
		expect(await deleteCommentary(db, other, id)).toEqual({ ok: false, code: 'not_found' });
		expect(await deleteCommentary(db, owner, id)).toEqual({ ok: true });
		expect(await countMapsOfCommentary(db, id)).toBe(0);
		expect(await listOwnMaps(db, owner)).toEqual([]);
	});

	it('searches title and author case-insensitively, Unicode included', async () => {
		const { db } = database();
		const owner = await createTestUser(db, 'gustav');
		await createCommentary(db, owner, clean(TEXT, 'Über die Waffenruhe'));
		await createCommentary(db, owner, clean(TEXT, 'Something else'));
		const found = await listReadableCommentaries(db, owner, 'üBER');
		expect(found.map((c) => c.title)).toEqual(['Über die Waffenruhe']);
		expect(await listReadableCommentaries(db, owner, 'autorin')).toHaveLength(2);
	});
});

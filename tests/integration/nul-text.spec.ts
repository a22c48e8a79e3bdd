import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { validateCommentary } from '$lib/commentary/rules';
import { exportArgumapJson } from '$lib/interchange/argumap-json';
import type { InterchangeCommentary } from '$lib/interchange/types';
import { createCommentary } from '$lib/server/commentaries';
import { importMapForUser } from '$lib/server/map-import';
import { getReadableMap } from '$lib/server/maps';
import { COMMENTARY_BODY, createTestUser, TEST_MAP, useTestDatabase } from './helpers';

const NUL = '\u0000';

/** An Argumap JSON file of TEST_MAP on `body`, its statements ending in U+0000. */
function argumapFile(
	title: string,
	commentary: Partial<InterchangeCommentary>,
	body: string,
	quoteIn: (quote: string) => string = (quote) => quote
) {
	const map: ArgumentMap = {
		...TEST_MAP,
		statements: TEST_MAP.statements.map((statement) => ({
			...statement,
			text: `${statement.text}${NUL}`,
			anchors: statement.anchors.map((anchor) => {
				const quote = quoteIn(anchor.quote);
				const start = body.indexOf(quote);
				return { start, end: start + quote.length, quote };
			})
		}))
	};
	return exportArgumapJson({
		title,
		commentary: {
			title: 'Kommentar',
			author: '',
			outlet: '',
			language: 'en',
			publishedOn: null,
			sourceUrl: null,
			body,
			...commentary
		},
		map
	});
}

// SQLite stores U+0000; PostgreSQL refuses it in text columns (a 500 before it was removed).
describe('user text with U+0000', () => {
	const testDb = useTestDatabase();

	it('is saved without it in a commentary', async () => {
		const { db } = testDb();
		const owner = await createTestUser(db, 'anna');
		const valid = validateCommentary({
			title: `Waffen${NUL}ruhe`,
			author: `Jane${NUL}`,
			outlet: '',
			publishedOn: '',
			sourceUrl: '',
			language: 'en',
			body: `${COMMENTARY_BODY}${NUL}`
		});
		if (!valid.ok) throw new Error(valid.code);
		const id = await createCommentary(db, owner, valid.value);
		const stored = await db
			.selectFrom('commentaries')
			.select(['title', 'author', 'body'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored).toEqual({ title: 'Waffenruhe', author: 'Jane', body: COMMENTARY_BODY });
	});

	it('is dropped from an imported file, whose anchors are found again in the cleaned text', async () => {
		const { db } = testDb();
		const owner = await createTestUser(db, 'anna');
		const file = argumapFile(
			`Karte${NUL}`,
			{ title: `Kommentar${NUL}`, author: `Jane${NUL}` },
			`${NUL}${COMMENTARY_BODY}`
		);
		const imported = await importMapForUser(db, owner, 'map.argumap.json', file, 'auto');
		if (!imported.ok) throw new Error(imported.error.code);
		const map = await getReadableMap(db, imported.mapId, owner);
		expect(map?.title).toBe('Karte');
		expect(map?.commentary).toMatchObject({ title: 'Kommentar', body: COMMENTARY_BODY });
		expect(map?.map.statements.map((statement) => statement.anchors)).toEqual(
			TEST_MAP.statements.map((statement) => statement.anchors)
		);
	});

	it('in a quoted passage refuses the import: removing it would move the anchor', async () => {
		const { db } = testDb();
		const owner = await createTestUser(db, 'anna');
		const withNul = (text: string) => text.replace('ceasefire', `cease${NUL}fire`);
		const file = argumapFile('Karte', {}, withNul(COMMENTARY_BODY), withNul);
		expect(await importMapForUser(db, owner, 'map.argumap.json', file, 'auto')).toMatchObject({
			ok: false,
			error: { code: 'import_invalid_document' }
		});
	});
});

import { normaliseCommentaryText } from '$lib/commentary/rules';
import type { AppDatabase } from '../db';
import { randomId } from '../id';
import { createMap } from '../maps';
import aleppoCommentary from './aleppo-feuerpause-kommentar.de.txt?raw';
import { buildExampleMap } from './example-map';

export const EXAMPLE_COMMENTARY_SEED_KEY = 'example:aleppo-feuerpause';
export const EXAMPLE_MAP_SEED_KEY = 'example:aleppo-feuerpause:map';

/** Seeds the public example commentary and its map once; safe to call at every start-up. */
export async function seedExampleContent(db: AppDatabase, now = Date.now()): Promise<void> {
	const body = normaliseCommentaryText(aleppoCommentary);
	await db
		.insertInto('commentaries')
		.values({
			id: randomId(),
			ownerId: null,
			// The source text has no headline; this title describes it rather than inventing one.
			title: 'Feuerpause in Aleppo – Kommentar',
			author: 'Matthias Schiermeyer',
			outlet: 'Stuttgarter Zeitung',
			publishedOn: null,
			sourceUrl: null,
			language: 'de',
			body,
			visibility: 'public',
			seedKey: EXAMPLE_COMMENTARY_SEED_KEY,
			createdAt: now,
			updatedAt: now
		})
		.onConflict((oc) => oc.column('seedKey').doNothing())
		.execute();

	const hasMap = await db
		.selectFrom('maps')
		.select('id')
		.where('seedKey', '=', EXAMPLE_MAP_SEED_KEY)
		.executeTakeFirst();
	if (hasMap) return;
	const commentary = await db
		.selectFrom('commentaries')
		.select(['id', 'body'])
		.where('seedKey', '=', EXAMPLE_COMMENTARY_SEED_KEY)
		.executeTakeFirstOrThrow();
	await createMap(
		db,
		{
			ownerId: null,
			commentaryId: commentary.id,
			title: 'Beispielkarte: Feuerpause in Aleppo',
			map: buildExampleMap(commentary.body),
			visibility: 'public',
			seedKey: EXAMPLE_MAP_SEED_KEY
		},
		now
	);
}

import type { AppDatabase } from '../db';
import { randomId } from '../id';
import aleppoCommentary from './aleppo-feuerpause-kommentar.de.txt?raw';

export const EXAMPLE_COMMENTARY_SEED_KEY = 'example:aleppo-feuerpause';

/** Seeds the public example content once; safe to call at every start-up. */
export async function seedExampleContent(db: AppDatabase, now = Date.now()): Promise<void> {
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
			body: aleppoCommentary.trim(),
			visibility: 'public',
			seedKey: EXAMPLE_COMMENTARY_SEED_KEY,
			createdAt: now,
			updatedAt: now
		})
		.onConflict((oc) => oc.column('seedKey').doNothing())
		.execute();
}

import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../../../db/migrations';
import type { Database } from './schema';

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((result) => result.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
	}
	return (results ?? []).map((result) => result.migrationName);
}

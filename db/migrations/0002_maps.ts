import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	// Editing the text of a commentary that maps refer to makes a new version; the old one stays.
	await db.schema
		.alterTable('commentaries')
		.addColumn('previous_version_id', 'text', (c) =>
			c.references('commentaries.id').onDelete('set null')
		)
		.execute();

	await db.schema
		.createTable('maps')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('commentary_id', 'text', (c) =>
			c.notNull().references('commentaries.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		// The whole argument map as one JSON document: saved in one statement, read in one query.
		.addColumn('document', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('statement_count', 'integer', (c) => c.notNull())
		.addColumn('relation_count', 'integer', (c) => c.notNull())
		.addColumn('visibility', 'text', (c) => c.notNull())
		.addColumn('seed_key', 'text', (c) => c.unique())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('maps_owner_id').on('maps').column('owner_id').execute();
	await db.schema.createIndex('maps_commentary_id').on('maps').column('commentary_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('maps').execute();
	await db.schema.alterTable('commentaries').dropColumn('previous_version_id').execute();
}

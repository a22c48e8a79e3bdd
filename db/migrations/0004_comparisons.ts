import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	// A saved side-by-side comparison of two maps; it goes when either map or its owner goes.
	await db.schema
		.createTable('comparisons')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('map_id_a', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
		.addColumn('map_id_b', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('comparisons_owner_id')
		.on('comparisons')
		.column('owner_id')
		.execute();
	await db.schema
		.createIndex('comparisons_map_id_a')
		.on('comparisons')
		.column('map_id_a')
		.execute();
	await db.schema
		.createIndex('comparisons_map_id_b')
		.on('comparisons')
		.column('map_id_b')
		.execute();

	// Statement ids point into the two maps' documents; the position keeps the links' numbering.
	await db.schema
		.createTable('comparison_links')
		.addColumn('comparison_id', 'text', (c) =>
			c.notNull().references('comparisons.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('statement_id_a', 'text', (c) => c.notNull())
		.addColumn('statement_id_b', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('direction', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('comparison_links_pk', ['comparison_id', 'position'])
		.execute();

	// Comparisons are shared like maps: with a class, or by read-only link.
	await db.schema
		.alterTable('class_shares')
		.addColumn('comparison_id', 'text', (c) => c.references('comparisons.id').onDelete('cascade'))
		.execute();
	await db.schema
		.createIndex('class_shares_comparison')
		.on('class_shares')
		.columns(['class_id', 'comparison_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('class_shares_comparison_id')
		.on('class_shares')
		.column('comparison_id')
		.execute();
	await db.schema
		.alterTable('share_links')
		.addColumn('comparison_id', 'text', (c) => c.references('comparisons.id').onDelete('cascade'))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('class_shares_comparison_id').execute();
	await db.schema.dropIndex('class_shares_comparison').execute();
	await db.schema.alterTable('share_links').dropColumn('comparison_id').execute();
	await db.schema.alterTable('class_shares').dropColumn('comparison_id').execute();
	await db.schema.dropTable('comparison_links').execute();
	await db.schema.dropTable('comparisons').execute();
}

import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they must keep working after the Database type moves on.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('username', 'text', (c) => c.notNull())
		.addColumn('username_key', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('email', 'text')
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('throttles')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('window_started_at', 'bigint', (c) => c.notNull())
		.addColumn('blocked_until', 'bigint')
		.execute();

	await db.schema
		.createTable('commentaries')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('author', 'text', (c) => c.notNull())
		.addColumn('outlet', 'text', (c) => c.notNull())
		.addColumn('published_on', 'text')
		.addColumn('source_url', 'text')
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('visibility', 'text', (c) => c.notNull())
		.addColumn('seed_key', 'text', (c) => c.unique())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('commentaries_owner_id')
		.on('commentaries')
		.column('owner_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['commentaries', 'throttles', 'sessions', 'users']) {
		await db.schema.dropTable(table).execute();
	}
}

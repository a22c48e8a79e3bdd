import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('classes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('join_code', 'text', (c) => c.notNull().unique())
		// 0 or 1: an integer is a boolean on SQLite and PostgreSQL alike.
		.addColumn('join_open', 'integer', (c) => c.notNull())
		.addColumn('archived_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	// Roles live on the membership: a teacher of one class is a student of another.
	await db.schema
		.createTable('class_members')
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('joined_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('class_members_pk', ['class_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('class_members_user_id')
		.on('class_members')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('class_shares')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('commentary_id', 'text', (c) => c.references('commentaries.id').onDelete('cascade'))
		.addColumn('map_id', 'text', (c) => c.references('maps.id').onDelete('cascade'))
		.addColumn('shared_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('class_shares_commentary', ['class_id', 'commentary_id'])
		.addUniqueConstraint('class_shares_map', ['class_id', 'map_id'])
		.execute();
	await db.schema.createIndex('class_shares_map_id').on('class_shares').column('map_id').execute();
	await db.schema
		.createIndex('class_shares_commentary_id')
		.on('class_shares')
		.column('commentary_id')
		.execute();

	await db.schema
		.createTable('share_links')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// SHA-256 of the token in the link: a copy of the database does not open any link.
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('commentary_id', 'text', (c) => c.references('commentaries.id').onDelete('cascade'))
		.addColumn('map_id', 'text', (c) => c.references('maps.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('revoked_at', 'bigint')
		.execute();

	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('commentary_id', 'text', (c) =>
			c.notNull().references('commentaries.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('instructions', 'text', (c) => c.notNull())
		.addColumn('due_at', 'bigint')
		// A copy of the starting map taken when the assignment is set, so later edits to the
		// teacher's map do not change what students start from.
		.addColumn('starting_document', 'text')
		.addColumn('reference_map_id', 'text', (c) => c.references('maps.id').onDelete('set null'))
		.addColumn('reference_released_at', 'bigint')
		.addColumn('suggestions_allowed', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('assignments_class_id')
		.on('assignments')
		.column('class_id')
		.execute();

	// A student's own map for an assignment, and where it stands.
	await db.schema
		.createTable('assignment_maps')
		.addColumn('assignment_id', 'text', (c) =>
			c.notNull().references('assignments.id').onDelete('cascade')
		)
		.addColumn('student_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('map_id', 'text', (c) =>
			c.notNull().unique().references('maps.id').onDelete('cascade')
		)
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'bigint')
		.addColumn('returned_at', 'bigint')
		.addColumn('feedback', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assignment_maps_pk', ['assignment_id', 'student_id'])
		.execute();

	await db.schema
		.createTable('comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('target_kind', 'text', (c) => c.notNull())
		.addColumn('target_id', 'text')
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('comments_map_id').on('comments').column('map_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'comments',
		'assignment_maps',
		'assignments',
		'share_links',
		'class_shares',
		'class_members',
		'classes'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

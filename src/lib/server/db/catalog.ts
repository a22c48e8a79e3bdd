import { sql, type QueryExecutorProvider } from 'kysely';
import { databaseKind } from './dialect';

// The schema as the database itself describes it, on SQLite and PostgreSQL alike: for tools that
// must cover every table (the data copy, the privacy tests) without a list that could go stale.
// Names are the tables' and columns' own (snake_case).

export interface ForeignKey {
	/** The column of this table… */
	from: string;
	/** …that refers to this table's… */
	table: string;
	/** …column. */
	to: string;
}

/** The app's tables, by name, including Kysely's migration bookkeeping. */
export async function listTables(db: QueryExecutorProvider): Promise<string[]> {
	const query =
		databaseKind(db) === 'postgres'
			? sql<{ name: string }>`
				SELECT table_name AS name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
				ORDER BY table_name`
			: sql<{ name: string }>`
				SELECT name FROM sqlite_master
				WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`;
	const { rows } = await query.execute(db);
	return rows.map((row) => row.name);
}

/** The table's columns, in the order they were made. */
export async function listColumns(db: QueryExecutorProvider, table: string): Promise<string[]> {
	const query =
		databaseKind(db) === 'postgres'
			? sql<{ name: string }>`
				SELECT column_name AS name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = ${table}
				ORDER BY ordinal_position`
			: sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) ORDER BY cid`;
	const { rows } = await query.execute(db);
	return rows.map((row) => row.name);
}

export async function listForeignKeys(
	db: QueryExecutorProvider,
	table: string
): Promise<ForeignKey[]> {
	const query =
		databaseKind(db) === 'postgres'
			? sql<ForeignKey>`
				SELECT source.attname AS "from", target_table.relname AS "table", target.attname AS "to"
				FROM pg_constraint AS c
				JOIN pg_class AS source_table ON source_table.oid = c.conrelid
				JOIN pg_class AS target_table ON target_table.oid = c.confrelid
				CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(source_column, target_column)
				JOIN pg_attribute AS source
					ON source.attrelid = c.conrelid AND source.attnum = k.source_column
				JOIN pg_attribute AS target
					ON target.attrelid = c.confrelid AND target.attnum = k.target_column
				WHERE c.contype = 'f' AND source_table.relname = ${table}
					AND source_table.relnamespace = current_schema()::regnamespace
				ORDER BY c.conname, source.attnum`
			: sql<ForeignKey>`SELECT "from", "table", "to" FROM pragma_foreign_key_list(${table})`;
	const { rows } = await query.execute(db);
	return rows;
}

/** The columns of the table's primary key, in key order. */
export async function listPrimaryKey(db: QueryExecutorProvider, table: string): Promise<string[]> {
	const query =
		databaseKind(db) === 'postgres'
			? sql<{ name: string }>`
				SELECT a.attname AS name
				FROM pg_index AS i
				JOIN pg_class AS t ON t.oid = i.indrelid
				JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
				WHERE i.indisprimary AND t.relname = ${table}
					AND t.relnamespace = current_schema()::regnamespace
				ORDER BY array_position(i.indkey::int2[], a.attnum)`
			: sql<{ name: string }>`
				SELECT name FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`;
	const { rows } = await query.execute(db);
	return rows.map((row) => row.name);
}

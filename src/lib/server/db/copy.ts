import { sql, type Kysely } from 'kysely';
import { migrations } from '../../../../db/migrations';
import {
	listColumns,
	listForeignKeys,
	listPrimaryKey,
	listTables,
	type ForeignKey
} from './catalog';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

/** Tables and columns by their own names; the copy reads and writes rows as they are stored. */
type AnyTables = Record<string, Record<string, unknown>>;

export class CopyError extends Error {
	constructor(
		message: string,
		readonly reason: 'source_not_migrated' | 'target_not_empty' | 'count_mismatch' | 'schema'
	) {
		super(message);
	}
}

export interface TableCount {
	table: string;
	source: number;
	target: number;
}

export interface CopyOptions {
	/** Empty a target that already holds rows instead of refusing. */
	replace?: boolean;
	/** Rows per INSERT: maps carry their whole document, so batches stay small. */
	batchSize?: number;
	onTable?: (count: TableCount) => void;
}

function raw(db: Kysely<Database>): Kysely<AnyTables> {
	return db.withoutPlugins() as unknown as Kysely<AnyTables>;
}

/** Kysely's own bookkeeping: the target's comes from migrating it, not from the copy. */
function isAppTable(table: string) {
	return !table.startsWith('kysely_');
}

async function countRows(db: Kysely<AnyTables>, table: string): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/**
 * Tables ordered so that every table comes after the tables it refers to; references of a table
 * to itself (a commentary's previous version) are filled in after its rows are in.
 */
export function orderByForeignKeys(tables: Map<string, ForeignKey[]>): string[] {
	const ordered: string[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (table: string, path: string[]) => {
		if (state.get(table) === 'done') return;
		if (state.get(table) === 'visiting') {
			throw new CopyError(`Foreign keys form a cycle: ${[...path, table].join(' → ')}`, 'schema');
		}
		state.set(table, 'visiting');
		for (const key of tables.get(table) ?? []) {
			if (key.table !== table && tables.has(key.table)) visit(key.table, [...path, table]);
		}
		state.set(table, 'done');
		ordered.push(table);
	};
	for (const table of [...tables.keys()].sort()) visit(table, []);
	return ordered;
}

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
	if (!(await listTables(db)).includes('kysely_migration')) return [];
	const rows = await raw(db).selectFrom('kysely_migration').select('name').execute();
	return rows.map((row) => String(row.name));
}

/**
 * Copies every row of `source` into `target` (migrated first), table by table in foreign-key
 * order, in batches, in one transaction on the target, then compares the row counts of every
 * table; a difference rolls the whole copy back. The source must be at the latest migration
 * (start the app or run `npm run db:migrate` on it first) and is only read.
 */
export async function copyDatabase(
	source: Kysely<Database>,
	target: Kysely<Database>,
	options: CopyOptions = {}
): Promise<TableCount[]> {
	const batchSize = options.batchSize ?? 200;
	const applied = new Set(await appliedMigrations(source));
	const behind = Object.keys(migrations).filter((name) => !applied.has(name));
	if (behind.length > 0) {
		throw new CopyError(
			`The source lacks migrations ${behind.join(', ')}: run npm run db:migrate on it first`,
			'source_not_migrated'
		);
	}
	await migrateToLatest(target);

	const tables = (await listTables(source)).filter(isAppTable);
	const targetTables = new Set((await listTables(target)).filter(isAppTable));
	const unknown = tables.filter((table) => !targetTables.has(table));
	if (unknown.length > 0) {
		throw new CopyError(`The target has no table ${unknown.join(', ')}`, 'schema');
	}
	const keys = new Map<string, ForeignKey[]>();
	for (const table of tables) keys.set(table, await listForeignKeys(source, table));
	const order = orderByForeignKeys(keys);

	return raw(target)
		.transaction()
		.execute(async (trx) => {
			const filled: string[] = [];
			for (const table of order) {
				if ((await countRows(trx, table)) > 0) filled.push(table);
			}
			if (filled.length > 0 && !options.replace) {
				throw new CopyError(
					`The target already holds data (${filled.join(', ')}); add --replace to overwrite it`,
					'target_not_empty'
				);
			}
			for (const table of [...order].reverse()) await trx.deleteFrom(table).execute();

			const counts: TableCount[] = [];
			for (const table of order) {
				await copyTable(raw(source), trx, table, keys.get(table) ?? [], batchSize);
				const count = {
					table,
					source: await countRows(raw(source), table),
					target: await countRows(trx, table)
				};
				counts.push(count);
				options.onTable?.(count);
			}
			const wrong = counts.filter((count) => count.source !== count.target);
			if (wrong.length > 0) {
				throw new CopyError(
					`Row counts differ: ${wrong.map((c) => `${c.table} ${c.source} → ${c.target}`).join(', ')}`,
					'count_mismatch'
				);
			}
			return counts;
		});
}

async function copyTable(
	source: Kysely<AnyTables>,
	target: Kysely<AnyTables>,
	table: string,
	keys: ForeignKey[],
	batchSize: number
) {
	const primaryKey = await listPrimaryKey(source, table);
	const order = primaryKey.length > 0 ? primaryKey : await listColumns(source, table);
	// A row may refer to a row of its own table that comes later: those columns are set after.
	const selfReferences = keys.filter((key) => key.table === table);
	const later: { row: Record<string, unknown>; values: Record<string, unknown> }[] = [];
	for (let offset = 0; ; offset += batchSize) {
		let query = source.selectFrom(table).selectAll();
		for (const column of order) query = query.orderBy(sql.ref(column));
		const rows = (await query.limit(batchSize).offset(offset).execute()) as Record<
			string,
			unknown
		>[];
		if (rows.length === 0) break;
		const inserted = rows.map((row) => {
			const copy = { ...row };
			const deferred: Record<string, unknown> = {};
			for (const key of selfReferences) {
				if (copy[key.from] !== null) {
					deferred[key.from] = copy[key.from];
					copy[key.from] = null;
				}
			}
			if (Object.keys(deferred).length > 0) later.push({ row, values: deferred });
			return copy;
		});
		await target.insertInto(table).values(inserted).execute();
		if (rows.length < batchSize) break;
	}
	for (const { row, values } of later) {
		let update = target.updateTable(table).set(values);
		for (const column of order) update = update.where(sql.ref(column), '=', row[column]);
		await update.execute();
	}
}

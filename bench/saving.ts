// Part 5: saving a 1,000-statement map as the autosave endpoint does (read the text, validate
// the document, one versioned UPDATE) against a raw better-sqlite3 transaction inserting 1,000
// rows into the same database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createMapDocument, parseMapDocument, type Relation } from '../src/lib/argument';
import { openDatabase } from '../src/lib/server/db/connection';
import { getEditableMapText, saveMap } from '../src/lib/server/maps';
import { generateMap } from './generate';
import { seedDatabase } from './seed';
import { abba, median, row, timeMs, type Row } from './stats';

const SIZE = 1000;
/**
 * Saves before timing: the server saves all day, but the first saves in a process run cold code
 * (after one save, ours took 40, 25, 18, 18, 11 ms, then about 10; the raw insert about 10 from
 * the first).
 */
const WARM_UP_SAVES = 5;
/** A save takes about 10 ms and WAL checkpoints land on either side: many cheap rounds. */
const ROUNDS_FACTOR = 5;

export async function benchSaving(rounds: number): Promise<Row[]> {
	const dir = mkdtempSync(join(tmpdir(), 'argumap-bench-save-'));
	const path = join(dir, 'bench.db');
	try {
		const seeded = await seedDatabase(path, [SIZE], 0);
		const mapId = seeded.maps[0]?.unplacedId ?? '';
		const db = openDatabase(path);
		// What the browser sends: the whole document as JSON.
		const body = JSON.stringify(createMapDocument(generateMap(SIZE).map));
		let version = 1;
		const ours = async () => {
			const text = await getEditableMapText(db, mapId, seeded.userId);
			if (text === undefined) throw new Error('map not editable');
			const parsed = parseMapDocument(JSON.parse(body), { textLength: text.length });
			if (!parsed.ok) throw new Error(`invalid document: ${parsed.issues[0]?.code}`);
			const saved = await saveMap(db, seeded.userId, mapId, version, parsed.document.map);
			if (!saved.ok) throw new Error(`save failed: ${saved.code}`);
			version = saved.version;
		};
		const raw = new SQLite(path);
		raw.pragma('journal_mode = WAL');
		raw.pragma('synchronous = FULL');
		raw.pragma('secure_delete = ON');
		const map = generateMap(SIZE).map;
		// The narrow baseline of earlier runs: a few short columns per statement, which leaves
		// out the anchors (quotes of the text), notes and relations a save must store.
		raw.exec(
			'CREATE TABLE bench_statements (map_id TEXT, id TEXT, text TEXT, role TEXT, x REAL, y REAL, PRIMARY KEY (map_id, id))'
		);
		const removeNarrow = raw.prepare('DELETE FROM bench_statements WHERE map_id = ?');
		const insertNarrow = raw.prepare('INSERT INTO bench_statements VALUES (?, ?, ?, ?, ?, ?)');
		const narrowSave = raw.transaction(() => {
			removeNarrow.run('m');
			for (const s of map.statements) insertNarrow.run('m', s.id, s.text, s.role, 0, 0);
		});
		// The same content as the document, one row per statement: its anchors, and the supports
		// it concludes and the attacks it makes, as JSON columns.
		raw.exec(
			'CREATE TABLE bench_full_statements (map_id TEXT, id TEXT, text TEXT, role TEXT, implicit INTEGER, anchors TEXT, note TEXT, x REAL, y REAL, relations TEXT, PRIMARY KEY (map_id, id))'
		);
		const relationsOf = new Map<string, Relation[]>();
		for (const relation of map.relations) {
			const holder = relation.kind === 'support' ? relation.conclusionId : relation.attackerId;
			relationsOf.set(holder, [...(relationsOf.get(holder) ?? []), relation]);
		}
		const removeFull = raw.prepare('DELETE FROM bench_full_statements WHERE map_id = ?');
		const insertFull = raw.prepare(
			'INSERT INTO bench_full_statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		);
		const fullSave = raw.transaction(() => {
			removeFull.run('m');
			for (const s of map.statements) {
				insertFull.run(
					'm',
					s.id,
					s.text,
					s.role,
					s.implicit ? 1 : 0,
					JSON.stringify(s.anchors),
					s.note,
					s.position?.x ?? 0,
					s.position?.y ?? 0,
					JSON.stringify(relationsOf.get(s.id) ?? [])
				);
			}
		});
		for (let save = 0; save < WARM_UP_SAVES; save++) {
			await ours();
			narrowSave();
			fullSave();
		}
		const runs = await abba(
			rounds * ROUNDS_FACTOR,
			() => timeMs(ours),
			() => timeMs(() => fullSave())
		);
		const narrowRuns = await abba(
			rounds * ROUNDS_FACTOR,
			() => timeMs(ours),
			() => timeMs(() => narrowSave())
		);
		raw.close();
		await db.destroy();
		return [
			row(
				'5 saving',
				`${SIZE}-statement map (validate + versioned UPDATE) vs raw ${SIZE}-row insert of the same content`,
				median(runs.a),
				median(runs.b),
				'ms',
				{ text: '≤ 2×', met: (ratio) => ratio <= 2 }
			),
			row(
				'5 saving',
				`the same vs raw ${SIZE}-row insert of id, text and role only (earlier baseline)`,
				median(narrowRuns.a),
				median(narrowRuns.b),
				'ms'
			)
		];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

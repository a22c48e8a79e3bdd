// Part 5: saving a 1,000-statement map as the autosave endpoint does (read the text, validate
// the document, one versioned UPDATE) against a raw better-sqlite3 transaction inserting 1,000
// rows into the same database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createMapDocument, parseMapDocument } from '../src/lib/argument';
import { openDatabase } from '../src/lib/server/db/connection';
import { getEditableMapText, saveMap } from '../src/lib/server/maps';
import { generateMap } from './generate';
import { seedDatabase } from './seed';
import { abba, median, row, timeMs, type Row } from './stats';

const SIZE = 1000;

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
		// The app's connection zeroes deleted pages (src/lib/server/db/connection.ts): so does this one.
		raw.pragma('secure_delete = ON');
		raw.exec(
			'CREATE TABLE bench_statements (map_id TEXT, id TEXT, text TEXT, role TEXT, x REAL, y REAL, PRIMARY KEY (map_id, id))'
		);
		const statements = generateMap(SIZE).map.statements;
		const remove = raw.prepare('DELETE FROM bench_statements WHERE map_id = ?');
		const insert = raw.prepare('INSERT INTO bench_statements VALUES (?, ?, ?, ?, ?, ?)');
		const rawSave = raw.transaction(() => {
			remove.run('m');
			for (const s of statements) insert.run('m', s.id, s.text, s.role, 0, 0);
		});
		await ours();
		rawSave();
		const runs = await abba(
			rounds,
			() => timeMs(ours),
			() => timeMs(() => rawSave())
		);
		raw.close();
		await db.destroy();
		return [
			row(
				'5 saving',
				`${SIZE}-statement map (validate + versioned UPDATE) vs raw ${SIZE}-row insert transaction`,
				median(runs.a),
				median(runs.b),
				'ms',
				{ text: '≤ 2×', met: (ratio) => ratio <= 2 }
			)
		];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

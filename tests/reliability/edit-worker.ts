// A writer for the crash and backup tests: applies numbered edits to one map through the real
// data layer and acknowledges each on stdout after its transaction has committed.
// Usage: edit-worker <database> <userId> <mapId> <first edit number>
import type { ArgumentMap } from '../../src/lib/argument';
import { addComment } from '../../src/lib/server/comments';
import { openDatabase } from '../../src/lib/server/db/connection';
import { saveMap } from '../../src/lib/server/maps';
import { editedMap } from './edits';

const [path, userId, mapId, first] = process.argv.slice(2);
if (!path || !userId || !mapId || !first) {
	console.error('usage: edit-worker <database> <userId> <mapId> <first edit>');
	process.exit(1);
}
const db = openDatabase(path);

async function applyEdit(edit: number, map: ArgumentMap) {
	await db.transaction().execute(async (trx) => {
		// Edit n turns version n into n + 1 (a new map starts at version 1).
		const saved = await saveMap(trx, userId!, mapId!, edit, map);
		if (!saved.ok) throw new Error(`edit ${edit}: ${JSON.stringify(saved)}`);
		await addComment(trx, mapId!, userId!, { kind: 'map', id: null }, `edit ${edit}`);
	});
}

for (let edit = Number(first); ; edit++) {
	await applyEdit(edit, editedMap(edit));
	// Pipes are written synchronously on Linux: once this returns, the parent will read it.
	process.stdout.write(`${edit}\n`);
}

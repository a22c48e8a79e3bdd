import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { KILLS, reportFigure } from './counts';
import { bundleEditWorker, exited, startEditWorker } from './processes';
import { consistencyProblems, readEdits, seedDatabase } from './seed';

/** A small deterministic generator (mulberry32), so a failing run can be repeated by its seed. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('crashes', () => {
	it(`a writer killed with SIGKILL ${KILLS} times at random moments loses no acknowledged edit`, async () => {
		const seed = Number(process.env.ARGUMAP_CRASH_SEED ?? Date.now() % 1_000_000);
		const next = random(seed);
		const worker = await bundleEditWorker();
		const seeded = await seedDatabase();
		const mapId = seeded.mapIds[0]!;
		let present = 0;
		let acknowledgedTotal = 0;
		let unacknowledgedButCommitted = 0;
		let killedBeforeFirstEdit = 0;

		for (let kill = 1; kill <= KILLS; kill++) {
			const writer = startEditWorker(worker, seeded.path, seeded.userId, mapId, present + 1);
			// Mostly while edits are being written; sometimes while the process is still starting.
			if (next() < 0.1) {
				await new Promise((resolve) => setTimeout(resolve, next() * 200));
			} else {
				await writer.acknowledgedAtLeast(1);
				await new Promise((resolve) => setTimeout(resolve, next() * 150));
			}
			writer.child.kill('SIGKILL');
			await exited(writer.child);
			const acknowledged = writer.acknowledged;
			if (acknowledged.length === 0) killedBeforeFirstEdit++;
			acknowledgedTotal += acknowledged.length;

			const db = openDatabase(seeded.path);
			try {
				const state = await readEdits(db, mapId);
				const context = `seed ${seed}, kill ${kill}, acknowledged up to ${acknowledged.at(-1) ?? present}`;
				expect(consistencyProblems(state), context).toEqual([]);
				const last = state.edits.length;
				// Every acknowledged edit is there; at most the one in flight went further.
				expect(last, context).toBeGreaterThanOrEqual(acknowledged.at(-1) ?? present);
				expect(last, context).toBeLessThanOrEqual((acknowledged.at(-1) ?? present) + 1);
				if (last > (acknowledged.at(-1) ?? present)) unacknowledgedButCommitted++;
				present = last;
			} finally {
				await db.destroy();
			}
		}
		reportFigure('crash', {
			kills: KILLS,
			survived: KILLS,
			acknowledgedEdits: acknowledgedTotal,
			editsInDatabase: present,
			lostAcknowledgedEdits: 0,
			committedBeforeAcknowledgement: unacknowledgedButCommitted,
			killedBeforeFirstEdit,
			seed
		});
	});
});

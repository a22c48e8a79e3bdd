import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAif } from '$lib/interchange/aif';
import { exportArgdown } from '$lib/interchange/argdown';
import { arbitraryBundle, arbitraryMutationOf } from '$lib/interchange/arbitrary';
import { exportArgumapJson } from '$lib/interchange/argumap-json';
import { importMapForUser } from '$lib/server/map-import';
import { countRows, createTestUser, useTestDatabase } from './helpers';

const exporters = [
	['argumap.json', exportArgumapJson],
	['aif.json', exportAif],
	['map.argdown', exportArgdown]
] as const;

describe('importing into the database', () => {
	const testDb = useTestDatabase();

	it('random and damaged files never throw, and a refused file writes nothing', async () => {
		const { db } = testDb();
		const owner = await createTestUser(db, 'importeurin');
		let imported = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(
				arbitraryBundle().chain((bundle) =>
					fc
						.constantFrom(...exporters)
						.chain(([name, exporter]) =>
							fc.tuple(fc.constant(name), arbitraryMutationOf(exporter(bundle)))
						)
				),
				async ([name, text]) => {
					const before = await countRows(db, 'commentaries');
					const result = await importMapForUser(db, owner, name, text, 'auto');
					const after = await countRows(db, 'commentaries');
					if (result.ok) {
						imported += 1;
						expect(after).toBe(before + 1);
					} else {
						refused += 1;
						expect(after).toBe(before);
						expect(result.error.code).toMatch(/^(import|commentary)_/);
					}
				}
			),
			{ numRuns: 60 }
		);
		// Both paths were exercised, or the property proved little.
		expect(imported).toBeGreaterThan(0);
		expect(refused).toBeGreaterThan(0);
	}, 60_000);
});

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * Scale-out on PostgreSQL: several `node build` processes on one database, and a SQLite
 * installation moved with `npm run db:copy`; also how scripts/postgres-for-tests.sh fails. Needs the production build and a PostgreSQL server
 * (ARGUMAP_TEST_POSTGRES_URL; scripts/postgres-for-tests.sh starts one). scripts/test.sh runs it.
 */
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		name: 'postgres',
		environment: 'node',
		include: ['tests/postgres/**/*.spec.ts'],
		expect: { requireAssertions: true },
		// One file at a time: each starts app servers of its own.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});

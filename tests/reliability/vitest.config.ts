import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: crashes, backups, conflicting saves and load against real child
 * processes and the production build. Kept out of the unit run: it needs `npm run build`.
 * Run from the project folder (SvelteKit takes it as the root).
 */
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		name: 'reliability',
		environment: 'node',
		include: ['tests/reliability/**/*.spec.ts'],
		expect: { requireAssertions: true },
		// One at a time: each file starts processes that load the machine on its own.
		fileParallelism: false,
		testTimeout: 600_000,
		hookTimeout: 120_000
	}
});

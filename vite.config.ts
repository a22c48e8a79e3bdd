import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit()
	],
	build: {
		rolldownOptions: {
			output: {
				// cytoscape in a chunk of its own: cached across releases, measured by `npm run bench`.
				codeSplitting: {
					groups: [{ name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ }]
				}
			}
		}
	},
	// The layout worker is an ES module, like the rest of the client.
	worker: { format: 'es' },
	test: {
		expect: { requireAssertions: true },
		// Vitest leaves one core free by default: one worker on a 2-core machine (80 s here; 55 s
		// with one per core). Each test file has its own database, so files may run side by side.
		maxWorkers: '100%',
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'security',
					environment: 'node',
					include: ['tests/security/**/*.spec.ts']
				}
			}
		]
	}
});

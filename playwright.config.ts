import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Browser tests run against the production build (`npm run build`) with Debian's Chromium. */
const PORT = 4173;
const ORIGIN = `http://localhost:${PORT}`;
/** A second server that believes it is public over https, to check the cookies it sets. */
const HTTPS_ORIGIN_PORT = 4174;
const DEFAULTS_PORT = 4175;
const DEFAULTS_ORIGIN = `http://localhost:${DEFAULTS_PORT}`;

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/**
 * Tests' request contexts reuse idle connections, and Node closes them after 5 s: a request sent
 * in that instant fails with ECONNRESET (once in CI, after a test's pause of about 5 s). Browsers
 * retry such a request; Playwright's request client does not. Seconds, read by adapter-node.
 */
const KEEP_IDLE_SOCKETS = { KEEP_ALIVE_TIMEOUT: '55' }; // under Node's 60 s headers timeout
if (!existsSync(chromiumPath)) {
	throw new Error(
		`Chromium not found at ${chromiumPath}. ` +
			'Install it with `sudo apt-get install -y chromium` or set CHROMIUM_PATH.'
	);
}

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	// A 2-core machine, but the browsers mostly wait on the servers: a third worker cut the suite
	// from 8.5 to 7.2 minutes. The axe checks of whole pages in two languages then take up to
	// 30 s under load, hence the generous timeout (tests assert no timings).
	workers: 3,
	timeout: 60_000,
	expect: { timeout: 5_000 },
	// No HTML report: nothing opens a browser window or starts a report server.
	reporter: 'list',
	use: {
		baseURL: ORIGIN,
		locale: 'en-US',
		timezoneId: 'Europe/Berlin',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				locale: 'en-US',
				launchOptions: {
					executablePath: chromiumPath,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run'
					]
				}
			}
		}
	],
	webServer: [
		{
			command: 'rm -rf tests/.tmp/e2e && mkdir -p tests/.tmp/e2e && node build',
			url: ORIGIN,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				PORT: String(PORT),
				ORIGIN,
				DATABASE_PATH: 'tests/.tmp/e2e/argumap.db',
				BODY_SIZE_LIMIT: '4M',
				...KEEP_IDLE_SOCKETS,
				// The suite signs up far more people from 127.0.0.1 than a class would; the default
				// limit is tested against the second server.
				SIGNUPS_PER_ADDRESS_PER_HOUR: '100000'
			}
		},
		{
			command: 'rm -rf tests/.tmp/https && mkdir -p tests/.tmp/https && node build',
			url: `http://localhost:${HTTPS_ORIGIN_PORT}`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				PORT: String(HTTPS_ORIGIN_PORT),
				ORIGIN: `https://localhost:${HTTPS_ORIGIN_PORT}`,
				DATABASE_PATH: 'tests/.tmp/https/argumap.db',
				...KEEP_IDLE_SOCKETS
			}
		},
		{
			// Default limits (the first server raises the sign-up limit for the suite's many users).
			command: 'rm -rf tests/.tmp/defaults && mkdir -p tests/.tmp/defaults && node build',
			url: DEFAULTS_ORIGIN,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				PORT: String(DEFAULTS_PORT),
				ORIGIN: DEFAULTS_ORIGIN,
				DATABASE_PATH: 'tests/.tmp/defaults/argumap.db',
				...KEEP_IDLE_SOCKETS
			}
		}
	]
});

// `npx tsx bench/profile.ts <url> [cookie]`: a CPU profile of one page load up to the graph
// painted (+1 s), summed by function — the tool used to find where first-frame time goes.
import { chromium } from '@playwright/test';
import { PROBE } from './browser';

const [url, cookie] = process.argv.slice(2);
if (!url) throw new Error('usage: tsx bench/profile.ts <url> [session cookie]');
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
if (cookie) await context.addCookies([{ name: 'argumap_session', value: cookie, url }]);
await context.addInitScript(PROBE);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(url, { waitUntil: 'domcontentloaded' });
await page.waitForFunction(
	() => (window as never as { __bench: { paintedAt: number | null } }).__bench.paintedAt !== null,
	undefined,
	{ timeout: 120_000 }
);
const paintedAt = await page.evaluate(
	() => (window as never as { __bench: { paintedAt: number } }).__bench.paintedAt
);
await page.waitForTimeout(1000);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const total = profile.endTime - profile.startTime;
const counts = new Map<number, number>();
for (const sample of profile.samples ?? []) counts.set(sample, (counts.get(sample) ?? 0) + 1);
const perSample = total / (profile.samples?.length ?? 1) / 1000;
for (const node of profile.nodes) {
	const frame = node.callFrame;
	const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
	self.set(key, (self.get(key) ?? 0) + (counts.get(node.id) ?? 0) * perSample);
}
console.log(`painted at ${Math.round(paintedAt)} ms; top self time (ms):`);
for (const [key, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
	console.log(`${ms.toFixed(0).padStart(6)}  ${key}`);
}
await browser.close();

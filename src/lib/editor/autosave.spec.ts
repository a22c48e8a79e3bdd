import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { MapAutosave } from './autosave.svelte';

const map = (text: string): ArgumentMap => ({
	statements: [{ id: 's', text, role: 'premise', implicit: false, anchors: [], note: '' }],
	relations: []
});

type Reply = { status: number; body?: unknown } | 'network-error' | 'html';

/** A fake server: answers in order and records what was sent. */
function fakeServer(replies: Reply[]) {
	const sent: { baseRevision: number; text: string }[] = [];
	const fetch = vi.fn(async (_url: unknown, init?: RequestInit) => {
		const body = JSON.parse(String(init?.body));
		sent.push({ baseRevision: body.baseRevision, text: body.document.map.statements[0].text });
		const reply = replies.shift() ?? { status: 200, body: { revision: body.baseRevision + 1 } };
		if (reply === 'network-error') throw new TypeError('Failed to fetch');
		if (reply === 'html') return new Response('<html>proxy error</html>', { status: 200 });
		return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status });
	});
	return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

describe('MapAutosave', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('debounces changes into one save of the newest map and counts revisions', async () => {
		const server = fakeServer([]);
		const autosave = new MapAutosave({ url: '/maps/x.json', revision: 1, fetch: server.fetch });
		autosave.schedule(map('a'));
		autosave.schedule(map('ab'));
		expect(autosave.status).toBe('pending');
		await vi.runAllTimersAsync();
		expect(server.sent).toEqual([{ baseRevision: 1, text: 'ab' }]);
		expect(autosave.status).toBe('saved');
		expect(autosave.revision).toBe(2);
	});

	it('retries after network failures and non-JSON answers, then saves', async () => {
		const server = fakeServer(['network-error', 'html']);
		const autosave = new MapAutosave({ url: '/maps/x.json', revision: 1, fetch: server.fetch });
		autosave.schedule(map('a'));
		await vi.advanceTimersByTimeAsync(800);
		expect(autosave.status).toBe('retrying');
		await vi.runAllTimersAsync();
		expect(server.sent.map((s) => s.text)).toEqual(['a', 'a', 'a']);
		expect(autosave.status).toBe('saved');
	});

	it('stops on a conflict and keeps the unsent map until the user decides', async () => {
		const server = fakeServer([
			{ status: 409, body: { code: 'version_conflict', currentVersion: 5 } }
		]);
		const autosave = new MapAutosave({ url: '/maps/x.json', revision: 1, fetch: server.fetch });
		autosave.schedule(map('mine'));
		await vi.runAllTimersAsync();
		expect(autosave.status).toBe('conflict');
		expect(autosave.conflictRevision).toBe(5);
		autosave.schedule(map('mine, more'));
		await vi.runAllTimersAsync();
		expect(server.sent).toHaveLength(1);
		await autosave.overwrite(map('mine, more'), 5);
		expect(server.sent.at(-1)).toEqual({ baseRevision: 5, text: 'mine, more' });
		expect(autosave.status).toBe('saved');
	});

	it('after a 401 keeps the newest edit and sends it with the next change', async () => {
		const server = fakeServer([{ status: 401 }]);
		const autosave = new MapAutosave({ url: '/maps/x.json', revision: 1, fetch: server.fetch });
		autosave.schedule(map('a'));
		await vi.runAllTimersAsync();
		expect(autosave.status).toBe('logged_out');
		expect(autosave.hasUnsavedChanges).toBe(true);
		autosave.schedule(map('ab'));
		await vi.runAllTimersAsync();
		expect(server.sent.at(-1)).toEqual({ baseRevision: 1, text: 'ab' });
		expect(autosave.status).toBe('saved');
	});

	it('sends nothing more once destroyed', async () => {
		const server = fakeServer(['network-error']);
		const autosave = new MapAutosave({ url: '/maps/x.json', revision: 1, fetch: server.fetch });
		autosave.schedule(map('a'));
		await vi.advanceTimersByTimeAsync(800);
		autosave.destroy();
		await vi.runAllTimersAsync();
		expect(server.sent).toHaveLength(1);
	});
});

import { createMapDocument, type ArgumentMap } from '$lib/argument';

export type SaveStatus =
	'saved' | 'pending' | 'saving' | 'retrying' | 'conflict' | 'logged_out' | 'rejected';

const DEBOUNCE_MS = 700;
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

type Fetch = typeof fetch;

/**
 * Saves a map a moment after each change. Every save names the revision it started from; the
 * server answers 409 when another save came first, and then nothing is overwritten until the
 * user decides. Network and server failures are retried with back-off; after a 401 the next
 * change (once the user has logged in again elsewhere) tries again. The newest unsent map is
 * always kept, so no failure path can drop an edit.
 */
export class MapAutosave {
	status = $state<SaveStatus>('saved');
	revision = $state(0);
	/** The server's revision when a conflict stopped saving. */
	conflictRevision = $state<number | null>(null);
	#url: string;
	#fetch: Fetch;
	#latest: ArgumentMap | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#retries = 0;
	#inFlight: Promise<void> | null = null;
	#destroyed = false;

	constructor(options: { url: string; revision: number; fetch?: Fetch }) {
		this.#url = options.url;
		this.revision = options.revision;
		this.#fetch = options.fetch ?? ((...args) => fetch(...args));
	}

	get hasUnsavedChanges(): boolean {
		return this.status !== 'saved';
	}

	/** Called after every change; the newest map wins. */
	schedule(map: ArgumentMap): void {
		this.#latest = map;
		if (this.status === 'conflict') return;
		if (this.status !== 'retrying') this.status = 'pending';
		this.#later(DEBOUNCE_MS);
	}

	/** Saves now if anything is waiting. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		const map = this.#latest;
		if (!map || this.status === 'conflict' || this.#destroyed) return;
		this.#latest = null;
		this.#inFlight = this.#save(map);
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
	}

	/** After a conflict: save this map over the server's revision (the caller kept a copy of it). */
	async overwrite(map: ArgumentMap, serverRevision: number): Promise<void> {
		this.revision = serverRevision;
		this.conflictRevision = null;
		this.#retries = 0;
		this.status = 'pending';
		this.#latest = map;
		await this.flush();
	}

	/** After a conflict resolved by reloading: continue from the server's revision. */
	resume(revision: number): void {
		this.revision = revision;
		this.conflictRevision = null;
		this.#retries = 0;
		this.#latest = null;
		this.status = 'saved';
	}

	/** Stops all timers: the page is gone. */
	destroy(): void {
		this.#destroyed = true;
		clearTimeout(this.#timer);
	}

	#later(delay: number): void {
		clearTimeout(this.#timer);
		if (!this.#destroyed) this.#timer = setTimeout(() => void this.flush(), delay);
	}

	async #save(map: ArgumentMap): Promise<void> {
		this.status = this.#retries > 0 ? 'retrying' : 'saving';
		try {
			const response = await this.#fetch(this.#url, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ baseRevision: this.revision, document: createMapDocument(map) })
			});
			if (response.ok) {
				const body = (await response.json()) as { revision: number };
				this.revision = body.revision;
				this.#retries = 0;
				this.status = this.#latest ? 'pending' : 'saved';
				if (this.#latest) this.#later(DEBOUNCE_MS);
				return;
			}
			if (response.status === 409) {
				const body = (await response.json()) as { currentVersion: number };
				this.#latest ??= map;
				this.conflictRevision = body.currentVersion;
				this.status = 'conflict';
				return;
			}
			if (response.status === 401) {
				// Logged out elsewhere: keep the map; the next change tries again.
				this.#latest ??= map;
				this.status = 'logged_out';
				return;
			}
			if (response.status >= 500 || response.status === 429) {
				this.#retry(map);
				return;
			}
			// 400/403/404/413: retrying cannot help; keep the map so nothing is dropped.
			this.#latest ??= map;
			this.status = 'rejected';
		} catch {
			// Offline, or an answer that is not our JSON (a proxy's error page): try again later.
			this.#retry(map);
		}
	}

	#retry(map: ArgumentMap): void {
		this.#latest ??= map;
		const delay = RETRY_DELAYS_MS[Math.min(this.#retries, RETRY_DELAYS_MS.length - 1)]!;
		this.#retries += 1;
		this.status = 'retrying';
		this.#later(delay);
	}
}

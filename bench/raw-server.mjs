// The baseline for part 4: node:http + better-sqlite3 running the queries our endpoints run
// (captured from the app's data layer by bench/server.ts), with none of the framework around them.
// Usage: node bench/raw-server.mjs <database> <queries.json> <port>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';

const [database, queriesFile, port] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const db = new SQLite(database);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// The app's connection zeroes deleted pages (src/lib/server/db/connection.ts): so does this one.
db.pragma('secure_delete = ON');
db.pragma('busy_timeout = 5000');

const prepare = (list) =>
	list.map(({ sql, parameters }) => ({ statement: db.prepare(sql), parameters }));
const reads = {
	json: prepare(queries.json),
	page: prepare(queries.page),
	save: prepare(queries.save)
};
const currentVersion = db.prepare('select "version" from "maps" where "id" = ?');
const update = db.prepare(
	`update "maps" set "document" = ?, "version" = ?, "statement_count" = ?, "relation_count" = ?, "updated_at" = ?
	where "maps"."id" = ? and ("maps"."owner_id" = ? and not exists (select "assignment_maps"."map_id"
	from "assignment_maps" where "assignment_maps"."map_id" = "maps"."id" and "assignment_maps"."status" = 'submitted'))
	and "maps"."version" = ?`
);

/** Runs the captured queries in order; returns the map's row (it has a title), else the last row. */
function run(list, mapId) {
	let map;
	let last;
	for (const { statement, parameters } of list) {
		const values = parameters.map((value) => (value === queries.mapIdPlaceholder ? mapId : value));
		last = statement.reader ? statement.get(...values) : statement.run(...values);
		if (last && 'title' in last) map = last;
	}
	return map ?? last;
}

const escapeHtml = (text) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

createServer((request, response) => {
	const match = /^\/maps\/([A-Za-z0-9_-]+)(\.json)?$/.exec(request.url ?? '');
	if (!match) {
		response.writeHead(404).end();
		return;
	}
	const [, mapId, json] = match;
	if (request.method === 'GET') {
		const row = run(json ? reads.json : reads.page, mapId);
		if (!row) {
			response.writeHead(404).end();
			return;
		}
		if (json) {
			const document = JSON.parse(row.document);
			response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			response.end(
				JSON.stringify({
					...document,
					id: row.id,
					title: row.title,
					revision: row.version,
					commentary: { body: row.body }
				})
			);
			return;
		}
		// Like the app's page: the map's head only; the browser fetches the map JSON beside it.
		response.writeHead(200, { 'content-type': 'text/html' });
		response.end(
			`<!doctype html><html><head><title>${escapeHtml(row.title)}</title>` +
				`<link rel="preload" href="/maps/${mapId}.json" as="fetch" crossorigin="anonymous"></head>` +
				`<body><h1>${escapeHtml(row.title)}</h1><p>${escapeHtml(row.commentary_title)}</p></body></html>`
		);
		return;
	}
	if (request.method === 'PUT') {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const row = run(reads.save, mapId);
			const { baseRevision, document } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			if (!row) {
				response.writeHead(404).end();
				return;
			}
			const result = update.run(
				JSON.stringify(document),
				baseRevision + 1,
				document.map.statements.length,
				document.map.relations.length,
				Date.now(),
				mapId,
				queries.userId,
				baseRevision
			);
			if (result.changes === 1) {
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ revision: baseRevision + 1 }));
				return;
			}
			// As the app answers a conflict: with the version that won.
			response.writeHead(409, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ currentVersion: currentVersion.get(mapId).version }));
		});
		return;
	}
	response.writeHead(405).end();
}).listen(Number(port), '127.0.0.1');

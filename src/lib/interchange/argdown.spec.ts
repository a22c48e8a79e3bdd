import { readFileSync } from 'node:fs';
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import type { IArgdownResponse } from '@argdown/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addAttack,
	addStatement,
	addSupport,
	emptyMap,
	findInvariantViolations,
	MAP_LIMITS,
	STATEMENT_ROLES
} from '$lib/argument';
import type { Anchor, ArgumentMap, OperationResult, Relation, Statement } from '$lib/argument';
import { DEFAULT_ARGDOWN_TITLE, exportArgdown, importArgdown } from './argdown';
import { IMPORT_MAX_BYTES } from './types';
import type { ImportError, ImportResult, InterchangeCommentary, MapBundle } from './types';

const fixture = (name: string) =>
	readFileSync(new URL(`./fixtures/argdown/${name}`, import.meta.url), 'utf8');

function mapOf(result: OperationResult): ArgumentMap {
	if (!result.ok) throw new Error(`Operation refused: ${result.code}`);
	return result.map;
}

function bundleOf(result: ImportResult): MapBundle {
	if (!result.ok) throw new Error(`Import refused: ${JSON.stringify(result.error)}`);
	return result.bundle;
}

function errorOf(result: ImportResult): ImportError {
	if (result.ok) throw new Error('Import succeeded unexpectedly');
	return result.error;
}

/** Parses with @argdown/core alone, as Argdown's own tools would. */
function parseWithArgdown(text: string): IArgdownResponse {
	const app = new ArgdownApplication({ log: () => {}, setLevel: () => {} });
	app.addPlugin(new ParserPlugin(), 'parse-input');
	app.addPlugin(new DataPlugin(), 'build-model');
	app.addPlugin(new ModelPlugin(), 'build-model');
	return app.run({ input: text, process: ['parse-input', 'build-model'], logExceptions: false });
}

function byId(relations: Relation[]): Relation[] {
	return [...relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function statementById(map: ArgumentMap): Map<string, Statement> {
	return new Map(map.statements.map((statement) => [statement.id, statement]));
}

/** Relations in terms of statement texts, so maps with different ids can be compared. */
function structure(map: ArgumentMap): string[] {
	const text = (id: string) => statementById(map).get(id)?.text ?? `?${id}`;
	const supports = new Map(
		map.relations.flatMap((relation) =>
			relation.kind === 'support' ? [[relation.id, relation]] : []
		)
	);
	const supportLabel = (id: string) => {
		const support = supports.get(id);
		return support
			? `(${support.premiseIds.map(text).join(' & ')}) => ${text(support.conclusionId)}`
			: '?';
	};
	return map.relations
		.map((relation) => {
			if (relation.kind === 'support') return `support ${supportLabel(relation.id)}`;
			return relation.target.kind === 'statement'
				? `rebut ${text(relation.attackerId)} -> ${text(relation.target.id)}`
				: `undercut ${text(relation.attackerId)} -> [${supportLabel(relation.target.id)}]`;
		})
		.sort();
}

const commentaryBody =
	'Die Schuldenbremse gehört reformiert. ' +
	'Marode Schulen und Brücken kosten später mehr, als Kredite heute kosten. ' +
	'„Sparen ist keine Strategie“, sagt die Ministerin 🙂. ' +
	'Kritiker halten dagegen: Neue Schulden belasten künftige Generationen. ' +
	'Doch wer heute nicht investiert, hinterlässt ihnen kaputte Infrastruktur.';

function anchorFor(quote: string): Anchor {
	const start = commentaryBody.indexOf(quote);
	if (start === -1) throw new Error(`Quote not in text: ${quote}`);
	return { start, end: start + quote.length, quote };
}

const commentary: InterchangeCommentary = {
	title: 'Reformiert die Schuldenbremse!',
	author: 'Erika Beispiel',
	outlet: 'Tageszeitung',
	language: 'de',
	publishedOn: '2024-05-01',
	sourceUrl: 'https://example.org/kommentar?a=1&b==2',
	body: commentaryBody
};

/** The example debate, built with the model's operations. */
function exampleBundle(): MapBundle {
	let map = emptyMap();
	const statement = (input: Parameters<typeof addStatement>[1]) => {
		map = mapOf(addStatement(map, input, commentaryBody.length));
	};
	statement({
		id: 'claim',
		text: 'Die Schuldenbremse muss reformiert werden.',
		role: 'main_claim',
		anchors: [anchorFor('Die Schuldenbremse gehört reformiert.')],
		note: 'These des Kommentars',
		position: { x: 10, y: -20.5 }
	});
	statement({
		id: 'invest',
		text: 'Investitionen sparen auf lange Sicht Geld.',
		role: 'intermediate_conclusion',
		anchors: [anchorFor('Marode Schulen und Brücken kosten später mehr')]
	});
	statement({
		id: 'implicit',
		text: 'Was sich auf lange Sicht rechnet, sollte der Staat tun.',
		role: 'premise',
		implicit: true
	});
	statement({
		id: 'quote',
		text: '„Sparen ist keine Strategie“ [sagt die Ministerin] #Zitat',
		role: 'premise',
		anchors: [anchorFor('„Sparen ist keine Strategie“, sagt die Ministerin 🙂')]
	});
	statement({
		id: 'source',
		text: 'Eine Ministerin ist keine <unabhängige> Quelle.',
		role: 'objection',
		implicit: true
	});
	statement({
		id: 'objection',
		text: 'Neue Schulden belasten\nkünftige Generationen.',
		role: 'objection',
		anchors: [anchorFor('Neue Schulden belasten künftige Generationen.')]
	});
	statement({
		id: 'reply',
		text: '- Ohne Investitionen erben sie kaputte Infrastruktur.',
		role: 'objection',
		anchors: [anchorFor('wer heute nicht investiert, hinterlässt ihnen kaputte Infrastruktur')]
	});
	map = mapOf(
		addSupport(map, { id: 's-main', premiseIds: ['invest', 'implicit'], conclusionId: 'claim' })
	);
	map = mapOf(addSupport(map, { id: 's-invest', premiseIds: ['quote'], conclusionId: 'invest' }));
	map = mapOf(
		addAttack(map, {
			id: 'u-source',
			attackerId: 'source',
			target: { kind: 'relation', id: 's-invest' }
		})
	);
	map = mapOf(
		addAttack(map, {
			id: 'a-objection',
			attackerId: 'objection',
			target: { kind: 'statement', id: 'claim' }
		})
	);
	map = mapOf(
		addAttack(map, {
			id: 'a-reply',
			attackerId: 'reply',
			target: { kind: 'statement', id: 'objection' }
		})
	);
	return { title: 'Schuldenbremse: Kommentar vom 1. Mai', commentary, map };
}

/** The Argdown without its front matter: what a user of Argdown's own tools edits. */
function withoutFrontMatter(argdown: string): string {
	return argdown.replace(/^===[\s\S]*?\n===\n/, '');
}

describe('importArgdown: a hand-written German debate', () => {
	const bundle = bundleOf(importArgdown(fixture('schuldenbremse.argdown')));
	const { map } = bundle;
	const byText = (start: string) => {
		const found = map.statements.find((statement) => statement.text.startsWith(start));
		if (!found) throw new Error(`No statement starting with ${start}`);
		return found;
	};

	it('takes the title and author from the front matter', () => {
		expect(bundle.title).toBe('Schuldenbremse reformieren?');
		expect(bundle.commentary.author).toBe('Beispielkommentar');
	});

	it('reads every statement once, in the order written, with roles from the tags', () => {
		expect(map.statements.map((statement) => [statement.text, statement.role])).toEqual([
			['Die Schuldenbremse muss reformiert werden.', 'main_claim'],
			[
				'Investitionen in Schulen und Brücken sparen auf lange Sicht Geld.',
				'intermediate_conclusion'
			],
			['Was sich auf lange Sicht rechnet, sollte der Staat tun.', 'premise'],
			['„Sparen ist keine Strategie“, sagt die Ministerin.', 'premise'],
			['Neue Schulden belasten künftige Generationen.', 'objection'],
			['Ohne Investitionen erben sie kaputte Infrastruktur.', 'objection'],
			['Eine Ministerin ist keine unabhängige Quelle.', 'objection']
		]);
	});

	it('marks implicit premises by the #implicit tag and by {implicit: true}', () => {
		expect(map.statements.filter((statement) => statement.implicit).map((s) => s.text)).toEqual([
			'Was sich auf lange Sicht rechnet, sollte der Staat tun.',
			'Eine Ministerin ist keine unabhängige Quelle.'
		]);
	});

	it('keeps the linked argument linked, and maps the rebuttals and the undercut', () => {
		expect(structure(map)).toEqual([
			'rebut Neue Schulden belasten künftige Generationen. -> Die Schuldenbremse muss reformiert werden.',
			'rebut Ohne Investitionen erben sie kaputte Infrastruktur. -> Neue Schulden belasten künftige Generationen.',
			'support (Investitionen in Schulen und Brücken sparen auf lange Sicht Geld. & Was sich auf lange Sicht rechnet, sollte der Staat tun.) => Die Schuldenbremse muss reformiert werden.',
			'support („Sparen ist keine Strategie“, sagt die Ministerin.) => Investitionen in Schulen und Brücken sparen auf lange Sicht Geld.',
			'undercut Eine Ministerin ist keine unabhängige Quelle. -> [(„Sparen ist keine Strategie“, sagt die Ministerin.) => Investitionen in Schulen und Brücken sparen auf lange Sicht Geld.]'
		]);
		expect(findInvariantViolations(map, bundle.commentary.body.length)).toEqual([]);
	});

	it('without a commentary, builds one from the stated texts and anchors each statement there', () => {
		const { body } = bundle.commentary;
		for (const statement of map.statements) {
			if (statement.implicit) {
				expect(statement.anchors).toEqual([]);
			} else {
				expect(statement.anchors).toHaveLength(1);
				const [anchor] = statement.anchors;
				expect(body.slice(anchor?.start, anchor?.end)).toBe(statement.text);
				expect(anchor?.quote).toBe(statement.text);
			}
		}
		expect(body).not.toContain('unabhängige Quelle');
		expect(byText('Die Schuldenbremse').anchors[0]?.start).toBe(0);
	});
});

describe('importArgdown: Argdown written with other tools', () => {
	const result = importArgdown(fixture('fremd.argdown'));
	const { map, title } = bundleOf(result);
	const texts = map.statements.map((statement) => statement.text);

	it('takes the title from the first heading when there is no front matter', () => {
		expect(title).toBe('Tempolimit');
	});

	it('turns arguments without premise-conclusion structure into statements', () => {
		expect(texts).toContain('Ein Tempolimit senkt die Zahl schwerer Unfälle.');
		expect(texts).toContain('Ein Tempolimit schränkt die Freiheit der Fahrer ein.');
		expect(texts).toContain('Weniger Tempo bedeutet weniger CO2.');
		expect(map.statements).toHaveLength(8);
	});

	it('maps supports, attacks, a contradiction (both ways) and an undercut on an inference', () => {
		expect(structure(map)).toEqual([
			'rebut Ein Tempolimit schränkt die Freiheit der Fahrer ein. -> Auf Autobahnen sollte ein Tempolimit gelten.',
			'rebut Freiheit endet, wo sie andere gefährdet. -> Ein Tempolimit schränkt die Freiheit der Fahrer ein.',
			'rebut Freiheit endet, wo sie andere gefährdet. -> Freiheit kennt keine Grenzen.',
			'rebut Freiheit kennt keine Grenzen. -> Freiheit endet, wo sie andere gefährdet.',
			'support (Ein Tempolimit senkt die Zahl schwerer Unfälle.) => Auf Autobahnen sollte ein Tempolimit gelten.',
			'support (Weniger Tempo bedeutet weniger CO2. & Weniger CO2 ist gut fürs Klima.) => Auf Autobahnen sollte ein Tempolimit gelten.',
			'undercut Wer langsamer fährt, fährt dafür öfter. -> [(Weniger Tempo bedeutet weniger CO2. & Weniger CO2 ist gut fürs Klima.) => Auf Autobahnen sollte ein Tempolimit gelten.]'
		]);
	});

	it('derives roles from the structure when there are no role tags', () => {
		const roleOf = (text: string) => map.statements.find((s) => s.text === text)?.role;
		expect(roleOf('Auf Autobahnen sollte ein Tempolimit gelten.')).toBe('main_claim');
		expect(roleOf('Weniger CO2 ist gut fürs Klima.')).toBe('premise');
		expect(roleOf('Wer langsamer fährt, fährt dafür öfter.')).toBe('objection');
		expect(result.ok && result.skipped).toEqual([]);
	});

	it('maps an intermediate conclusion to two supports, honouring `uses`', () => {
		const argdown = [
			'(1) Erste Prämisse.',
			'(2) Zweite Prämisse.',
			'----',
			'(3) Zwischenergebnis.',
			'(4) Dritte Prämisse.',
			'-- {uses: [3]} --',
			'(5) Ergebnis.'
		].join('\n');
		const imported = bundleOf(importArgdown(argdown)).map;
		expect(structure(imported)).toEqual([
			'support (Erste Prämisse. & Zweite Prämisse.) => Zwischenergebnis.',
			'support (Zwischenergebnis.) => Ergebnis.'
		]);
		const roles = imported.statements.map((statement) => statement.role);
		expect(roles).toEqual([
			'premise',
			'premise',
			'intermediate_conclusion',
			'premise',
			'main_claim'
		]);
	});

	it('lists what it cannot represent as skipped', () => {
		const argdown = [
			'<Argument>: Eine Beschreibung, die verloren geht.',
			'',
			'(1) [P]: Prämisse.',
			'----',
			'(2) [K]: Konklusion.',
			'',
			'[Stütze]: Etwas stützt das Argument als Ganzes.',
			'  +> <Argument>'
		].join('\n');
		const imported = importArgdown(argdown);
		expect(imported.ok && imported.skipped).toEqual(['<Argument>: …', '[Stütze] +> <Argument>']);
		expect(structure(bundleOf(imported).map)).toEqual(['support (Prämisse.) => Konklusion.']);
	});
});

describe('exportArgdown', () => {
	const bundle = exampleBundle();
	const argdown = exportArgdown(bundle);

	it('writes Argdown that @argdown/core parses without errors', () => {
		const response = parseWithArgdown(argdown);
		expect(response.parserErrors).toEqual([]);
		expect(response.lexerErrors).toEqual([]);
		expect(response.exceptions).toEqual([]);
		expect(Object.keys(response.statements ?? {})).toHaveLength(bundle.map.statements.length);
		expect(Object.keys(response.arguments ?? {})).toEqual(['Argument 1', 'Argument 2']);
		expect(response.frontMatter?.title).toBe(bundle.title);
	});

	it('writes titled statements with role tags, #implicit, arguments and undercuts', () => {
		expect(argdown).toContain(
			'[Die Schuldenbremse muss reformiert werden]: Die Schuldenbremse muss reformiert werden. #main-claim\n' +
				'  - [Neue Schulden belasten künftige Generationen]\n'
		);
		expect(argdown).toContain(
			'[Was sich auf lange Sicht rechnet]: Was sich auf lange Sicht rechnet, sollte der Staat tun. #premise #implicit'
		);
		expect(argdown).toContain(
			'[Eine Ministerin ist keine unabhängige Quelle]: Eine Ministerin ist keine \\<unabhängige\\> Quelle. #objection #implicit'
		);
		expect(argdown).toContain(
			'<Argument 1>\n\n' +
				'(1) [Investitionen sparen auf lange Sicht Geld]\n' +
				'(2) [Was sich auf lange Sicht rechnet]\n' +
				'----\n' +
				'(3) [Die Schuldenbremse muss reformiert werden]\n'
		);
		expect(argdown).toContain(
			'<Argument 2>\n  <_ [Eine Ministerin ist keine unabhängige Quelle]\n\n' +
				'(1) [„Sparen ist keine Strategie“ sagt die]\n' +
				'----\n' +
				'(2) [Investitionen sparen auf lange Sicht Geld]\n'
		);
	});

	it('escapes markup in statement texts', () => {
		expect(argdown).toContain(
			': „Sparen ist keine Strategie“ \\[sagt die Ministerin\\] \\#Zitat #premise'
		);
		expect(argdown).toContain(': - Ohne Investitionen erben sie kaputte Infrastruktur. #objection');
	});

	it('imports back exactly: statements, ids, anchors, notes, positions, relations, commentary', () => {
		const imported = bundleOf(importArgdown(argdown));
		expect(imported.title).toBe(bundle.title);
		expect(imported.commentary).toEqual(bundle.commentary);
		expect(imported.map.statements).toEqual(bundle.map.statements);
		expect(byId(imported.map.relations)).toEqual(byId(bundle.map.relations));
	});

	it('carries the structure in the Argdown itself, without the front matter', () => {
		const imported = bundleOf(importArgdown(withoutFrontMatter(argdown)));
		expect(imported.title).toBe(DEFAULT_ARGDOWN_TITLE);
		const normalized = bundle.map.statements.map((s) => s.text.replace(/\s+/g, ' '));
		expect(imported.map.statements.map((s) => s.text)).toEqual(normalized);
		expect(imported.map.statements.map((s) => [s.role, s.implicit])).toEqual(
			bundle.map.statements.map((s) => [s.role, s.implicit])
		);
		const normalizedMap: ArgumentMap = {
			...bundle.map,
			statements: bundle.map.statements.map((s, i) => ({ ...s, text: normalized[i] ?? '' }))
		};
		expect(structure(imported.map)).toEqual(structure(normalizedMap));
	});

	it('reads Windows line breaks and a byte order mark alike', () => {
		const expected = bundleOf(importArgdown(argdown));
		expect(bundleOf(importArgdown(argdown.replace(/\n/g, '\r\n')))).toEqual(expected);
		expect(bundleOf(importArgdown(`\ufeff${argdown}`))).toEqual(expected);
	});

	it('writes the front matter compactly for a large map, which still imports back', () => {
		let map = emptyMap();
		for (let i = 0; i < 1200; i++) {
			map = mapOf(addStatement(map, { id: `s${i}`, text: `Aussage ${i}.`, role: 'premise' }));
			if (i > 0) {
				map = mapOf(addSupport(map, { id: `r${i}`, premiseIds: [`s${i}`], conclusionId: 's0' }));
			}
		}
		const large: MapBundle = { title: 'Groß', commentary: { ...commentary, body: '' }, map };
		const exported = exportArgdown(large);
		expect(exported.split('\n')[3]).toMatch(/^argumap: \{"format":"argumap-argdown",/);
		const imported = bundleOf(importArgdown(exported)).map;
		expect(imported.statements).toEqual(map.statements);
		expect(byId(imported.relations)).toEqual(byId(map.relations));
	});

	it('ignores the metadata of another format version, keeping what the Argdown says', () => {
		const other = argdown.replace('"version": 1,', '"version": 2,');
		const imported = bundleOf(importArgdown(other));
		expect(imported.title).toBe(bundle.title);
		expect(imported.commentary.body).not.toBe(bundle.commentary.body);
		expect(imported.map.statements.map((s) => s.id)).not.toContain('claim');
		expect(structure(imported.map)).toHaveLength(bundle.map.relations.length);
	});

	it('takes a text edited in the Argdown over the one in the front matter', () => {
		const edited = argdown.replace(
			': Neue Schulden belasten künftige Generationen. #objection',
			': Neue Schulden belasten unsere Kinder. #objection'
		);
		const imported = bundleOf(importArgdown(edited));
		expect(imported.map.statements.find((s) => s.id === 'objection')?.text).toBe(
			'Neue Schulden belasten unsere Kinder.'
		);
	});

	it('gives every statement a unique title, also for equal and empty texts', () => {
		let map = emptyMap();
		for (const [i, text] of ['Gleich', 'Gleich', '', '[]<>', '-', 'constructor'].entries()) {
			map = mapOf(addStatement(map, { id: `s${i}`, text, role: 'premise' }));
		}
		const exported = exportArgdown({ title: 'T', commentary: { ...commentary, body: '' }, map });
		expect(exported).toContain('[Gleich]: Gleich #premise');
		expect(exported).toContain('[Gleich (2)]: Gleich #premise');
		expect(exported).toContain('[Statement 3]: #premise');
		expect(exported).toContain('[Statement 4]: \\[\\]\\<\\> #premise');
		expect(exported).toContain('[Statement 5]: - #premise');
		// @argdown/core keeps statements in a plain object, where `constructor` is taken.
		expect(exported).toContain('[constructor (2)]: constructor #premise');
		expect(bundleOf(importArgdown(exported)).map).toEqual(map);
	});
});

describe('importArgdown: refusals', () => {
	it('reports a syntax error with its line and column', () => {
		const error = errorOf(importArgdown(fixture('syntax-error.argdown')));
		expect(error).toEqual({
			code: 'import_argdown_syntax',
			line: 2,
			column: 1,
			detail: '[Zweite]:'
		});
	});

	it('reports a backslash with nothing to escape, which the lexer refuses, with its line', () => {
		const error = errorOf(importArgdown('[A]: Eins.\n\n[B]: Zwei \\\n\n[C]: Drei.'));
		expect(error).toEqual({ code: 'import_argdown_syntax', line: 3, column: 11 });
	});

	it('reports broken YAML in a data block with the block’s line', () => {
		const error = errorOf(importArgdown('[A]: Eins.\n\n[B]: Zwei. {a: b: c}\n'));
		expect(error.code).toBe('import_argdown_syntax');
		expect(error.line).toBe(3);
		expect(error.detail).toBeTruthy();
	});

	it('reports broken YAML in the front matter', () => {
		const error = errorOf(importArgdown('===\ntitle: [unclosed\n===\n\n[A]: Eins.\n'));
		expect(error.code).toBe('import_argdown_syntax');
		expect(error.line).toBe(1);
	});

	it('refuses a file above the size limit, counted in UTF-8 bytes', () => {
		expect(errorOf(importArgdown('a'.repeat(IMPORT_MAX_BYTES + 1))).code).toBe('import_too_large');
		const umlauts = 'ü'.repeat(IMPORT_MAX_BYTES / 2 + 1);
		expect(umlauts.length).toBeLessThan(IMPORT_MAX_BYTES);
		expect(errorOf(importArgdown(umlauts)).code).toBe('import_too_large');
	});

	it('refuses a document without statements as empty', () => {
		expect(errorOf(importArgdown('')).code).toBe('import_empty');
		expect(errorOf(importArgdown('  \n\n ')).code).toBe('import_empty');
		expect(errorOf(importArgdown('// Nur ein Kommentar\n')).code).toBe('import_empty');
		expect(errorOf(importArgdown('===\ntitle: Leer\n===\n')).code).toBe('import_empty');
	});

	it('refuses a statement above the text limit, naming it and its line', () => {
		const long = 'x'.repeat(MAP_LIMITS.statementTextLength + 1);
		const error = errorOf(importArgdown(`[Kurz]: Kurz.\n\n[Lang]: ${long}\n`));
		expect(error).toEqual({
			code: 'import_invalid_document',
			line: 3,
			column: 1,
			detail: '[Lang]: too_big'
		});
	});

	it('ignores front-matter ids and anchors that do not fit, keeping the rest', () => {
		const argdown = exportArgdown(exampleBundle())
			.replace('"id": "claim"', '"id": "not a valid id"')
			.replace('"id": "invest"', '"id": "quote"')
			.replace('"end": 37', '"end": 99999');
		const { map } = bundleOf(importArgdown(argdown));
		const ids = map.statements.map((statement) => statement.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('quote');
		expect(ids).not.toContain('claim');
		expect(map.statements[0]?.anchors).toEqual([]);
		expect(findInvariantViolations(map)).toEqual([]);
	});
});

// --- Properties -------------------------------------------------------------------------------

const nastyPieces = [
	'„Zitat“',
	'[Titel]',
	'[x]: ',
	'#tag',
	'#(zwei Wörter)',
	'<Arg>',
	'<!-- Kommentar -->',
	'// Kommentar',
	'/* x */',
	'{a: 1}',
	'===',
	'.A.',
	':smile:',
	'z.B.',
	'**fett**',
	'_kursiv_',
	'@[Titel]',
	'@<Arg>',
	'[Link](https://x.y)',
	'\\',
	'\n',
	'\r\n',
	'\t',
	'  ',
	'- ',
	'+ ',
	'> ',
	'<- ',
	'->',
	'_>',
	'<_',
	'><',
	'(1) ',
	'1. ',
	'* ',
	'----',
	'--',
	',',
	';',
	'()',
	'🙂',
	'\u00a0',
	'\u2028',
	'ß',
	'Ä',
	' '
];

const textArbitrary = fc.oneof(
	fc.string({ maxLength: 30 }),
	fc.string({ unit: 'binary', maxLength: 20 }),
	fc.array(fc.constantFrom(...nastyPieces), { maxLength: 8 }).map((pieces) => pieces.join('')),
	fc.constantFrom('Gleicher Text', '', 'constructor', '__proto__', 'toString', 'Untitled 1')
);

interface MapPlan {
	title: string;
	author: string;
	body: string;
	statements: {
		text: string;
		role: Statement['role'];
		implicit: boolean;
		note: string;
		anchor: [number, number] | null;
		position: { x: number; y: number } | null;
	}[];
	relations: { kind: 'support' | 'rebut' | 'undercut'; a: number; b: number; more: number[] }[];
}

const planArbitrary: fc.Arbitrary<MapPlan> = fc.record({
	title: textArbitrary.filter((title) => title.trim() !== ''),
	author: textArbitrary,
	body: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
	statements: fc.array(
		fc.record({
			text: textArbitrary,
			role: fc.constantFrom(...STATEMENT_ROLES),
			implicit: fc.boolean(),
			note: fc.oneof(fc.constant(''), textArbitrary),
			anchor: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: null }),
			position: fc.option(
				fc.record({
					// JSON, and so every file format, has no -0.
					x: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
					y: fc.integer()
				}),
				{ nil: null }
			)
		}),
		{ minLength: 1, maxLength: 8 }
	),
	relations: fc.array(
		fc.record({
			kind: fc.constantFrom('support', 'rebut', 'undercut'),
			a: fc.nat(),
			b: fc.nat(),
			more: fc.array(fc.nat(), { maxLength: 3 })
		}),
		{ maxLength: 12 }
	)
});

/** A valid map, built with the model's operations; steps they refuse are left out. */
function buildMap(plan: MapPlan): MapBundle {
	let map = emptyMap();
	const n = plan.statements.length;
	plan.statements.forEach((s, i) => {
		const anchors: Anchor[] = [];
		if (s.anchor) {
			const a = s.anchor[0] % plan.body.length;
			const b = s.anchor[1] % plan.body.length;
			const [start, end] = a < b ? [a, b] : [b, a + 1];
			anchors.push({ start, end, quote: plan.body.slice(start, end) });
		}
		map = mapOf(
			addStatement(
				map,
				{
					id: `st${i}`,
					text: s.text,
					role: s.role,
					implicit: s.implicit,
					note: s.note,
					anchors,
					...(s.position ? { position: s.position } : {})
				},
				plan.body.length
			)
		);
	});
	plan.relations.forEach((r, j) => {
		const id = `rel${j}`;
		const attacker = `st${r.a % n}`;
		let result: OperationResult;
		if (r.kind === 'support') {
			const premiseIds = [...new Set([r.a, ...r.more].map((k) => `st${k % n}`))];
			result = addSupport(map, { id, premiseIds, conclusionId: `st${r.b % n}` });
		} else {
			const supports = map.relations.filter((rel) => rel.kind === 'support');
			const target =
				r.kind === 'rebut'
					? { kind: 'statement' as const, id: `st${r.b % n}` }
					: {
							kind: 'relation' as const,
							id: supports[r.b % Math.max(supports.length, 1)]?.id ?? ''
						};
			// Argdown knows a relation once; the same attack twice would be one on import.
			const duplicate = map.relations.some(
				(rel) => rel.kind === 'attack' && rel.attackerId === attacker && rel.target.id === target.id
			);
			result = duplicate
				? { ok: false, code: 'duplicate_id' }
				: addAttack(map, { id, attackerId: attacker, target });
		}
		if (result.ok) map = result.map;
	});
	return {
		title: plan.title,
		commentary: { ...commentary, author: plan.author, body: plan.body, publishedOn: null },
		map
	};
}

describe('export → import, as properties', { timeout: 30_000 }, () => {
	it('keeps every statement and relation exactly, with the front matter', () => {
		fc.assert(
			fc.property(planArbitrary, (plan) => {
				const bundle = buildMap(plan);
				const imported = bundleOf(importArgdown(exportArgdown(bundle)));
				expect(imported.title).toBe(bundle.title);
				expect(imported.commentary).toEqual(bundle.commentary);
				expect(imported.map.statements).toEqual(bundle.map.statements);
				expect(byId(imported.map.relations)).toEqual(byId(bundle.map.relations));
			}),
			{ numRuns: 200 }
		);
	});

	it('keeps counts, kinds, linked premises and undercut targets from the Argdown alone', () => {
		fc.assert(
			fc.property(planArbitrary, (plan) => {
				const bundle = buildMap(plan);
				const argdown = withoutFrontMatter(exportArgdown(bundle));
				const imported = bundleOf(importArgdown(argdown)).map;
				const original = bundle.map;
				expect(imported.statements).toHaveLength(original.statements.length);
				const normalize = (text: string) => text.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
				expect(imported.statements.map((s) => [s.text, s.role, s.implicit])).toEqual(
					original.statements.map((s) => [normalize(s.text), s.role, s.implicit])
				);
				// Same order, so statement i corresponds to statement i; compare relations by index.
				const index = (map: ArgumentMap) => {
					const position = new Map(map.statements.map((s, i) => [s.id, i]));
					const supports = map.relations.filter((r) => r.kind === 'support');
					const supportKey = (id: string) => {
						const s = supports.find((r) => r.id === id);
						return s
							? `${s.premiseIds.map((p) => position.get(p)).join('&')}=>${position.get(s.conclusionId)}`
							: '?';
					};
					return map.relations
						.map((r) =>
							r.kind === 'support'
								? `support ${supportKey(r.id)}`
								: r.target.kind === 'statement'
									? `rebut ${position.get(r.attackerId)}->${position.get(r.target.id)}`
									: `undercut ${position.get(r.attackerId)}->${supportKey(r.target.id)}`
						)
						.sort();
				};
				expect(index(imported)).toEqual(index(original));
			}),
			{ numRuns: 200 }
		);
	});

	it('writes Argdown that @argdown/core itself parses without errors', () => {
		fc.assert(
			fc.property(planArbitrary, (plan) => {
				const response = parseWithArgdown(exportArgdown(buildMap(plan)));
				expect(response.parserErrors).toEqual([]);
				expect(response.exceptions).toEqual([]);
			}),
			{ numRuns: 100 }
		);
	});
});

const argdownPieces = [
	'[A]: ',
	'[B]',
	'<C>: ',
	'<C>',
	'(1) ',
	'(2) ',
	'----',
	'-- {uses: [1]} --',
	'\n',
	'\n\n',
	'  ',
	'  - ',
	'  + ',
	'  <_ ',
	'  _> ',
	'  >< ',
	'  +> ',
	'  -> ',
	'#implicit ',
	'#main-claim',
	'{implicit: true}',
	'{a: [}',
	'===\ntitle: x\n===\n',
	'===\nargumap: {"format": "argumap-argdown", "statements": [1, {"title": "A", "id": 5}]}\n===\n',
	'# Überschrift\n',
	'Text ',
	'[constructor]: ',
	'[__proto__]',
	'„Zitat“ ',
	'\\',
	'// c\n',
	'*',
	'_'
];

describe('importArgdown never throws', { timeout: 30_000 }, () => {
	it('on random strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
				const result = importArgdown(text);
				if (result.ok) {
					expect(
						findInvariantViolations(result.bundle.map, result.bundle.commentary.body.length)
					).toEqual([]);
				} else {
					expect(result.error.code).toMatch(/^import_/);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('on random Argdown-like token soup', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...argdownPieces), { maxLength: 40 }), (pieces) => {
				const result = importArgdown(pieces.join(''));
				if (result.ok) {
					expect(
						findInvariantViolations(result.bundle.map, result.bundle.commentary.body.length)
					).toEqual([]);
				} else {
					expect(result.error.code).toMatch(/^import_/);
				}
			}),
			{ numRuns: 500 }
		);
	});
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '$lib/argument';
import { importArggraph } from '$lib/interchange/arggraph';

/*
 * The arg-microtexts corpus (CC BY-NC-SA) is read from ../shared at run time and never copied into
 * the project. Counts below come from the XML by plain pattern matching, independent of the
 * importer, and follow its semantics:
 * - every <adu> is one statement;
 * - every sup/exa edge is one support and every reb/und edge one attack;
 * - an add edge on a support (directly or through further add edges) only adds a premise to that
 *   support, so it adds no relation; an add edge on an attack becomes an attack of its own, since
 *   the model has no linked attackers (listed in `skipped`);
 * - an und edge on an attack is kept as an attack on that attack's attacker (listed in `skipped`).
 */
const CORPUS = path.resolve(process.cwd(), '../shared/corpus/microtexts');
const LANGUAGES = ['de', 'en'] as const;
const corpusExists = existsSync(CORPUS);

if (!corpusExists) {
	console.warn(`Skipping the arggraph corpus tests: ${CORPUS} does not exist.`);
}

interface Edge {
	id: string;
	src: string;
	trg: string;
	type: string;
}

function edgesOf(xml: string): Edge[] {
	return [...xml.matchAll(/<edge\b[^>]*>/g)].map(([tag]) => {
		const value = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
		return { id: value('id'), src: value('src'), trg: value('trg'), type: value('type') };
	});
}

/** The sup/exa/reb/und edge that an add edge, through any chain of add edges, belongs to. */
function baseType(edges: Map<string, Edge>, edge: Edge): string {
	let current: Edge | undefined = edge;
	while (current?.type === 'add') current = edges.get(current.trg);
	return current?.type ?? '';
}

function expectedCounts(xml: string) {
	const edges = edgesOf(xml);
	const byId = new Map(edges.map((edge) => [edge.id, edge]));
	const count = (type: string) => edges.filter((edge) => edge.type === type).length;
	const isAttack = (type: string) => type === 'reb' || type === 'und';
	const addsOnAttacks = edges.filter(
		(edge) => edge.type === 'add' && isAttack(baseType(byId, edge))
	).length;
	const undercutsOfAttacks = edges.filter((edge) => {
		const target = byId.get(edge.trg);
		return edge.type === 'und' && target !== undefined && isAttack(baseType(byId, target));
	}).length;
	return {
		statements: [...xml.matchAll(/<adu\b/g)].length,
		supports: count('sup') + count('exa'),
		attacks: count('reb') + count('und') + addsOnAttacks,
		relations: count('sup') + count('exa') + count('reb') + count('und') + addsOnAttacks,
		skipped: addsOnAttacks + undercutsOfAttacks
	};
}

function corpusFiles(): { language: (typeof LANGUAGES)[number]; file: string }[] {
	if (!corpusExists) return [];
	return LANGUAGES.flatMap((language) => {
		const dir = path.join(CORPUS, language);
		if (!existsSync(dir)) return [];
		return readdirSync(dir)
			.filter((name) => /^micro_.*\.xml$/.test(name))
			.sort()
			.map((name) => ({ language, file: path.join(dir, name) }));
	});
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!corpusExists)('arggraph import of the arg-microtexts corpus', () => {
	const files = corpusFiles();

	it('finds micro_*.xml files in de/ and en/', () => {
		expect(files.filter((entry) => entry.language === 'de').length).toBeGreaterThan(0);
		expect(files.filter((entry) => entry.language === 'en').length).toBeGreaterThan(0);
	});

	it.each(files.map((entry) => [`${entry.language}/${path.basename(entry.file)}`, entry] as const))(
		'%s',
		(_name, { language, file }) => {
			const xml = readFileSync(file, 'utf8');
			const text = readFileSync(file.replace(/\.xml$/, '.txt'), 'utf8');
			const result = importArggraph(xml, { language });
			if (!result.ok) expect.fail(`import failed: ${JSON.stringify(result.error)}`);
			const { map, commentary } = result.bundle;
			const expected = expectedCounts(xml);

			expect(commentary.language).toBe(language);
			expect(map.statements).toHaveLength(expected.statements);
			expect(map.relations).toHaveLength(expected.relations);
			expect(map.relations.filter((relation) => relation.kind === 'support')).toHaveLength(
				expected.supports
			);
			expect(result.skipped).toHaveLength(expected.skipped);

			expect(normalise(commentary.body)).toBe(normalise(text));
			for (const statement of map.statements) {
				expect(statement.anchors.length).toBeGreaterThan(0);
				for (const anchor of statement.anchors) {
					expect(text).toContain(anchor.quote);
					expect(commentary.body.slice(anchor.start, anchor.end)).toBe(anchor.quote);
				}
			}

			expect(map.statements.filter((statement) => statement.role === 'main_claim')).toHaveLength(1);
			expect(findInvariantViolations(map, commentary.body.length)).toEqual([]);
		}
	);
});

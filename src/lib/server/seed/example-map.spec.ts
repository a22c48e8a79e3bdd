import { describe, expect, it } from 'vitest';
import {
	checkMap,
	findInvariantViolations,
	parseMapDocument,
	createMapDocument
} from '$lib/argument';
import { normaliseCommentaryText } from '$lib/commentary/rules';
import text from './aleppo-feuerpause-kommentar.de.txt?raw';
import { buildExampleMap } from './example-map';

describe('the example map of the Aleppo commentary', () => {
	const body = normaliseCommentaryText(text);
	const map = buildExampleMap(body);

	it('is a valid map whose every anchor quotes the commentary exactly', () => {
		expect(findInvariantViolations(map, body.length)).toEqual([]);
		expect(parseMapDocument(createMapDocument(map), { textLength: body.length }).ok).toBe(true);
		for (const anchor of map.statements.flatMap((statement) => statement.anchors)) {
			expect(body.slice(anchor.start, anchor.end)).toBe(anchor.quote);
		}
	});

	it('shows every kind of structure: main claim, linked argument, undercut, rebuttal, implicit premise', () => {
		expect(map.statements.filter((s) => s.role === 'main_claim')).toHaveLength(1);
		expect(map.relations.some((r) => r.kind === 'support' && r.premiseIds.length > 1)).toBe(true);
		expect(map.relations.some((r) => r.kind === 'attack' && r.target.kind === 'relation')).toBe(
			true
		);
		expect(map.relations.some((r) => r.kind === 'attack' && r.target.kind === 'statement')).toBe(
			true
		);
		expect(map.statements.some((s) => s.implicit && s.anchors.length === 0)).toBe(true);
	});

	it('passes the structural checks a teacher would apply', () => {
		const codes = checkMap(map, body).map((check) => check.code);
		expect(codes).not.toContain('no_main_claim');
		expect(codes).not.toContain('isolated_statement');
		expect(codes).not.toContain('cycle');
		expect(codes).not.toContain('anchor_lost');
	});

	it('refuses a text that lacks one of its quotes', () => {
		expect(() => buildExampleMap(body.replace('Hoffnungsschimmer', 'Lichtblick'))).toThrow(
			/quote not found/
		);
	});
});

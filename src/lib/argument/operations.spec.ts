import { describe, expect, it } from 'vitest';
import {
	anchorFor,
	commentary,
	deepFreeze,
	ids,
	mapOf,
	sampleMap,
	statement
} from './spec-fixtures';
import { findInvariantViolations } from './invariants';
import { MAP_LIMITS } from './limits';
import {
	addAnchor,
	addAttack,
	addPremiseToSupport,
	addStatement,
	addSupport,
	emptyMap,
	moveStatement,
	removeAnchor,
	removePremiseFromSupport,
	removeRelation,
	removeStatement,
	updateStatement
} from './operations';
import type { OperationResult } from './operations';
import type { ArgumentMap, Statement } from './types';

function frozenSample(): ArgumentMap {
	return deepFreeze(sampleMap());
}

function codeOf(result: OperationResult): string | undefined {
	return result.ok ? undefined : result.code;
}

function statementIn(map: ArgumentMap, id: string): Statement | undefined {
	return map.statements.find((candidate) => candidate.id === id);
}

describe('emptyMap', () => {
	it('starts without statements or relations, and a fresh one each time', () => {
		const map = emptyMap();
		expect(map).toEqual({ statements: [], relations: [] });
		expect(emptyMap()).not.toBe(map);
	});
});

describe('addStatement', () => {
	it('appends the statement with defaults for the optional fields', () => {
		const map = mapOf(addStatement(frozenSample(), { id: 'new', text: 'Neu', role: 'premise' }));
		expect(map.statements.at(-1)).toEqual({
			id: 'new',
			text: 'Neu',
			role: 'premise',
			implicit: false,
			anchors: [],
			note: ''
		});
		expect(map.statements).toHaveLength(sampleMap().statements.length + 1);
	});

	it('keeps the given anchors in text order and the position', () => {
		const later = anchorFor('„Sparen ist keine Strategie“');
		const earlier = anchorFor('Schuldenbremse');
		const map = mapOf(
			addStatement(
				emptyMap(),
				{
					id: 's',
					text: 'x',
					role: 'premise',
					anchors: [later, earlier],
					position: { x: 1, y: -2 }
				},
				commentary.length
			)
		);
		expect(map.statements[0]?.anchors).toEqual([earlier, later]);
		expect(map.statements[0]?.position).toEqual({ x: 1, y: -2 });
	});

	it('refuses ids that are malformed or already used by a statement or a relation', () => {
		const map = frozenSample();
		for (const id of ['', 'has space', 'ü', 'x'.repeat(65)]) {
			expect(codeOf(addStatement(map, { id, text: '', role: 'premise' }))).toBe('invalid_id');
		}
		expect(codeOf(addStatement(map, { id: 'x'.repeat(64), text: '', role: 'premise' }))).toBe(
			undefined
		);
		expect(codeOf(addStatement(map, { id: 'claim', text: '', role: 'premise' }))).toBe(
			'duplicate_id'
		);
		expect(codeOf(addStatement(map, { id: 's-main', text: '', role: 'premise' }))).toBe(
			'duplicate_id'
		);
	});

	it('refuses overlong text and notes, bad anchors and non-finite positions', () => {
		const base = { id: 'n', role: 'premise' as const, text: 'ok' };
		const tooLong = 'x'.repeat(MAP_LIMITS.statementTextLength + 1);
		expect(codeOf(addStatement(emptyMap(), { ...base, text: tooLong }))).toBe('text_too_long');
		expect(codeOf(addStatement(emptyMap(), { ...base, note: tooLong }))).toBe('text_too_long');
		expect(
			codeOf(addStatement(emptyMap(), { ...base, anchors: [{ start: 4, end: 4, quote: '' }] }))
		).toBe('anchor_out_of_range');
		expect(
			codeOf(
				addStatement(emptyMap(), { ...base, anchors: [{ start: 0, end: 5, quote: 'abcde' }] }, 4)
			)
		).toBe('anchor_out_of_range');
		expect(codeOf(addStatement(emptyMap(), { ...base, position: { x: Number.NaN, y: 0 } }))).toBe(
			'invalid_position'
		);
	});

	it('refuses a statement beyond the limit', () => {
		const full: ArgumentMap = {
			statements: Array.from({ length: MAP_LIMITS.statements }, (_, i) =>
				statement(`s${i}`, 'premise')
			),
			relations: []
		};
		expect(codeOf(addStatement(full, { id: 'one-more', text: '', role: 'premise' }))).toBe(
			'limit_exceeded'
		);
	});
});

describe('updateStatement', () => {
	it('changes only the given fields and leaves other statements untouched', () => {
		const before = frozenSample();
		const map = mapOf(
			updateStatement(before, 'quote', {
				text: '„Sparen ist keine Strategie“ 🙂',
				implicit: undefined,
				role: 'intermediate_conclusion'
			})
		);
		expect(statementIn(map, 'quote')).toEqual({
			...statementIn(before, 'quote'),
			text: '„Sparen ist keine Strategie“ 🙂',
			role: 'intermediate_conclusion'
		});
		expect(statementIn(map, 'claim')).toBe(statementIn(before, 'claim'));
		expect(map.relations).toBe(before.relations);
	});

	it('can change the implicit flag and the note', () => {
		const map = mapOf(updateStatement(frozenSample(), 'claim', { implicit: true, note: 'Prüfen' }));
		expect(statementIn(map, 'claim')).toMatchObject({ implicit: true, note: 'Prüfen' });
	});

	it('refuses an unknown statement and overlong text', () => {
		expect(codeOf(updateStatement(frozenSample(), 'nope', { text: 'x' }))).toBe(
			'statement_not_found'
		);
		expect(codeOf(updateStatement(frozenSample(), 's-main', { text: 'x' }))).toBe(
			'statement_not_found'
		);
		const tooLong = 'x'.repeat(MAP_LIMITS.noteLength + 1);
		expect(codeOf(updateStatement(frozenSample(), 'claim', { note: tooLong }))).toBe(
			'text_too_long'
		);
	});
});

describe('removeStatement', () => {
	it('removes supports of it and the undercuts aimed at them', () => {
		const map = mapOf(removeStatement(frozenSample(), 'invest'));
		expect(ids(map.statements)).not.toContain('invest');
		// s-main loses a premise but keeps `implicit`; s-invest concluded `invest`, u-source undercut it.
		expect(ids(map.relations)).toEqual(['s-main', 'a-objection', 'a-reply']);
		expect(map.relations[0]).toEqual({
			id: 's-main',
			kind: 'support',
			premiseIds: ['implicit'],
			conclusionId: 'claim'
		});
		expect(findInvariantViolations(map)).toEqual([]);
	});

	it('removes a support whose last premise it was, with the undercuts on it', () => {
		const map = mapOf(removeStatement(frozenSample(), 'quote'));
		expect(ids(map.relations)).toEqual(['s-main', 'a-objection', 'a-reply']);
		expect(findInvariantViolations(map)).toEqual([]);
	});

	it('removes attacks by it and on it', () => {
		const map = mapOf(removeStatement(frozenSample(), 'objection'));
		expect(ids(map.relations)).toEqual(['s-main', 's-invest', 'u-source']);
		const withoutSource = mapOf(removeStatement(frozenSample(), 'source'));
		expect(ids(withoutSource.relations)).not.toContain('u-source');
	});

	it('removes the whole argument that hangs on the main claim', () => {
		const map = mapOf(removeStatement(frozenSample(), 'claim'));
		expect(ids(map.relations)).toEqual(['s-invest', 'u-source', 'a-reply']);
		expect(findInvariantViolations(map)).toEqual([]);
	});

	it('refuses an unknown statement', () => {
		expect(codeOf(removeStatement(frozenSample(), 'nope'))).toBe('statement_not_found');
	});
});

describe('addAnchor and removeAnchor', () => {
	it('adds an anchor with German quotes and an emoji, keeping text order', () => {
		const anchor = anchorFor('sagt die Ministerin 🙂');
		const map = mapOf(addAnchor(frozenSample(), 'claim', anchor, commentary.length));
		const anchors = statementIn(map, 'claim')?.anchors ?? [];
		expect(anchors).toHaveLength(2);
		expect(anchors[1]).toEqual(anchor);
		expect(commentary.slice(anchor.start, anchor.end)).toBe('sagt die Ministerin 🙂');

		const earlier = mapOf(addAnchor(map, 'claim', anchorFor('Die')));
		expect(statementIn(earlier, 'claim')?.anchors.map((a) => a.quote)).toEqual([
			'Die',
			'Die Schuldenbremse gehört reformiert.',
			'sagt die Ministerin 🙂'
		]);
	});

	it('changes nothing when the anchor is already there', () => {
		const existing = anchorFor('Die Schuldenbremse gehört reformiert.');
		const map = mapOf(addAnchor(frozenSample(), 'claim', { ...existing }));
		expect(statementIn(map, 'claim')?.anchors).toEqual([existing]);
	});

	it('refuses empty or out-of-range anchors, overlong quotes, unknown statements and too many', () => {
		const sample = frozenSample();
		expect(codeOf(addAnchor(sample, 'claim', { start: 5, end: 5, quote: '' }))).toBe(
			'anchor_out_of_range'
		);
		expect(
			codeOf(
				addAnchor(
					sample,
					'claim',
					{ start: 0, end: commentary.length + 1, quote: 'x' },
					commentary.length
				)
			)
		).toBe('anchor_out_of_range');
		const longQuote = 'x'.repeat(MAP_LIMITS.quoteLength + 1);
		expect(
			codeOf(addAnchor(sample, 'claim', { start: 0, end: longQuote.length, quote: longQuote }))
		).toBe('text_too_long');
		expect(codeOf(addAnchor(sample, 'nope', anchorFor('Die')))).toBe('statement_not_found');

		const crowded = mapOf(
			addStatement(emptyMap(), {
				id: 'crowded',
				text: '',
				role: 'premise',
				anchors: Array.from({ length: MAP_LIMITS.anchorsPerStatement }, (_, i) => ({
					start: i,
					end: i + 1,
					quote: 'x'
				}))
			})
		);
		expect(codeOf(addAnchor(crowded, 'crowded', { start: 0, end: 2, quote: 'xx' }))).toBe(
			'limit_exceeded'
		);
	});

	it('removes an anchor by its index in text order', () => {
		const map = mapOf(addAnchor(frozenSample(), 'claim', anchorFor('Brücken')));
		const removed = mapOf(removeAnchor(map, 'claim', 0));
		expect(statementIn(removed, 'claim')?.anchors.map((a) => a.quote)).toEqual(['Brücken']);
	});

	it('refuses an anchor index that does not exist', () => {
		for (const index of [1, -1, 0.5, Number.NaN]) {
			expect(codeOf(removeAnchor(frozenSample(), 'claim', index))).toBe('anchor_not_found');
		}
		expect(codeOf(removeAnchor(frozenSample(), 'nope', 0))).toBe('statement_not_found');
	});
});

describe('moveStatement', () => {
	it('sets the position and refuses non-finite coordinates', () => {
		const map = mapOf(moveStatement(frozenSample(), 'claim', { x: 120.5, y: -40 }));
		expect(statementIn(map, 'claim')?.position).toEqual({ x: 120.5, y: -40 });
		expect(codeOf(moveStatement(map, 'claim', { x: Infinity, y: 0 }))).toBe('invalid_position');
		expect(codeOf(moveStatement(map, 'nope', { x: 0, y: 0 }))).toBe('statement_not_found');
	});
});

describe('addSupport', () => {
	it('adds a simple and a linked support', () => {
		const sample = frozenSample();
		const simple = mapOf(
			addSupport(sample, { id: 's-new', premiseIds: ['reply'], conclusionId: 'claim' })
		);
		expect(simple.relations.at(-1)).toEqual({
			id: 's-new',
			kind: 'support',
			premiseIds: ['reply'],
			conclusionId: 'claim'
		});
		const linked = mapOf(
			addSupport(sample, { id: 's-linked', premiseIds: ['quote', 'source'], conclusionId: 'claim' })
		);
		expect(linked.relations.at(-1)).toMatchObject({ premiseIds: ['quote', 'source'] });
		expect(findInvariantViolations(linked)).toEqual([]);
	});

	it('refuses what would break an invariant', () => {
		const sample = frozenSample();
		const support = (premiseIds: string[], conclusionId = 'claim', id = 's-new') =>
			codeOf(addSupport(sample, { id, premiseIds, conclusionId }));
		expect(support(['quote'], 'claim', 's-main')).toBe('duplicate_id');
		expect(support(['quote'], 'claim', 'bad id')).toBe('invalid_id');
		expect(support([])).toBe('empty_premises');
		expect(support(['quote', 'quote'])).toBe('duplicate_premise');
		expect(support(['ghost'])).toBe('dangling_reference');
		expect(support(['quote'], 'ghost')).toBe('dangling_reference');
		expect(support(['quote'], 's-invest')).toBe('dangling_reference');
		expect(support(['claim'])).toBe('self_support');
		expect(support(['quote', 'claim'])).toBe('self_support');
	});

	it('refuses more premises than allowed', () => {
		const many = Array.from({ length: MAP_LIMITS.premisesPerSupport + 1 }, (_, i) =>
			statement(`p${i}`, 'premise')
		);
		const map: ArgumentMap = { statements: [...many, statement('c', 'main_claim')], relations: [] };
		expect(codeOf(addSupport(map, { id: 's', premiseIds: ids(many), conclusionId: 'c' }))).toBe(
			'limit_exceeded'
		);
	});

	it('refuses a relation beyond the limit', () => {
		const map: ArgumentMap = {
			statements: [statement('a', 'premise'), statement('b', 'main_claim')],
			relations: Array.from({ length: MAP_LIMITS.relations }, (_, i) => ({
				id: `s${i}`,
				kind: 'support' as const,
				premiseIds: ['a'],
				conclusionId: 'b'
			}))
		};
		expect(codeOf(addSupport(map, { id: 'more', premiseIds: ['a'], conclusionId: 'b' }))).toBe(
			'limit_exceeded'
		);
	});
});

describe('addPremiseToSupport', () => {
	it('turns a simple support into a linked one', () => {
		const map = mapOf(addPremiseToSupport(frozenSample(), 's-invest', 'implicit'));
		expect(map.relations.find((relation) => relation.id === 's-invest')).toEqual({
			id: 's-invest',
			kind: 'support',
			premiseIds: ['quote', 'implicit'],
			conclusionId: 'invest'
		});
	});

	it('refuses duplicates, self-support, unknown statements and non-supports', () => {
		const sample = frozenSample();
		expect(codeOf(addPremiseToSupport(sample, 's-invest', 'quote'))).toBe('duplicate_premise');
		expect(codeOf(addPremiseToSupport(sample, 's-invest', 'invest'))).toBe('self_support');
		expect(codeOf(addPremiseToSupport(sample, 's-invest', 'ghost'))).toBe('dangling_reference');
		expect(codeOf(addPremiseToSupport(sample, 'ghost', 'quote'))).toBe('relation_not_found');
		expect(codeOf(addPremiseToSupport(sample, 'a-reply', 'quote'))).toBe('not_a_support');
	});
});

describe('removePremiseFromSupport', () => {
	it('takes a premise out of a linked support', () => {
		const map = mapOf(removePremiseFromSupport(frozenSample(), 's-main', 'invest'));
		expect(map.relations.find((relation) => relation.id === 's-main')).toMatchObject({
			premiseIds: ['implicit']
		});
		expect(ids(map.statements)).toContain('invest');
	});

	it('refuses to take the last premise, one that is not there, and non-supports', () => {
		const sample = frozenSample();
		expect(codeOf(removePremiseFromSupport(sample, 's-invest', 'quote'))).toBe('empty_premises');
		expect(codeOf(removePremiseFromSupport(sample, 's-main', 'quote'))).toBe('premise_not_found');
		expect(codeOf(removePremiseFromSupport(sample, 'u-source', 'source'))).toBe('not_a_support');
		expect(codeOf(removePremiseFromSupport(sample, 'ghost', 'quote'))).toBe('relation_not_found');
	});
});

describe('addAttack', () => {
	it('adds a rebuttal of a statement and an undercut of a support', () => {
		const rebuttal = mapOf(
			addAttack(frozenSample(), {
				id: 'a-new',
				attackerId: 'source',
				target: { kind: 'statement', id: 'quote' }
			})
		);
		expect(rebuttal.relations.at(-1)).toEqual({
			id: 'a-new',
			kind: 'attack',
			attackerId: 'source',
			target: { kind: 'statement', id: 'quote' }
		});
		const undercut = mapOf(
			addAttack(frozenSample(), {
				id: 'u-new',
				attackerId: 'objection',
				target: { kind: 'relation', id: 's-main' }
			})
		);
		expect(undercut.relations.at(-1)).toMatchObject({ target: { kind: 'relation', id: 's-main' } });
		expect(findInvariantViolations(undercut)).toEqual([]);
	});

	it('refuses self-attacks, undercuts of attacks and unknown targets', () => {
		const sample = frozenSample();
		const attack = (attackerId: string, kind: 'statement' | 'relation', id: string) =>
			codeOf(addAttack(sample, { id: 'x', attackerId, target: { kind, id } }));
		expect(attack('claim', 'statement', 'claim')).toBe('self_attack');
		expect(attack('claim', 'relation', 'a-reply')).toBe('undercut_target_not_support');
		expect(attack('claim', 'relation', 'ghost')).toBe('dangling_reference');
		expect(attack('claim', 'statement', 'ghost')).toBe('dangling_reference');
		expect(attack('claim', 'statement', 's-main')).toBe('dangling_reference');
		expect(attack('ghost', 'statement', 'claim')).toBe('dangling_reference');
		expect(
			codeOf(
				addAttack(sample, {
					id: 'claim',
					attackerId: 'reply',
					target: { kind: 'statement', id: 'claim' }
				})
			)
		).toBe('duplicate_id');
	});
});

describe('removeRelation', () => {
	it('removes a support together with the undercuts aimed at it', () => {
		const before = frozenSample();
		const map = mapOf(removeRelation(before, 's-invest'));
		expect(ids(map.relations)).toEqual(['s-main', 'a-objection', 'a-reply']);
		expect(map.statements).toBe(before.statements);
	});

	it('removes only the attack itself', () => {
		const map = mapOf(removeRelation(frozenSample(), 'a-objection'));
		expect(ids(map.relations)).toEqual(['s-main', 's-invest', 'u-source', 'a-reply']);
	});

	it('refuses an unknown relation', () => {
		expect(codeOf(removeRelation(frozenSample(), 'claim'))).toBe('relation_not_found');
	});
});

describe('operations together', () => {
	// A seeded generator, so a failure can be reproduced.
	function random(seed: number) {
		let state = seed;
		return (n: number) => {
			// mulberry32
			state = (state + 0x6d2b79f5) | 0;
			let t = Math.imul(state ^ (state >>> 15), 1 | state);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
		};
	}

	it('never produce a map that breaks an invariant, whatever the caller asks', () => {
		const next = random(42);
		const pick = (list: string[]) => list[next(list.length)] ?? 'missing';
		let map = deepFreeze(emptyMap());
		let applied = 0;
		for (let step = 0; step < 2_000; step++) {
			const statementIds = [...ids(map.statements), 'ghost'];
			const relationIds = [...ids(map.relations), 'ghost'];
			const everyId = [...statementIds, ...relationIds];
			const candidates: (() => OperationResult)[] = [
				() => addStatement(map, { id: `n${next(40)}`, text: '„Text“ 🙂', role: 'premise' }),
				() => removeStatement(map, pick(statementIds)),
				() =>
					addSupport(map, {
						id: `r${next(60)}`,
						premiseIds: [pick(statementIds), pick(statementIds)].slice(0, 1 + next(2)),
						conclusionId: pick(statementIds)
					}),
				() =>
					addAttack(map, {
						id: `r${next(60)}`,
						attackerId: pick(statementIds),
						target: next(2)
							? { kind: 'statement', id: pick(everyId) }
							: { kind: 'relation', id: pick(everyId) }
					}),
				() => addPremiseToSupport(map, pick(relationIds), pick(statementIds)),
				() => removePremiseFromSupport(map, pick(relationIds), pick(statementIds)),
				() => removeRelation(map, pick(relationIds)),
				() => addAnchor(map, pick(statementIds), { start: next(5), end: next(8), quote: 'q' }, 6)
			];
			const result = (candidates[next(candidates.length)] ?? (() => removeRelation(map, '')))();
			if (result.ok) {
				map = deepFreeze(result.map);
				applied++;
				expect(findInvariantViolations(map, 6)).toEqual([]);
			}
		}
		expect(applied).toBeGreaterThan(300);
		expect(map.relations.some((relation) => relation.kind === 'attack')).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { COMMENT_BODY_MAX_LENGTH, commentTargetIn, validateComment } from './rules';

const map: ArgumentMap = {
	statements: [
		{ id: 'c', text: 'Claim', role: 'main_claim', implicit: false, anchors: [], note: '' },
		{ id: 'p', text: 'Premise', role: 'premise', implicit: false, anchors: [], note: '' }
	],
	relations: [{ id: 'r', kind: 'support', premiseIds: ['p'], conclusionId: 'c' }]
};

describe('commentTargetIn', () => {
	it('accepts the whole map, and statements and relations that are in the map', () => {
		expect(commentTargetIn(map, 'map', 'ignored')).toEqual({ kind: 'map', id: null });
		expect(commentTargetIn(map, 'statement', 'c')).toEqual({ kind: 'statement', id: 'c' });
		expect(commentTargetIn(map, 'relation', 'r')).toEqual({ kind: 'relation', id: 'r' });
	});

	it('refuses unknown ids, ids of the other kind and unknown kinds', () => {
		expect(commentTargetIn(map, 'statement', 'gone')).toBeUndefined();
		expect(commentTargetIn(map, 'statement', 'r')).toBeUndefined();
		expect(commentTargetIn(map, 'relation', 'c')).toBeUndefined();
		expect(commentTargetIn(map, 'paragraph', 'c')).toBeUndefined();
		expect(commentTargetIn(map, '', '')).toBeUndefined();
	});
});

describe('validateComment', () => {
	it('trims the body and keeps its text as written', () => {
		const result = validateComment(
			{ targetKind: 'statement', targetId: 'p', body: '  <b>Why?</b>\r\nSource?  ' },
			map
		);
		expect(result).toEqual({
			ok: true,
			value: { target: { kind: 'statement', id: 'p' }, body: '<b>Why?</b>\nSource?' }
		});
	});

	it('refuses an empty body and one over the limit, counted in code points', () => {
		const input = { targetKind: 'map', targetId: '' };
		expect(validateComment({ ...input, body: ' \n\t ' }, map)).toEqual({
			ok: false,
			code: 'comment_body_empty'
		});
		const emoji = '🙂'.repeat(COMMENT_BODY_MAX_LENGTH);
		expect(validateComment({ ...input, body: emoji }, map).ok).toBe(true);
		expect(validateComment({ ...input, body: `${emoji}!` }, map)).toEqual({
			ok: false,
			code: 'comment_body_too_long'
		});
	});

	it('refuses a target that is not in the map', () => {
		expect(validateComment({ targetKind: 'relation', targetId: 'x', body: 'Hm' }, map)).toEqual({
			ok: false,
			code: 'comment_target_invalid'
		});
	});
});

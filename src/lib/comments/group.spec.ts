import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { commentCounts, commentsOn, groupComments, relationFocus, type CommentView } from './group';
import type { CommentTarget } from './rules';

const map: ArgumentMap = {
	statements: [
		{ id: 'c', text: 'Claim', role: 'main_claim', implicit: false, anchors: [], note: '' },
		{ id: 'p', text: 'Premise', role: 'premise', implicit: false, anchors: [], note: '' },
		{ id: 'o', text: 'Objection', role: 'objection', implicit: false, anchors: [], note: '' }
	],
	relations: [
		{ id: 'r', kind: 'support', premiseIds: ['p'], conclusionId: 'c' },
		{ id: 'u', kind: 'attack', attackerId: 'o', target: { kind: 'relation', id: 'r' } },
		{ id: 'b', kind: 'attack', attackerId: 'o', target: { kind: 'statement', id: 'p' } }
	]
};

let next = 0;
function comment(target: CommentTarget): CommentView {
	next += 1;
	return {
		id: `k${next}`,
		target,
		body: `Comment ${next}`,
		authorName: 'T',
		createdAt: next,
		mine: false
	};
}

const onMap = comment({ kind: 'map', id: null });
const onP1 = comment({ kind: 'statement', id: 'p' });
const onR = comment({ kind: 'relation', id: 'r' });
const onC = comment({ kind: 'statement', id: 'c' });
const onP2 = comment({ kind: 'statement', id: 'p' });
const onGone = comment({ kind: 'statement', id: 'deleted' });
const all = [onP1, onR, onGone, onC, onMap, onP2];

describe('groupComments', () => {
	it('puts the whole map first, then statements and relations in map order, then removed targets', () => {
		const groups = groupComments(all, map);
		expect(groups.map((group) => group.key)).toEqual([
			'map',
			'statement:c',
			'statement:p',
			'relation:r',
			'removed'
		]);
		expect(groups[2]?.comments).toEqual([onP1, onP2]);
		expect(groups[4]?.comments).toEqual([onGone]);
	});

	it('has no groups without comments', () => {
		expect(groupComments([], map)).toEqual([]);
	});
});

describe('commentCounts and commentsOn', () => {
	it('counts comments per statement and relation, not the whole-map ones', () => {
		expect(commentCounts(all)).toEqual(
			new Map([
				['p', 2],
				['r', 1],
				['deleted', 1],
				['c', 1]
			])
		);
	});

	it('finds the comments on one target', () => {
		expect(commentsOn(all, { kind: 'statement', id: 'p' })).toEqual([onP1, onP2]);
		expect(commentsOn(all, { kind: 'map', id: null })).toEqual([onMap]);
		expect(commentsOn(all, { kind: 'relation', id: 'p' })).toEqual([]);
	});
});

describe('relationFocus', () => {
	it('names a support by its conclusion, a rebuttal by its target, an undercut by the support’s conclusion', () => {
		const [support, undercut, rebuttal] = map.relations;
		expect(relationFocus(map, support!)?.id).toBe('c');
		expect(relationFocus(map, rebuttal!)?.id).toBe('p');
		expect(relationFocus(map, undercut!)?.id).toBe('c');
	});
});

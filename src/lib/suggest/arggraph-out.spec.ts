import { describe, expect, it } from 'vitest';
import { importArggraph } from '$lib/interchange/arggraph';
import { suggestionToArggraph } from './arggraph-out';
import { readGold, type GoldText, type TreeNode } from './gold';

// Sentences written for this test; a1 is made of two EDUs joined through a joint.
const XML = `<arggraph id="test_bikes">
  <edu id="e1"><![CDATA[Bike lanes make towns safer]]></edu>
  <edu id="e2"><![CDATA[and cleaner.]]></edu>
  <edu id="e3"><![CDATA[Fewer cyclists are hurt where lanes are separate.]]></edu>
  <edu id="e4"><![CDATA[Some say they cost too much.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="opp"/>
  <edge id="c4" src="e1" trg="j1" type="seg"/>
  <edge id="c5" src="e2" trg="j1" type="seg"/>
  <edge id="c6" src="j1" trg="a1" type="seg"/>
  <edge id="c7" src="e3" trg="a2" type="seg"/>
  <edge id="c8" src="e4" trg="a3" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="sup"/>
  <edge id="c2" src="a3" trg="a1" type="reb"/>
</arggraph>`;

function gold(xml: string): GoldText {
	const result = readGold(xml);
	if (!result.ok) expect.fail(JSON.stringify(result.error));
	return result.gold;
}

const tree = (text: GoldText): TreeNode[] =>
	text.units.map(({ function: fn, target, stance }) => ({ function: fn, target, stance }));

describe('suggestionToArggraph', () => {
	it('writes a suggestion that reads back as the same tree over the same units', () => {
		const original = gold(XML);
		const suggestion: TreeNode[] = [
			{ function: 'support', target: 1, stance: 'pro' },
			{ function: 'central_claim', target: null, stance: 'pro' },
			{ function: 'attack', target: 1, stance: 'opp' }
		];
		const written = suggestionToArggraph(original, suggestion);
		const reread = gold(written);

		expect(reread.id).toBe('test_bikes');
		expect(reread.edus).toEqual(original.edus);
		expect(reread.units.map(({ aduId, eduIds, text }) => ({ aduId, eduIds, text }))).toEqual(
			original.units.map(({ aduId, eduIds, text }) => ({ aduId, eduIds, text }))
		);
		expect(tree(reread)).toEqual(suggestion);
		expect(written).toContain('<edge id="c5" src="a1" trg="a2" type="sup"/>');
		expect(written).toContain('<edge id="c6" src="a3" trg="a2" type="reb"/>');
		expect(importArggraph(written).ok).toBe(true);
	});

	it('writes the gold tree as it was', () => {
		const original = gold(XML);
		expect(tree(gold(suggestionToArggraph(original, tree(original))))).toEqual(tree(original));
	});

	it('keeps texts and ids that need escaping', () => {
		const original: GoldText = {
			id: 'a "quoted" & <odd> id',
			edus: [
				{ id: 'e1', text: 'Brackets ]]> inside & <tags> stay text.' },
				{ id: 'e2', text: 'So they do.' }
			],
			units: [
				{
					aduId: 'a1',
					eduIds: ['e1'],
					text: '',
					function: 'central_claim',
					target: null,
					stance: 'pro'
				},
				{ aduId: 'a2', eduIds: ['e2'], text: '', function: 'support', target: 0, stance: 'pro' }
			]
		};
		const reread = gold(suggestionToArggraph(original, tree(original)));
		expect(reread.id).toBe(original.id);
		expect(reread.edus).toEqual(original.edus);
		expect(tree(reread)).toEqual(tree(original));
	});

	it('refuses a suggestion over a different number of units', () => {
		expect(() => suggestionToArggraph(gold(XML), [])).toThrow(/0 suggested units for 3 gold units/);
	});
});

import { describe, expect, it } from 'vitest';
import { locateUnits, readGold } from './gold';

// Sentences written for these tests.
const CAR_FREE = `<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="test_cars" topic_id="car_free_centres" stance="pro">
  <edu id="e1"><![CDATA[Cities should ban cars from their centres.]]></edu>
  <edu id="e2"><![CDATA[Streets would become quieter]]></edu>
  <edu id="e3"><![CDATA[and children could play outside.]]></edu>
  <edu id="e4"><![CDATA[Shop owners fear losing customers.]]></edu>
  <edu id="e5"><![CDATA[But people on foot spend more money locally,]]></edu>
  <edu id="e6"><![CDATA[as a survey in our town showed.]]></edu>
  <edu id="e7"><![CDATA[Deliveries could still be allowed in the mornings.]]></edu>
  <joint id="j1"/>
  <adu id="a6" type="pro"/>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="opp"/>
  <adu id="a4" type="pro"/>
  <adu id="a5" type="pro"/>
  <edge id="c10" src="e1" trg="a1" type="seg"/>
  <edge id="c11" src="e2" trg="j1" type="seg"/>
  <edge id="c12" src="e3" trg="j1" type="seg"/>
  <edge id="c13" src="j1" trg="a2" type="seg"/>
  <edge id="c14" src="e4" trg="a3" type="seg"/>
  <edge id="c15" src="e5" trg="a4" type="seg"/>
  <edge id="c16" src="e6" trg="a5" type="seg"/>
  <edge id="c17" src="e7" trg="a6" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="sup"/>
  <edge id="c2" src="a3" trg="a1" type="reb"/>
  <edge id="c3" src="a4" trg="c2" type="und"/>
  <edge id="c4" src="a5" trg="a4" type="exa"/>
  <edge id="c5" src="a6" trg="c3" type="add"/>
</arggraph>`;

// An added premise of a support, and a multi-EDU ADU joined by plain seg edges.
const LINKED = `<arggraph id="test_linked">
  <edu id="e1"><![CDATA[Schools should start later.]]></edu>
  <edu id="e2"><![CDATA[Teenagers sleep late by nature,]]></edu>
  <edu id="e3"><![CDATA[so early lessons]]></edu>
  <edu id="e4"><![CDATA[are lost on them.]]></edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="pro"/>
  <edge id="s1" src="e1" trg="a1" type="seg"/>
  <edge id="s2" src="e2" trg="a2" type="seg"/>
  <edge id="s3" src="e3" trg="a3" type="seg"/>
  <edge id="s4" src="e4" trg="a3" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="sup"/>
  <edge id="c2" src="a3" trg="c1" type="add"/>
</arggraph>`;

function gold(xml: string) {
	const result = readGold(xml);
	if (!result.ok) expect.fail(JSON.stringify(result.error));
	return result.gold;
}

describe('readGold', () => {
	it('orders the units by their first EDU and joins the EDUs of a unit', () => {
		const { id, units, edus } = gold(CAR_FREE);
		expect(id).toBe('test_cars');
		expect(edus.map((edu) => edu.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
		expect(units.map((unit) => unit.aduId)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
		expect(units[1]).toMatchObject({
			eduIds: ['e2', 'e3'],
			text: 'Streets would become quieter and children could play outside.'
		});
	});

	it('reduces sup, exa, reb, und and add edges to a tree', () => {
		const tree = gold(CAR_FREE).units.map(({ function: fn, target, stance }) => ({
			fn,
			target,
			stance
		}));
		expect(tree).toEqual([
			{ fn: 'central_claim', target: null, stance: 'pro' },
			// sup
			{ fn: 'support', target: 0, stance: 'pro' },
			// reb
			{ fn: 'attack', target: 0, stance: 'opp' },
			// und of the rebuttal c2: attacks its source a3
			{ fn: 'attack', target: 2, stance: 'pro' },
			// exa
			{ fn: 'support', target: 3, stance: 'pro' },
			// add to the undercut c3: supports its source a4
			{ fn: 'support', target: 3, stance: 'pro' }
		]);
	});

	it('makes an added linked premise support its partner premise', () => {
		const { units } = gold(LINKED);
		expect(units.map((unit) => [unit.function, unit.target])).toEqual([
			['central_claim', null],
			['support', 0],
			['support', 1]
		]);
		expect(units[2]).toMatchObject({
			eduIds: ['e3', 'e4'],
			text: 'so early lessons are lost on them.'
		});
	});

	it('refuses what is not an arggraph', () => {
		expect(readGold('<map/>')).toMatchObject({
			ok: false,
			error: { code: 'import_unknown_format' }
		});
		expect(readGold('<arggraph><edu>')).toMatchObject({
			ok: false,
			error: { code: 'import_not_xml' }
		});
	});
});

describe('locateUnits', () => {
	it('finds every unit in the raw text, whatever the whitespace between its words', () => {
		const text =
			'Schools should start later.\n\nTeenagers sleep  late by nature,\nso early lessons are lost on them.\n';
		const spans = locateUnits(text, gold(LINKED));
		expect(spans.map((span) => span && text.slice(span.start, span.end))).toEqual([
			'Schools should start later.',
			'Teenagers sleep  late by nature,',
			'so early lessons are lost on them.'
		]);
	});

	it('searches on from the previous EDU, so a repeated phrase is found in its own place', () => {
		const xml = `<arggraph>
			<edu id="e1">Yes.</edu><edu id="e2">We agree.</edu><edu id="e3">Yes.</edu>
			<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>
			<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
			<edge id="s3" src="e3" trg="a3" type="seg"/>
			<edge id="c1" src="a1" trg="a2" type="sup"/><edge id="c2" src="a3" trg="a2" type="sup"/>
		</arggraph>`;
		expect(locateUnits('Yes. We agree. Yes.', gold(xml))).toEqual([
			{ start: 0, end: 4 },
			{ start: 5, end: 14 },
			{ start: 15, end: 19 }
		]);
	});

	it('gives null for a unit whose words are not in the text', () => {
		const spans = locateUnits('Schools should start later. Something else entirely.', gold(LINKED));
		expect(spans[0]).toEqual({ start: 0, end: 27 });
		expect(spans.slice(1)).toEqual([null, null]);
	});
});

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ArgumentMap, Statement } from '$lib/argument';
import { wrapLabel } from './graph-layout';
import { escapeXml, exportSvg } from './svg';

const PAYLOADS = [
	'<img src=x onerror=alert(1)>',
	'</script><script>alert(1)</script>',
	']]><foreignObject>x</foreignObject>',
	'javascript:alert(1)',
	'Umkehr \u202E gnirts',
	'NUL \u0000 and lone \uD800 surrogate',
	'„Waffenruhe“ & <Frieden>'
];

const statement = (id: string, text: string, extra: Partial<Statement> = {}): Statement => ({
	id,
	text,
	role: 'premise',
	implicit: false,
	anchors: [],
	note: '',
	...extra
});

const map: ArgumentMap = {
	statements: [
		statement('c', 'Die Bundesregierung muss reden.', { role: 'main_claim' }),
		...PAYLOADS.map((text, i) => statement(`p${i}`, text, { implicit: i === 0 }))
	],
	relations: [
		{ id: 's1', kind: 'support', premiseIds: ['p0', 'p1'], conclusionId: 'c' },
		{ id: 'a1', kind: 'attack', attackerId: 'p2', target: { kind: 'relation', id: 's1' } },
		{ id: 'a2', kind: 'attack', attackerId: 'p3', target: { kind: 'statement', id: 'c' } }
	]
};

describe('exportSvg', () => {
	const svg = exportSvg(map, 'Karte <mit> „Titel“');

	it('is well-formed XML whose texts read back literally', () => {
		expect(XMLValidator.validate(svg)).toBe(true);
		const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
		expect(parsed.svg.title).toBe('Karte <mit> „Titel“');
		const lines: string[] = [];
		JSON.stringify(parsed, (key, value) => {
			if (key === '#text') lines.push(String(value));
			return value;
		});
		// Labels wrap at spaces, so the payload reads back across its lines.
		expect(lines.join(' ')).toContain('<img src=x onerror=alert(1)>');
	});

	it('has no script, foreignObject or event attribute, whatever the statements say', () => {
		// Structurally, not by searching the text: the payloads are meant to appear as text.
		const names = new Set<string>();
		const visit = (value: unknown) => {
			if (Array.isArray(value)) return value.forEach(visit);
			if (typeof value !== 'object' || value === null) return;
			for (const [key, child] of Object.entries(value)) {
				names.add(key);
				visit(child);
			}
		};
		visit(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg));
		expect([...names].filter((name) => /^(script|foreignObject)$/i.test(name))).toEqual([]);
		expect([...names].filter((name) => /^@on/i.test(name))).toEqual([]);
		expect([...names].filter((name) => name.startsWith('@')).length).toBeGreaterThan(5);
		expect(svg).not.toMatch(/<script|<foreignObject/i);
		expect(svg).not.toContain('\u0000');
	});

	it('draws every statement, the inference of the linked support, and the implicit premise dashed', () => {
		expect(svg.match(/<g class="statement">/g)).toHaveLength(map.statements.length);
		expect(svg.match(/<polygon class="inference"/g)).toHaveLength(1);
		expect(svg.match(/stroke-dasharray/g)).toHaveLength(1);
		expect(svg.match(/<line class="attack"/g)).toHaveLength(2);
	});
});

describe('escapeXml and wrapLabel', () => {
	it('escapes markup and drops characters XML cannot hold', () => {
		expect(escapeXml(`<a href="x">&'\u0000\uDC00`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
	});

	it('wraps words and cuts compounds longer than a line', () => {
		const lines = wrapLabel('Die Donaudampfschifffahrtsgesellschaftskapitänsmütze passt nicht', 20);
		expect(lines.every((line) => [...line].length <= 20)).toBe(true);
		expect(lines.join('').replace(/-/g, '').replace(/ /g, '')).toBe(
			'DieDonaudampfschifffahrtsgesellschaftskapitänsmützepasstnicht'
		);
	});
});

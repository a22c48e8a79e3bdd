import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '$lib/argument';
import { graphElements, LABEL_MAX_LENGTH } from '$lib/editor/graph-elements';
import { statementLabelHeight } from './graph-style';

const LINE = 13;

describe('statementLabelHeight', () => {
	it('gives a short label one line and wraps longer ones at word breaks', () => {
		expect(statementLabelHeight('Claim')).toBe(LINE);
		// About 25 average characters fit on a 180 px line of 13 px text.
		expect(statementLabelHeight('Twenty characters ok')).toBe(LINE);
		expect(statementLabelHeight('word '.repeat(20).trim())).toBe(4 * LINE);
		const longest = 'Waffenruhe '.repeat(20).slice(0, LABEL_MAX_LENGTH);
		expect(statementLabelHeight(longest) / LINE).toBeGreaterThanOrEqual(6);
	});

	it('counts a line break as a new line and wide letters as wider', () => {
		expect(statementLabelHeight('#1 #3\nClaim')).toBe(2 * LINE);
		expect(statementLabelHeight('MMMMMMMMMM MMMMMMMMMM')).toBeGreaterThan(
			statementLabelHeight('iiiiiiiiii iiiiiiiiii')
		);
	});

	it('sizes every statement node of a map, badge line included', () => {
		const map = (): ArgumentMap => ({
			statements: [
				{ id: 'c', text: 'Claim', role: 'main_claim', implicit: false, anchors: [], note: '' }
			],
			relations: []
		});
		const plain = graphElements(map());
		const badged = graphElements(map(), new Map(), undefined, new Map([['c', [1]]]));
		expect(plain[0]?.data).toMatchObject({ height: LINE });
		expect(badged[0]?.data).toMatchObject({ height: 2 * LINE });
	});
});

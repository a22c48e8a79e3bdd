// Shared by the specs beside this file; not part of the public API.
import type { OperationResult } from './operations';
import type { Anchor, ArgumentMap, Statement, StatementRole } from './types';

export const commentary =
	'Die Schuldenbremse gehört reformiert. ' +
	'Marode Schulen und Brücken kosten später mehr, als Kredite heute kosten. ' +
	'„Sparen ist keine Strategie“, sagt die Ministerin 🙂. ' +
	'Kritiker halten dagegen: Neue Schulden belasten künftige Generationen. ' +
	'Doch wer heute nicht investiert, hinterlässt ihnen kaputte Infrastruktur.';

export function anchorFor(quote: string, text = commentary): Anchor {
	const start = text.indexOf(quote);
	if (start === -1) throw new Error(`Quote not in text: ${quote}`);
	return { start, end: start + quote.length, quote };
}

export function statement(
	id: string,
	role: StatementRole,
	overrides: Partial<Statement> = {}
): Statement {
	return {
		id,
		text: `Statement ${id}`,
		role,
		implicit: false,
		anchors: [],
		note: '',
		...overrides
	};
}

/**
 * A small but complete argument: main claim `claim`, supported by the linked premises `invest`
 * and `implicit` (support `s-main`); `invest` supported by `quote` (`s-invest`), which `source`
 * undercuts (`u-source`); `objection` rebuts the claim (`a-objection`) and `reply` rebuts it
 * (`a-reply`).
 */
export function sampleMap(): ArgumentMap {
	return {
		statements: [
			statement('claim', 'main_claim', {
				text: 'Die Schuldenbremse muss reformiert werden.',
				anchors: [anchorFor('Die Schuldenbremse gehört reformiert.')]
			}),
			statement('invest', 'intermediate_conclusion', {
				text: 'Investitionen sparen auf lange Sicht Geld.',
				anchors: [anchorFor('Marode Schulen und Brücken kosten später mehr')]
			}),
			statement('implicit', 'premise', {
				text: 'Was sich auf lange Sicht rechnet, sollte der Staat tun.',
				implicit: true
			}),
			statement('quote', 'premise', {
				text: 'Sparen ist keine Strategie.',
				anchors: [anchorFor('„Sparen ist keine Strategie“, sagt die Ministerin 🙂')]
			}),
			statement('source', 'objection', {
				text: 'Eine Ministerin ist keine unabhängige Quelle.',
				implicit: true
			}),
			statement('objection', 'objection', {
				text: 'Neue Schulden belasten künftige Generationen.',
				anchors: [anchorFor('Neue Schulden belasten künftige Generationen.')]
			}),
			statement('reply', 'objection', {
				text: 'Ohne Investitionen erben sie kaputte Infrastruktur.',
				anchors: [anchorFor('wer heute nicht investiert, hinterlässt ihnen kaputte Infrastruktur')]
			})
		],
		relations: [
			{ id: 's-main', kind: 'support', premiseIds: ['invest', 'implicit'], conclusionId: 'claim' },
			{ id: 's-invest', kind: 'support', premiseIds: ['quote'], conclusionId: 'invest' },
			{
				id: 'u-source',
				kind: 'attack',
				attackerId: 'source',
				target: { kind: 'relation', id: 's-invest' }
			},
			{
				id: 'a-objection',
				kind: 'attack',
				attackerId: 'objection',
				target: { kind: 'statement', id: 'claim' }
			},
			{
				id: 'a-reply',
				kind: 'attack',
				attackerId: 'reply',
				target: { kind: 'statement', id: 'objection' }
			}
		]
	};
}

/** The map a successful operation returned; fails the test with the error code otherwise. */
export function mapOf(result: OperationResult): ArgumentMap {
	if (!result.ok) throw new Error(`Operation refused: ${result.code}`);
	return result.map;
}

/** Freezes the whole map, so a spec fails loudly if an operation writes into its input. */
export function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

export function ids(items: { id: string }[]): string[] {
	return items.map((item) => item.id);
}

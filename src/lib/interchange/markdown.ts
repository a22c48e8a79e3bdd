import { outlineTree, type OutlineStatementNode } from '$lib/argument';
import type { MapBundle } from './types';

export interface OutlineLabels {
	roles: Record<'main_claim' | 'intermediate_conclusion' | 'premise' | 'objection', string>;
	implicit: string;
	support: string;
	linkedSupport: string;
	rebuttal: string;
	undercut: string;
	seeAbove: string;
}

/** Markdown would read `*`, `_`, `#`, `[`… in a statement as markup; these keep them literal. */
function escapeMarkdown(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/** The map as a nested Markdown list, in the reading order of the outline view. */
export function exportMarkdownOutline(bundle: MapBundle, labels: OutlineLabels): string {
	const lines = [`# ${escapeMarkdown(bundle.title)}`, ''];
	const commentary = bundle.commentary;
	const byline = [commentary.author, commentary.outlet].filter(Boolean).join(', ');
	lines.push(
		`*${escapeMarkdown(commentary.title)}*${byline ? ` — ${escapeMarkdown(byline)}` : ''}`,
		''
	);

	const statementLine = (node: OutlineStatementNode, depth: number, prefix = '') => {
		const { statement } = node;
		const tags = [labels.roles[statement.role], statement.implicit ? labels.implicit : null]
			.filter(Boolean)
			.join(', ');
		const text = escapeMarkdown(statement.text);
		lines.push(
			`${'  '.repeat(depth)}- ${prefix}**${tags}:** ${text}${node.reference ? ` (${labels.seeAbove})` : ''}`
		);
		if (node.reference) return;
		for (const support of node.supports) {
			const label = support.premises.length > 1 ? labels.linkedSupport : labels.support;
			lines.push(`${'  '.repeat(depth + 1)}- *${label}*`);
			for (const premise of support.premises) statementLine(premise, depth + 2);
			for (const undercut of support.undercuts) {
				statementLine(undercut.attacker, depth + 2, `*${labels.undercut}:* `);
			}
		}
		for (const rebuttal of node.rebuttals) {
			statementLine(rebuttal.attacker, depth + 1, `*${labels.rebuttal}:* `);
		}
	};
	for (const root of outlineTree(bundle.map)) statementLine(root, 0);
	return `${lines.join('\n')}\n`;
}

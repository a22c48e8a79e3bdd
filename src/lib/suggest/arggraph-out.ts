import type { GoldText, TreeNode } from './gold';

/**
 * Writes a suggestion over a gold text's units as an arggraph document, so that it can be scored
 * by tools that read the corpus format: the gold text's EDUs and ADUs (ids kept), each ADU's type
 * from the suggested stance, `seg` edges from the EDUs to their ADU, and a `sup` or `reb` edge
 * from every supporting or attacking unit to its target.
 */
export function suggestionToArggraph(gold: GoldText, suggestion: readonly TreeNode[]): string {
	if (suggestion.length !== gold.units.length) {
		throw new Error(`${suggestion.length} suggested units for ${gold.units.length} gold units`);
	}
	const lines = [
		`<?xml version='1.0' encoding='UTF-8'?>`,
		gold.id ? `<arggraph id="${escapeAttribute(gold.id)}">` : '<arggraph>'
	];
	for (const edu of gold.edus) {
		lines.push(`  <edu id="${escapeAttribute(edu.id)}">${cdata(edu.text)}</edu>`);
	}
	gold.units.forEach((unit, index) => {
		const stance = suggestion[index]?.stance ?? 'pro';
		lines.push(`  <adu id="${escapeAttribute(unit.aduId)}" type="${stance}"/>`);
	});

	const taken = new Set([...gold.edus.map((edu) => edu.id), ...gold.units.map((u) => u.aduId)]);
	let next = 1;
	const edgeId = () => {
		while (taken.has(`c${next}`)) next++;
		taken.add(`c${next}`);
		return `c${next}`;
	};
	const edge = (src: string, trg: string, type: string) =>
		`  <edge id="${edgeId()}" src="${escapeAttribute(src)}" trg="${escapeAttribute(trg)}" type="${type}"/>`;

	for (const unit of gold.units) {
		for (const eduId of unit.eduIds) lines.push(edge(eduId, unit.aduId, 'seg'));
	}
	suggestion.forEach((node, index) => {
		const source = gold.units[index];
		const target = node.target === null ? undefined : gold.units[node.target];
		if (node.function === 'central_claim' || !source || !target || target === source) return;
		lines.push(edge(source.aduId, target.aduId, node.function === 'attack' ? 'reb' : 'sup'));
	});
	lines.push('</arggraph>', '');
	return lines.join('\n');
}

function escapeAttribute(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** A CDATA section holding the text; `]]>` inside it is split across two sections. */
function cdata(text: string): string {
	return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

import { describe, expect, it } from 'vitest';
import { sampleMap, statement } from './spec-fixtures';
import { outlineTree } from './outline';
import type { OutlineAttackNode, OutlineStatementNode } from './outline';
import type { ArgumentMap, Relation } from './types';

/** The outline as indented lines: statements by id (`*` marks a reference), relations by kind and id. */
function render(nodes: OutlineStatementNode[], depth = 0): string[] {
	const pad = '  '.repeat(depth);
	const attackLines = (attack: OutlineAttackNode, label: string, level: number) => [
		`${'  '.repeat(level)}${label} ${attack.attack.id}`,
		...render([attack.attacker], level + 1)
	];
	return nodes.flatMap((node) => [
		`${pad}${node.statement.id}${node.reference ? ' *' : ''}`,
		...node.supports.flatMap((support) => [
			`${pad}  support ${support.support.id}`,
			...render(support.premises, depth + 2),
			...support.undercuts.flatMap((undercut) => attackLines(undercut, 'undercut', depth + 2))
		]),
		...node.rebuttals.flatMap((rebuttal) => attackLines(rebuttal, 'rebuttal', depth + 1))
	]);
}

function support(id: string, premiseIds: string[], conclusionId: string): Relation {
	return { id, kind: 'support', premiseIds, conclusionId };
}

function premises(...ids: string[]) {
	return ids.map((id) => statement(id, 'premise'));
}

describe('outlineTree', () => {
	it('nests supports with their premises and undercuts, and rebuttals with their attackers', () => {
		expect(render(outlineTree(sampleMap()))).toEqual([
			'claim',
			'  support s-main',
			'    invest',
			'      support s-invest',
			'        quote',
			'        undercut u-source',
			'          source',
			'    implicit',
			'  rebuttal a-objection',
			'    objection',
			'      rebuttal a-reply',
			'        reply'
		]);
	});

	it('hands out the statements and relations themselves', () => {
		const map = sampleMap();
		const [root] = outlineTree(map);
		expect(root?.statement).toBe(map.statements[0]);
		expect(root?.supports[0]?.support).toBe(map.relations[0]);
		expect(root?.rebuttals[0]?.attack).toBe(map.relations[3]);
	});

	it('puts main claims first, then statements that support and attack nothing, in map order', () => {
		const map: ArgumentMap = {
			statements: [
				statement('loose', 'premise'),
				statement('second-main', 'main_claim'),
				statement('idle-objection', 'objection'),
				statement('p', 'premise'),
				statement('first-main', 'main_claim')
			],
			relations: [support('s', ['p'], 'first-main')]
		};
		expect(outlineTree(map).map((root) => root.statement.id)).toEqual([
			'second-main',
			'first-main',
			'loose',
			'idle-objection'
		]);
	});

	it('shows a statement under each conclusion it supports, expanded each time', () => {
		const map: ArgumentMap = {
			statements: [statement('main', 'main_claim'), ...premises('left', 'right', 'shared', 'base')],
			relations: [
				support('s1', ['left', 'right'], 'main'),
				support('s2', ['shared'], 'left'),
				support('s3', ['shared'], 'right'),
				support('s4', ['base'], 'shared')
			]
		};
		expect(render(outlineTree(map))).toEqual([
			'main',
			'  support s1',
			'    left',
			'      support s2',
			'        shared',
			'          support s4',
			'            base',
			'    right',
			'      support s3',
			'        shared',
			'          support s4',
			'            base'
		]);
	});

	it('breaks a support cycle with a reference to the statement already on the branch', () => {
		const map: ArgumentMap = {
			statements: [statement('main', 'main_claim'), ...premises('a', 'b')],
			relations: [
				support('s1', ['a'], 'main'),
				support('s2', ['b'], 'a'),
				support('s3', ['a'], 'b')
			]
		};
		expect(render(outlineTree(map))).toEqual([
			'main',
			'  support s1',
			'    a',
			'      support s2',
			'        b',
			'          support s3',
			'            a *'
		]);
	});

	it('leaves out no statement, even one only reachable through a cycle', () => {
		const map: ArgumentMap = {
			statements: premises('a', 'b', 'c'),
			relations: [support('s1', ['a'], 'b'), support('s2', ['b'], 'a'), support('s3', ['a'], 'c')]
		};
		expect(render(outlineTree(map))).toEqual([
			'c',
			'  support s3',
			'    a',
			'      support s2',
			'        b',
			'          support s1',
			'            a *'
		]);
		const cycleOnly: ArgumentMap = {
			statements: premises('x', 'y'),
			relations: [support('s1', ['x'], 'y'), support('s2', ['y'], 'x')]
		};
		expect(render(outlineTree(cycleOnly))).toEqual([
			'x',
			'  support s2',
			'    y',
			'      support s1',
			'        x *'
		]);
	});

	it('outlines a chain of twenty thousand supports without overflowing the stack', () => {
		const count = 20_000;
		const map: ArgumentMap = {
			statements: Array.from({ length: count }, (_, i) =>
				statement(`s${i}`, i === 0 ? 'main_claim' : 'premise')
			),
			relations: Array.from({ length: count - 1 }, (_, i) =>
				support(`r${i}`, [`s${i + 1}`], `s${i}`)
			)
		};
		const roots = outlineTree(map);
		expect(roots).toHaveLength(1);
		let depth = 0;
		for (let node = roots[0]; node; node = node.supports[0]?.premises[0]) depth++;
		expect(depth).toBe(count);
	});
});

// Seeded generators of realistic argument maps for the benchmarks: tree-like, with rebuttals,
// undercuts, linked premises and statements of 5–30 words, each anchored in a generated text.
import type { Anchor, ArgumentMap, Relation, Statement, StatementRole } from '../src/lib/argument';

export const MAP_SIZES = [50, 500, 1000, 3000] as const;

const WORDS =
	`city council libraries sunday open budget staff volunteers families children afternoon quiet
	costs wages trial months visitors numbers district reading groups evidence study shows people
	work week time borrow books critics argue extra hours expensive weekend plan would should could
	because therefore however although many most some every school teachers students learning
	public transport climate energy prices rent housing market policy law court election voters
	parties government taxes health care hospital doctors nurses waiting lists research data`
		.split(/\s+/)
		.filter(Boolean);

/** mulberry32: small, fast and good enough to make the same map from the same seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface GeneratedMap {
	text: string;
	map: ArgumentMap;
}

/**
 * A map of `size` statements. One main claim per ~150 statements; every other statement argues
 * for (70 %) or against (30 %) an earlier one, preferring recent ones so the trees grow deep;
 * a quarter of supports are linked (2–3 premises) and some attacks undercut a support.
 */
export function generateMap(size: number, seed = size): GeneratedMap {
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	const sentence = () => {
		const count = 5 + Math.floor(random() * 26);
		const words = Array.from({ length: count }, () => pick(WORDS));
		const first = words[0] ?? '';
		words[0] = first.charAt(0).toUpperCase() + first.slice(1);
		return `${words.join(' ')}.`;
	};
	const roots = Math.max(1, Math.round(size / 150));
	const statements: Statement[] = [];
	const relations: Relation[] = [];
	const roles: StatementRole[] = [];
	const supportsOf = new Map<number, string>();
	let text = '';
	const addStatement = (role: StatementRole) => {
		const body = sentence();
		const anchor: Anchor = { start: text.length, end: text.length + body.length, quote: body };
		text += `${body} `;
		const index = statements.length;
		statements.push({
			id: `s${index}`,
			text: body,
			role,
			implicit: false,
			anchors: [anchor],
			note: ''
		});
		roles.push(role);
		return index;
	};
	for (let root = 0; root < roots; root++) addStatement('main_claim');
	let relationId = 0;
	while (statements.length < size) {
		// Prefer recent statements: deep chains, as real reconstructions have.
		const reach = Math.min(statements.length, 40);
		const target = statements.length - 1 - Math.floor(random() * random() * reach);
		const roll = random();
		if (roll < 0.7) {
			const linked = random() < 0.25 ? 2 + Math.floor(random() * 2) : 1;
			const premiseIds: string[] = [];
			for (let i = 0; i < linked && statements.length < size; i++) {
				premiseIds.push(`s${addStatement('premise')}`);
			}
			const id = `r${relationId++}`;
			relations.push({ id, kind: 'support', premiseIds, conclusionId: `s${target}` });
			supportsOf.set(target, id);
			const targetStatement = statements[target];
			if (targetStatement && targetStatement.role === 'premise') {
				targetStatement.role = 'intermediate_conclusion';
			}
		} else {
			const attacker = addStatement('objection');
			const undercut = roll > 0.93 ? supportsOf.get(target) : undefined;
			relations.push({
				id: `r${relationId++}`,
				kind: 'attack',
				attackerId: `s${attacker}`,
				target: undercut
					? { kind: 'relation', id: undercut }
					: { kind: 'statement', id: `s${target}` }
			});
		}
	}
	return { text: text.trimEnd(), map: { statements, relations } };
}

/** The same map with every statement placed at the given position (from a layout). */
export function withPositions(
	map: ArgumentMap,
	positions: ReadonlyMap<string, { x: number; y: number }>
): ArgumentMap {
	return {
		...map,
		statements: map.statements.map((statement) => {
			const position = positions.get(statement.id);
			return position
				? { ...statement, position: { x: Math.round(position.x), y: Math.round(position.y) } }
				: statement;
		})
	};
}

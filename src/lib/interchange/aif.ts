import { statementSchema } from '$lib/validation/map-schemas';
import { z } from '$lib/validation/zod';
import {
	createMapDocument,
	ID_PATTERN,
	isValidId,
	MAP_LIMITS,
	parseMapDocument
} from '$lib/argument';
import type { ArgumentMap, Position, Relation, Statement, StatementRole } from '$lib/argument';
import {
	canonicalCommentary,
	commentarySchema,
	isRecord,
	mapTitleSchema,
	parseJsonText,
	refused,
	refusedByMapIssue,
	refusedByZod,
	valueDetail
} from './argumap-json';
import { COMMENTARY_MAX_LENGTH } from '$lib/commentary/rules';
import type { ImportResult, InterchangeCommentary, MapBundle } from './types';

/**
 * AIF (the Argument Interchange Format) as AIFdb and OVA read it: statements are I-nodes, every
 * support an RA-node (its premises link into it, it links to the conclusion), every attack a
 * CA-node (attacker into it, it into the attacked statement, or into the RA-node it undercuts).
 * What AIF cannot say (roles, anchors, notes, positions, ids, the commentary) travels in an extra
 * top-level `argumap` key, which AIF tools ignore and which makes the round trip lossless.
 */

export const AIF_BLOCK_FORMAT = 'argumap-aif';
export const AIF_BLOCK_VERSION = 1;
export const IMPORTED_AIF_TITLE = 'Imported AIF map';

const RA_TEXT = 'Default Inference';
const CA_TEXT = 'Default Conflict';

export interface AifExportOptions {
	/** The time stamped on every node; defaults to the current time. */
	now?: Date;
}

type MappedNodeType = 'I' | 'RA' | 'CA';

interface AifNode {
	nodeID: string;
	text: string;
	type: MappedNodeType;
	timestamp: string;
}

interface AifEdge {
	edgeID: string;
	fromID: string;
	toID: string;
}

interface BlockStatement extends Omit<Statement, 'text'> {
	nodeID: string;
}

interface ArgumapBlock {
	format: typeof AIF_BLOCK_FORMAT;
	version: typeof AIF_BLOCK_VERSION;
	title: string;
	commentary: InterchangeCommentary;
	statements: BlockStatement[];
	relations: { nodeID: string; id: string }[];
}

interface AifDocument {
	nodes: AifNode[];
	edges: AifEdge[];
	locutions: never[];
	argumap: ArgumapBlock;
}

function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/** 'YYYY-MM-DD HH:mm:ss' in UTC, as AIFdb writes its timestamps. */
function aifTimestamp(date: Date): string {
	const day = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
	const time = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
	return `${day.map(twoDigits).join('-')} ${time.map(twoDigits).join(':')}`;
}

/** Node ids are consecutive integers as strings: statements first, then relations, in map order. */
function buildAif(bundle: MapBundle, now: Date): AifDocument {
	const { statements, relations } = bundle.map;
	const timestamp = aifTimestamp(now);
	const nodeIds = new Map<string, string>();
	[...statements, ...relations].forEach((item, index) => nodeIds.set(item.id, String(index + 1)));
	const nodeId = (id: string): string => {
		const found = nodeIds.get(id);
		if (found === undefined) throw new Error(`Cannot export a map with a dangling id: ${id}`);
		return found;
	};

	const nodes: AifNode[] = [
		...statements.map((statement) => ({
			nodeID: nodeId(statement.id),
			text: statement.text,
			type: 'I' as const,
			timestamp
		})),
		...relations.map((relation) => ({
			nodeID: nodeId(relation.id),
			text: relation.kind === 'support' ? RA_TEXT : CA_TEXT,
			type: relation.kind === 'support' ? ('RA' as const) : ('CA' as const),
			timestamp
		}))
	];

	const edges: AifEdge[] = [];
	const link = (fromId: string, toId: string) => {
		edges.push({ edgeID: String(edges.length + 1), fromID: nodeId(fromId), toID: nodeId(toId) });
	};
	for (const relation of relations) {
		if (relation.kind === 'support') {
			for (const premiseId of relation.premiseIds) link(premiseId, relation.id);
			link(relation.id, relation.conclusionId);
		} else {
			link(relation.attackerId, relation.id);
			link(relation.id, relation.target.id);
		}
	}

	const argumap: ArgumapBlock = {
		format: AIF_BLOCK_FORMAT,
		version: AIF_BLOCK_VERSION,
		title: bundle.title,
		commentary: canonicalCommentary(bundle.commentary),
		statements: statements.map((statement) => {
			const entry: BlockStatement = {
				nodeID: nodeId(statement.id),
				id: statement.id,
				role: statement.role,
				implicit: statement.implicit,
				anchors: statement.anchors.map(({ start, end, quote }) => ({ start, end, quote })),
				note: statement.note
			};
			if (statement.position) {
				entry.position = { x: statement.position.x, y: statement.position.y };
			}
			return entry;
		}),
		relations: relations.map((relation) => ({ nodeID: nodeId(relation.id), id: relation.id }))
	};

	return { nodes, edges, locutions: [], argumap };
}

function toJson(value: unknown): string {
	return `${JSON.stringify(value, null, '\t')}\n`;
}

/** The map as flat AIF JSON (AIFdb's form), with the `argumap` block for a lossless re-import. */
export function exportAif(bundle: MapBundle, options: AifExportOptions = {}): string {
	return toJson(buildAif(bundle, options.now ?? new Date()));
}

/**
 * The map as an OVA3 analysis: the AIF of `exportAif`, the commentary as HTML with every anchored
 * passage highlighted for its I-node, and a layout (the student's positions where there are any).
 */
export function exportOva(bundle: MapBundle, options: AifExportOptions = {}): string {
	const now = options.now ?? new Date();
	const aif = buildAif(bundle, now);
	const timestamp = aifTimestamp(now);
	const layout = ovaLayout(bundle.map);
	const nodeIdOf = new Map(aif.argumap.statements.map((entry) => [entry.id, entry.nodeID]));
	for (const entry of aif.argumap.relations) nodeIdOf.set(entry.id, entry.nodeID);

	const highlights: Highlight[] = [];
	bundle.map.statements.forEach((statement, order) => {
		const nodeID = nodeIdOf.get(statement.id) ?? '';
		for (const anchor of statement.anchors) {
			highlights.push({ start: anchor.start, end: anchor.end, nodeID, order });
		}
	});

	const ova = {
		AIF: aif,
		text: highlightedHtml(bundle.commentary.body, highlights),
		OVA: {
			firstname: '',
			surname: '',
			url: '',
			nodes: [...bundle.map.statements, ...bundle.map.relations].map((item) => {
				const position = layout.get(item.id) ?? { x: 0, y: 0 };
				return {
					nodeID: nodeIdOf.get(item.id) ?? '',
					visible: true,
					x: position.x,
					y: position.y,
					timestamp
				};
			}),
			edges: aif.edges.map((edge) => ({ fromID: edge.fromID, toID: edge.toID, visible: true }))
		}
	};
	return toJson(ova);
}

/**
 * Whole-number coordinates for OVA: a placed statement where the student put it, the others on a
 * grid, and every RA or CA node between the nodes it connects.
 */
function ovaLayout(map: ArgumentMap): Map<string, Position> {
	const layout = new Map<string, Position>();
	map.statements.forEach((statement, index) => {
		const position = statement.position ?? {
			x: (index % 6) * 240,
			y: Math.floor(index / 6) * 160
		};
		layout.set(statement.id, { x: Math.round(position.x), y: Math.round(position.y) });
	});
	const placeBetween = (relation: Relation, ids: string[]) => {
		const known = ids.flatMap((id) => layout.get(id) ?? []);
		const count = Math.max(known.length, 1);
		layout.set(relation.id, {
			x: Math.round(known.reduce((sum, position) => sum + position.x, 0) / count),
			y: Math.round(known.reduce((sum, position) => sum + position.y, 0) / count)
		});
	};
	// Supports first: an undercut sits between its attacker and the support it attacks.
	for (const relation of map.relations) {
		if (relation.kind === 'support') {
			placeBetween(relation, [...relation.premiseIds, relation.conclusionId]);
		}
	}
	for (const relation of map.relations) {
		if (relation.kind === 'attack') {
			placeBetween(relation, [relation.attackerId, relation.target.id]);
		}
	}
	return layout;
}

export interface Highlight {
	start: number;
	end: number;
	nodeID: string;
	/** The statement's place in the map, so equal ranges nest in a stable order. */
	order: number;
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/**
 * The text as HTML, line breaks as `<br>`, each highlight in `<span class="highlighted"
 * id="node{nodeID}">` as OVA marks the passage of an I-node. Spans must nest: a highlight that
 * crosses the end of another is split there, and the pieces after the first (like a statement's
 * further anchors) get `id="node{nodeID}_2"`, `_3`…, since an id may occur only once.
 */
export function highlightedHtml(text: string, highlights: Highlight[]): string {
	const sorted = [...highlights].sort(
		(a, b) => a.start - b.start || b.end - a.end || a.order - b.order
	);
	const points = [...new Set([0, text.length, ...sorted.flatMap((h) => [h.start, h.end])])].sort(
		(a, b) => a - b
	);
	const outerFirst = (a: Highlight, b: Highlight) =>
		b.end - a.end || a.start - b.start || a.order - b.order;
	const piecesPerNode = new Map<string, number>();
	const open: Highlight[] = [];
	let html = '';
	let next = 0;

	points.forEach((point, index) => {
		const firstEnding = open.findIndex((highlight) => highlight.end <= point);
		const reopened: Highlight[] = [];
		if (firstEnding !== -1) {
			const closed = open.splice(firstEnding);
			html += '</span>'.repeat(closed.length);
			reopened.push(...closed.filter((highlight) => highlight.end > point));
		}
		for (let starting = sorted[next]; starting?.start === point; starting = sorted[++next]) {
			reopened.push(starting);
		}
		for (const highlight of reopened.sort(outerFirst)) {
			const piece = (piecesPerNode.get(highlight.nodeID) ?? 0) + 1;
			piecesPerNode.set(highlight.nodeID, piece);
			const id = `node${highlight.nodeID}${piece > 1 ? `_${piece}` : ''}`;
			html += `<span class="highlighted" id="${escapeHtml(id)}">`;
			open.push(highlight);
		}
		const following = points[index + 1];
		if (following !== undefined) {
			html += escapeHtml(text.slice(point, following)).replace(/\r?\n/g, '<br>');
		}
	});
	return html + '</span>'.repeat(open.length);
}

// Import

// AIFdb writes ids as strings of digits, other tools as integers; both name the same node.
const aifIdSchema = z.union([z.string().min(1).max(200), z.int()]);

const blockStatementSchema = statementSchema.omit({ text: true }).extend({ nodeID: aifIdSchema });

const blockSchema = z.strictObject({
	format: z.literal(AIF_BLOCK_FORMAT),
	version: z.literal(AIF_BLOCK_VERSION),
	title: mapTitleSchema,
	commentary: commentarySchema,
	statements: z.array(blockStatementSchema).max(MAP_LIMITS.statements),
	relations: z
		.array(z.strictObject({ nodeID: aifIdSchema, id: z.string().regex(ID_PATTERN) }))
		.max(MAP_LIMITS.relations)
});

// Loose: AIF tools add their own keys (scheme, schemeID, edgeID…), which are ignored. Only an
// I-node's text matters; the others' may be anything.
const aifSchema = z.looseObject({
	nodes: z.array(
		z.looseObject({ nodeID: aifIdSchema, type: z.string().max(50), text: z.unknown() })
	),
	edges: z.array(z.looseObject({ fromID: aifIdSchema, toID: aifIdSchema })).optional(),
	argumap: blockSchema.optional()
});

const ovaSchema = z.looseObject({ AIF: aifSchema, text: z.unknown(), OVA: z.unknown() });

type ParsedBlock = z.infer<typeof blockSchema>;

interface NodeInfo {
	index: number;
	nodeID: string;
	type: string;
	text: string;
}

interface SupportNode {
	node: NodeInfo;
	premises: NodeInfo[];
	conclusions: NodeInfo[];
}

interface AttackNode {
	node: NodeInfo;
	attackers: NodeInfo[];
	targets: NodeInfo[];
}

function isMappedType(type: string): type is MappedNodeType {
	return type === 'I' || type === 'RA' || type === 'CA';
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const SKIPPED_TYPES_LISTED = 10;

/** One line per skipped node type; a file with a great many made-up types gets a short list. */
function skippedTypeLines(counts: Map<string, number>): string[] {
	const kinds = [...counts];
	const listed =
		kinds.length > SKIPPED_TYPES_LISTED ? kinds.slice(0, SKIPPED_TYPES_LISTED - 1) : kinds;
	const lines = listed.map(
		([type, count]) =>
			`${plural(count, 'node')} of type ${type.replace(/\s+/g, ' ').trim() || '(none)'}`
	);
	const rest = kinds.slice(listed.length);
	if (rest.length > 0) {
		const count = rest.reduce((sum, [, n]) => sum + n, 0);
		lines.push(`${plural(count, 'node')} of ${rest.length} other types`);
	}
	return lines;
}

/**
 * Reads AIF JSON: AIFdb's flat form or OVA3's `{ AIF, text, OVA }`, ids as strings or integers.
 * I-nodes become statements, RA-nodes supports, CA-nodes rebuttals (aimed at an I-node) or
 * undercuts (aimed at an RA-node). Other node kinds (L, YA, TA, MA, PA…) and whatever cannot be
 * mapped are skipped and listed in `skipped`.
 *
 * With our `argumap` block the statements get back their roles, anchors, ids and the commentary.
 * Without it the roles follow from the structure: an attacker is an objection, a statement that is
 * both premise and conclusion an intermediate conclusion, any other premise a premise; of the
 * statements that neither support nor attack, the only one (or each that something supports or
 * attacks) is a main claim. The commentary is then the statements' texts, one paragraph each.
 */
export function importAif(text: string): ImportResult {
	const parsed = parseJsonText(text);
	if (!parsed.ok) return parsed;
	const json = parsed.value;

	const wrapped = isRecord(json) && Object.hasOwn(json, 'AIF');
	if (!wrapped && !(isRecord(json) && Object.hasOwn(json, 'nodes'))) {
		const format = isRecord(json) ? json.format : undefined;
		const detail = format === undefined ? undefined : valueDetail(format);
		return refused('import_unknown_format', undefined, detail);
	}
	const prefix = wrapped ? ['AIF'] : [];
	let aif: z.infer<typeof aifSchema>;
	let ovaText: unknown;
	let ovaLayoutNodes: unknown;
	if (wrapped) {
		const shape = ovaSchema.safeParse(json);
		if (!shape.success) return refusedByZod(shape.error);
		({ AIF: aif, text: ovaText, OVA: ovaLayoutNodes } = shape.data);
	} else {
		const shape = aifSchema.safeParse(json);
		if (!shape.success) return refusedByZod(shape.error);
		aif = shape.data;
	}

	const nodesById = new Map<string, NodeInfo>();
	const skippedTypes = new Map<string, number>();
	const supports = new Map<string, SupportNode>();
	const attacks = new Map<string, AttackNode>();
	const statementNodes: NodeInfo[] = [];
	for (const [index, node] of aif.nodes.entries()) {
		const info: NodeInfo = { index, nodeID: String(node.nodeID), type: node.type, text: '' };
		if (nodesById.has(info.nodeID)) {
			return refused(
				'import_invalid_document',
				[...prefix, 'nodes', index, 'nodeID'],
				'duplicate_id'
			);
		}
		nodesById.set(info.nodeID, info);
		if (node.type === 'I') {
			if (typeof node.text !== 'string') {
				return refused(
					'import_invalid_document',
					[...prefix, 'nodes', index, 'text'],
					'invalid_type'
				);
			}
			info.text = node.text;
			statementNodes.push(info);
		} else if (node.type === 'RA') {
			supports.set(info.nodeID, { node: info, premises: [], conclusions: [] });
		} else if (node.type === 'CA') {
			attacks.set(info.nodeID, { node: info, attackers: [], targets: [] });
		} else {
			skippedTypes.set(node.type, (skippedTypes.get(node.type) ?? 0) + 1);
		}
	}

	const oddEdges = new Map<string, number>();
	const seenEdges = new Set<string>();
	for (const [index, edge] of (aif.edges ?? []).entries()) {
		const from = nodesById.get(String(edge.fromID));
		const to = nodesById.get(String(edge.toID));
		if (!from || !to) {
			const end = from ? 'toID' : 'fromID';
			return refused(
				'import_dangling_reference',
				[...prefix, 'edges', index, end],
				valueDetail(edge[end])
			);
		}
		// Edges to skipped nodes (L → YA → I…) go with them; they are already listed.
		if (!isMappedType(from.type) || !isMappedType(to.type)) continue;
		const key = JSON.stringify([from.nodeID, to.nodeID]);
		if (seenEdges.has(key)) continue;
		seenEdges.add(key);
		const fromSupport = supports.get(from.nodeID);
		const toSupport = supports.get(to.nodeID);
		const fromAttack = attacks.get(from.nodeID);
		const toAttack = attacks.get(to.nodeID);
		if (from.type === 'I' && toSupport) toSupport.premises.push(from);
		else if (fromSupport && to.type === 'I') fromSupport.conclusions.push(to);
		else if (from.type === 'I' && toAttack) toAttack.attackers.push(from);
		else if (fromAttack && to.type !== 'CA') fromAttack.targets.push(to);
		else {
			const kind = `${from.type} to ${to.type}`;
			oddEdges.set(kind, (oddEdges.get(kind) ?? 0) + 1);
		}
	}

	// A support needs premises and one conclusion that is not among them; an attack one attacker
	// and one target, a statement other than itself or a support that could be mapped.
	const mappedSupports = [...supports.values()].filter(
		({ premises, conclusions }) =>
			premises.length > 0 && conclusions.length === 1 && !premises.includes(conclusions[0]!)
	);
	const mappedSupportIds = new Set(mappedSupports.map((support) => support.node.nodeID));
	const mappedAttacks = [...attacks.values()].filter(({ attackers, targets }) => {
		const target = targets[0];
		if (attackers.length !== 1 || targets.length !== 1 || !target) return false;
		return target.type === 'I' ? target !== attackers[0] : mappedSupportIds.has(target.nodeID);
	});

	const block = aif.argumap;
	if (!block && statementNodes.length === 0) return refused('import_empty');

	const skipped = [
		...skippedTypeLines(skippedTypes),
		...[...oddEdges].map(([kind, count]) => `${plural(count, 'edge')} from ${kind}`),
		...(supports.size > mappedSupports.length
			? [`${plural(supports.size - mappedSupports.length, 'RA node')} not mappable to a support`]
			: []),
		...(attacks.size > mappedAttacks.length
			? [`${plural(attacks.size - mappedAttacks.length, 'CA node')} not mappable to an attack`]
			: [])
	];
	if (!block && typeof ovaText === 'string' && ovaText.trim() !== '') {
		skipped.push('the analysed text of the OVA file (the commentary is made of the statements)');
	}

	return assembleBundle({
		prefix,
		block,
		statementNodes,
		supports: mappedSupports,
		attacks: mappedAttacks,
		positions: block ? new Map() : ovaPositions(ovaLayoutNodes),
		skipped
	});
}

interface Assembly {
	prefix: string[];
	block: ParsedBlock | undefined;
	statementNodes: NodeInfo[];
	supports: SupportNode[];
	attacks: AttackNode[];
	positions: Map<string, Position>;
	skipped: string[];
}

/** Where a statement or relation of the imported map came from, to point errors at the file. */
interface Source {
	nodeIndex: number;
	blockIndex?: number;
}

function assembleBundle(assembly: Assembly): ImportResult {
	const { prefix, block, statementNodes, supports, attacks } = assembly;

	const blockStatements = new Map<
		string,
		{ index: number; entry: ParsedBlock['statements'][number] }
	>();
	const blockRelations = new Map<string, { index: number; id: string }>();
	block?.statements.forEach((entry, index) => {
		const nodeID = String(entry.nodeID);
		if (!blockStatements.has(nodeID)) blockStatements.set(nodeID, { index, entry });
	});
	block?.relations.forEach((entry, index) => {
		const nodeID = String(entry.nodeID);
		if (!blockRelations.has(nodeID)) blockRelations.set(nodeID, { index, id: entry.id });
	});

	// The block's order first, so our own file comes back exactly as it was exported.
	const inBlockOrder = <T>(
		items: T[],
		nodeOf: (item: T) => NodeInfo,
		order: Map<string, { index: number }>
	) => {
		const rank = (item: T) => order.get(nodeOf(item).nodeID)?.index ?? Number.MAX_SAFE_INTEGER;
		return [...items].sort((a, b) => rank(a) - rank(b) || nodeOf(a).index - nodeOf(b).index);
	};
	const statements = inBlockOrder(statementNodes, (node) => node, blockStatements);
	const relations = inBlockOrder<SupportNode | AttackNode>(
		[...supports, ...attacks],
		(relation) => relation.node,
		blockRelations
	);

	const idOf = new Map<string, string>();
	const used = new Set<string>();
	for (const node of statements) {
		const id = blockStatements.get(node.nodeID)?.entry.id;
		if (id !== undefined) idOf.set(node.nodeID, id);
	}
	for (const relation of relations) {
		const id = blockRelations.get(relation.node.nodeID)?.id;
		if (id !== undefined) idOf.set(relation.node.nodeID, id);
	}
	for (const id of idOf.values()) used.add(id);
	let fresh = 0;
	for (const node of [...statements, ...relations.map((relation) => relation.node)]) {
		if (idOf.has(node.nodeID)) continue;
		let id = `n${node.nodeID}`;
		while (!isValidId(id) || used.has(id)) id = `n-${++fresh}`;
		idOf.set(node.nodeID, id);
		used.add(id);
	}
	const id = (node: NodeInfo) => idOf.get(node.nodeID) ?? '';

	let commentary: InterchangeCommentary;
	let title: string;
	const generatedAnchors = new Map<string, { start: number; end: number; quote: string }>();
	if (block) {
		commentary = canonicalCommentary(block.commentary);
		title = block.title;
	} else {
		let body = '';
		for (const node of statements) {
			const quote = node.text.trim();
			if (!quote) continue;
			if (body) body += '\n\n';
			generatedAnchors.set(node.nodeID, {
				start: body.length,
				end: body.length + quote.length,
				quote
			});
			body += quote;
		}
		if (!body) return refused('import_empty');
		if (body.length > COMMENTARY_MAX_LENGTH) {
			return refused('import_invalid_document', [...prefix, 'nodes'], 'too_big');
		}
		title = IMPORTED_AIF_TITLE;
		commentary = {
			title,
			author: '',
			outlet: '',
			language: 'other',
			publishedOn: null,
			sourceUrl: null,
			body
		};
	}

	const roleOf = derivedRoles(statements, supports, attacks);
	const statementSources: Source[] = [];
	const mapStatements = statements.map((node): Statement => {
		const fromBlock = blockStatements.get(node.nodeID);
		statementSources.push({ nodeIndex: node.index, blockIndex: fromBlock?.index });
		if (fromBlock) {
			const { entry } = fromBlock;
			const statement: Statement = {
				id: id(node),
				text: node.text,
				role: entry.role,
				implicit: entry.implicit,
				anchors: entry.anchors.map(({ start, end, quote }) => ({ start, end, quote })),
				note: entry.note
			};
			if (entry.position) statement.position = { x: entry.position.x, y: entry.position.y };
			return statement;
		}
		const anchor = generatedAnchors.get(node.nodeID);
		const statement: Statement = {
			id: id(node),
			text: node.text,
			role: roleOf.get(node) ?? 'premise',
			implicit: false,
			anchors: anchor ? [anchor] : [],
			note: ''
		};
		const position = assembly.positions.get(node.nodeID);
		if (position) statement.position = position;
		return statement;
	});

	const relationSources: Source[] = [];
	const mapRelations = relations.map((relation): Relation => {
		relationSources.push({
			nodeIndex: relation.node.index,
			blockIndex: blockRelations.get(relation.node.nodeID)?.index
		});
		if ('premises' in relation) {
			return {
				id: id(relation.node),
				kind: 'support',
				premiseIds: relation.premises.map(id),
				conclusionId: id(relation.conclusions[0]!)
			};
		}
		const target = relation.targets[0]!;
		return {
			id: id(relation.node),
			kind: 'attack',
			attackerId: id(relation.attackers[0]!),
			target: { kind: target.type === 'I' ? 'statement' : 'relation', id: id(target) }
		};
	});

	const checked = parseMapDocument(
		createMapDocument({ statements: mapStatements, relations: mapRelations }),
		{ textLength: commentary.body.length }
	);
	if (!checked.ok) {
		return refusedByMapIssue(checked.issues, (path) => {
			const [, collection, index, field, ...rest] = path;
			const sources = collection === 'statements' ? statementSources : relationSources;
			const source = typeof index === 'number' ? sources[index] : undefined;
			if (!source) return [...prefix, 'nodes'];
			if (source.blockIndex !== undefined && field !== undefined && field !== 'text') {
				if (collection === 'statements' || field === 'id') {
					return [...prefix, 'argumap', String(collection), source.blockIndex, field, ...rest];
				}
			}
			return [...prefix, 'nodes', source.nodeIndex, ...(field === 'text' ? ['text'] : [])];
		});
	}
	return {
		ok: true,
		bundle: { title, commentary, map: checked.document.map },
		skipped: assembly.skipped
	};
}

function derivedRoles(
	statements: NodeInfo[],
	supports: SupportNode[],
	attacks: AttackNode[]
): Map<NodeInfo, StatementRole> {
	const premises = new Set(supports.flatMap((support) => support.premises));
	const conclusions = new Set(supports.flatMap((support) => support.conclusions));
	const attackers = new Set(attacks.flatMap((attack) => attack.attackers));
	const attacked = new Set(attacks.flatMap((attack) => attack.targets));
	const roots = statements.filter((node) => !premises.has(node) && !attackers.has(node));

	const roleOf = (node: NodeInfo): StatementRole => {
		if (attackers.has(node)) return 'objection';
		if (premises.has(node)) {
			return conclusions.has(node) ? 'intermediate_conclusion' : 'premise';
		}
		if (roots.length === 1) return 'main_claim';
		// Several unconnected arguments: each top is a claim; a statement on its own stays a premise.
		return conclusions.has(node) || attacked.has(node) ? 'main_claim' : 'premise';
	};
	return new Map(statements.map((node) => [node, roleOf(node)]));
}

/** OVA3 keeps its layout beside the AIF; positions that are not finite numbers are ignored. */
function ovaPositions(ova: unknown): Map<string, Position> {
	const positions = new Map<string, Position>();
	if (!isRecord(ova) || !Array.isArray(ova.nodes)) return positions;
	for (const node of ova.nodes) {
		if (!isRecord(node)) continue;
		const { nodeID, x, y } = node;
		if (typeof nodeID !== 'string' && typeof nodeID !== 'number') continue;
		if (typeof x !== 'number' || typeof y !== 'number') continue;
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		if (!positions.has(String(nodeID))) positions.set(String(nodeID), { x, y });
	}
	return positions;
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { argumentMapSchema } from '$lib/validation/map-schemas';
import {
	findInvariantViolations,
	isValidId,
	MAP_LIMITS,
	type Anchor,
	type ArgumentMap,
	type Attack,
	type AttackTarget,
	type Statement,
	type StatementRole,
	type Support
} from '$lib/argument';
import { IMPORT_MAX_BYTES, type ImportError, type ImportResult } from './types';

/*
 * The arggraph XML of the arg-microtexts corpus (Peldszus & Stede): `<edu>` text segments in text
 * order, `<adu type="pro|opp">` argumentative units grounded in them by `seg` edges (possibly via a
 * `<joint>`), and `sup`/`exa`/`reb` edges between units, `und` edges onto edges, `add` edges that
 * join a further premise to an edge.
 */

export interface ArggraphImportOptions {
	language?: 'de' | 'en' | 'other';
	/** Used when the graph has neither `topic_id` nor `stance`. */
	title?: string;
}

export type ArggraphEdgeType = 'seg' | 'sup' | 'exa' | 'add' | 'reb' | 'und';

const EDGE_TYPES: readonly string[] = ['seg', 'sup', 'exa', 'add', 'reb', 'und'];
const ELEMENTS = ['edu', 'joint', 'adu', 'edge'] as const;
const ATTRIBUTE_PREFIX = '@_';
const TEXT_NODE = '#text';

export interface ArggraphEdu {
	id: string;
	text: string;
}

export interface ArggraphAdu {
	id: string;
	type: 'pro' | 'opp';
}

export interface ArggraphEdge {
	id: string;
	src: string;
	trg: string;
	type: ArggraphEdgeType;
}

export type ArggraphNodeKind = 'edu' | 'joint' | 'adu' | 'edge';

class ImportFailure extends Error {
	constructor(readonly importError: ImportError) {
		super(importError.code);
	}
}

function failure(error: ImportError): { ok: false; error: ImportError } {
	return { ok: false, error };
}

/**
 * Reads an arggraph document into a map whose commentary is the EDUs joined by single spaces.
 * Every ADU becomes a statement (id kept) anchored to its EDUs; `sup`/`exa` edges become supports
 * and `reb`/`und` edges attacks (ids kept); an `add` edge joins its source to the support it
 * targets as a linked premise. The model can neither undercut an attack nor link attackers, so an
 * undercut of an attack becomes an attack on that attack's attacker, and a further attacker added
 * to an attack becomes an attack of its own (id of the `add` edge); both are listed in `skipped`.
 */
export function importArggraph(xml: string, options: ArggraphImportOptions = {}): ImportResult {
	const parsed = parseArggraph(xml);
	if (!parsed.ok) return parsed;
	try {
		return convert(parsed, options);
	} catch (error) {
		if (error instanceof ImportFailure) return failure(error.importError);
		throw error;
	}
}

/** An arggraph document, read and checked: its root element and its nodes and edges. */
export type ArggraphParse =
	| { ok: true; root: Record<string, unknown>; graph: ArggraphGraph }
	| { ok: false; error: ImportError };

export function parseArggraph(xml: string): ArggraphParse {
	if (xml.length > IMPORT_MAX_BYTES || new TextEncoder().encode(xml).length > IMPORT_MAX_BYTES) {
		return failure({ code: 'import_too_large' });
	}
	if (xml.trim() === '') return failure({ code: 'import_empty' });

	const validation = validateXml(xml);
	if (validation) return failure(validation);

	let document: Record<string, unknown>;
	try {
		document = parser().parse(xml) as Record<string, unknown>;
	} catch (error) {
		// The parser refuses names such as `__proto__` and runaway entity expansion.
		return failure({ code: 'import_not_xml', detail: errorMessage(error) });
	}

	const rootNames = Object.keys(document);
	const rootName = rootNames[0];
	const root = rootName === undefined ? undefined : document[rootName];
	if (rootName === undefined) return failure({ code: 'import_empty' });
	if (rootNames.length > 1 || Array.isArray(root)) {
		return failure({ code: 'import_not_xml', detail: 'more than one root element' });
	}
	if (rootName !== 'arggraph' || !isRecord(root)) {
		return failure({ code: 'import_unknown_format', detail: `<${rootName}>` });
	}

	try {
		return { ok: true, root, graph: readGraph(xml, root) };
	} catch (error) {
		if (error instanceof ImportFailure) return failure(error.importError);
		throw error;
	}
}

function validateXml(xml: string): ImportError | null {
	let result: ReturnType<typeof XMLValidator.validate>;
	try {
		result = XMLValidator.validate(xml);
	} catch (error) {
		return { code: 'import_not_xml', detail: errorMessage(error) };
	}
	if (result === true) return null;
	const error: ImportError = { code: 'import_not_xml', detail: result.err.msg };
	if (Number.isInteger(result.err.line)) error.line = result.err.line;
	if (Number.isInteger(result.err.col)) error.column = result.err.col;
	return error;
}

function parser(): XMLParser {
	return new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: ATTRIBUTE_PREFIX,
		// Texts stay strings ("42" is not a number) and keep their spacing until we trim them.
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		alwaysCreateTextNode: true,
		// Numeric character references (`&#228;`) are only decoded with the HTML entities on.
		htmlEntities: true,
		ignoreDeclaration: true,
		ignorePiTags: true,
		isArray: (name, path, _isLeaf, isAttribute) =>
			!isAttribute &&
			(ELEMENTS as readonly string[]).includes(name) &&
			String(path) === `arggraph.${name}`
	});
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function convert(
	{ root, graph }: Extract<ArggraphParse, { ok: true }>,
	options: ArggraphImportOptions
): ImportResult {
	const skipped: string[] = [];
	const unknownElements = Object.keys(root).filter(
		(key) =>
			key !== TEXT_NODE &&
			!key.startsWith(ATTRIBUTE_PREFIX) &&
			!(ELEMENTS as readonly string[]).includes(key)
	);
	for (const name of unknownElements) skipped.push(`<${name}> elements`);

	const { body, eduSpans } = buildBody(graph.edus);
	const ids = modelIds([...graph.adus.map((adu) => adu.id), ...graph.edges.map((edge) => edge.id)]);
	const id = (xmlId: string) => ids.get(xmlId) ?? xmlId;

	const relations = buildRelations(graph, id, skipped);
	const statements = buildStatements(graph, body, eduSpans, relations, id, skipped);
	const map: ArgumentMap = { statements, relations };

	const problem = mapProblem(map, body.length);
	if (problem) return failure(problem);

	const title = graphTitle(root) ?? (options.title?.trim() || 'Imported arggraph');
	return {
		ok: true,
		bundle: {
			title,
			commentary: {
				title,
				author: '',
				outlet: '',
				language: options.language ?? 'other',
				publishedOn: null,
				sourceUrl: null,
				body
			},
			map
		},
		skipped
	};
}

export interface ArggraphGraph {
	edus: ArggraphEdu[];
	adus: ArggraphAdu[];
	edges: ArggraphEdge[];
	kinds: Map<string, ArggraphNodeKind>;
	edgesById: Map<string, ArggraphEdge>;
}

function readGraph(xml: string, root: Record<string, unknown>): ArggraphGraph {
	const kinds = new Map<string, ArggraphNodeKind>();
	const elements = (name: ArggraphNodeKind) => {
		const value = root[name];
		const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
		return list.map((element) => {
			if (!isRecord(element)) throw invalid(`<${name}>`);
			const elementId = attribute(element, 'id');
			if (elementId === undefined) throw invalid(`<${name}> without id`);
			if (kinds.has(elementId)) throw invalid(`duplicate id "${elementId}"`, xml, elementId);
			kinds.set(elementId, name);
			return { element, id: elementId };
		});
	};

	const edus = elements('edu').map(({ element, id }): ArggraphEdu => {
		const text = element[TEXT_NODE];
		return { id, text: typeof text === 'string' ? text.trim() : '' };
	});
	elements('joint');
	const adus = elements('adu').map(({ element, id }): ArggraphAdu => {
		const type = attribute(element, 'type');
		if (type !== 'pro' && type !== 'opp') {
			throw invalid(`adu "${id}": type "${type ?? ''}"`, xml, id);
		}
		return { id, type };
	});
	const edges = elements('edge').map(({ element, id }): ArggraphEdge => {
		const src = attribute(element, 'src');
		const trg = attribute(element, 'trg');
		const type = attribute(element, 'type');
		if (src === undefined || trg === undefined || type === undefined) {
			throw invalid(`edge "${id}" needs src, trg and type`, xml, id);
		}
		if (!EDGE_TYPES.includes(type)) throw invalid(`edge "${id}": type "${type}"`, xml, id);
		return { id, src, trg, type: type as ArggraphEdgeType };
	});

	const graph: ArggraphGraph = {
		edus,
		adus,
		edges,
		kinds,
		edgesById: new Map(edges.map((edge) => [edge.id, edge]))
	};
	for (const edge of edges) checkEdge(xml, graph, edge);
	return graph;
}

function attribute(element: Record<string, unknown>, name: string): string | undefined {
	const value = element[ATTRIBUTE_PREFIX + name];
	return typeof value === 'string' ? value.trim() : undefined;
}

/** Which kinds of node each end of an edge may name. */
const EDGE_ENDS: Record<ArggraphEdgeType, { src: ArggraphNodeKind[]; trg: ArggraphNodeKind[] }> = {
	seg: { src: ['edu', 'joint'], trg: ['joint', 'adu'] },
	sup: { src: ['adu'], trg: ['adu'] },
	exa: { src: ['adu'], trg: ['adu'] },
	reb: { src: ['adu'], trg: ['adu'] },
	und: { src: ['adu'], trg: ['edge'] },
	add: { src: ['adu'], trg: ['edge'] }
};

function checkEdge(xml: string, graph: ArggraphGraph, edge: ArggraphEdge): void {
	for (const end of ['src', 'trg'] as const) {
		const target = edge[end];
		const kind = graph.kinds.get(target);
		if (kind === undefined) {
			throw new ImportFailure({
				code: 'import_dangling_reference',
				detail: target,
				...position(xml, edge.id)
			});
		}
		const allowed = EDGE_ENDS[edge.type][end];
		const targetEdge = graph.edgesById.get(target);
		if (!allowed.includes(kind) || targetEdge?.type === 'seg') {
			throw new ImportFailure({
				code: 'import_unsupported_structure',
				detail: `${edge.type} edge "${edge.id}": ${end} "${target}"`,
				...position(xml, edge.id)
			});
		}
	}
}

function invalid(detail: string, xml?: string, elementId?: string): ImportFailure {
	const where = xml !== undefined && elementId !== undefined ? position(xml, elementId) : {};
	return new ImportFailure({ code: 'import_invalid_document', detail, ...where });
}

/** Where the element with this id starts, found in the source since the parser keeps no positions. */
function position(xml: string, elementId: string): { line?: number; column?: number } {
	const escaped = elementId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`\\sid\\s*=\\s*(["'])${escaped}\\1`).exec(xml);
	if (!match) return {};
	const tagStart = xml.lastIndexOf('<', match.index);
	const index = tagStart === -1 ? match.index : tagStart;
	const before = xml.slice(0, index);
	const line = before.split('\n').length;
	return { line, column: index - before.lastIndexOf('\n') };
}

/** The commentary is the EDUs in text order joined by single spaces, as the corpus' .txt files. */
function buildBody(edus: ArggraphEdu[]): { body: string; eduSpans: Map<string, Anchor> } {
	const eduSpans = new Map<string, Anchor>();
	let body = '';
	for (const edu of edus) {
		if (edu.text === '') continue;
		if (body !== '') body += ' ';
		eduSpans.set(edu.id, {
			start: body.length,
			end: body.length + edu.text.length,
			quote: edu.text
		});
		body += edu.text;
	}
	return { body, eduSpans };
}

/**
 * Arggraph ids are XML ids, which may hold characters the model's ids may not. Valid ids are kept;
 * the others get a cleaned-up id that no kept id can clash with.
 */
function modelIds(xmlIds: string[]): Map<string, string> {
	const ids = new Map<string, string>();
	const taken = new Set(xmlIds.filter(isValidId));
	for (const xmlId of xmlIds) {
		if (isValidId(xmlId)) {
			ids.set(xmlId, xmlId);
			continue;
		}
		const base = xmlId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56) || 'x';
		let candidate = base;
		for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
		taken.add(candidate);
		ids.set(xmlId, candidate);
	}
	return ids;
}

/** The sup/exa/reb/und edge an `add` edge (or a chain of them) ends on. */
function baseEdge(graph: ArggraphGraph, edge: ArggraphEdge): ArggraphEdge {
	const seen = new Set<string>();
	let current = edge;
	while (current.type === 'add') {
		if (seen.has(current.id)) {
			throw new ImportFailure({
				code: 'import_unsupported_structure',
				detail: `add edges in a cycle: ${[...seen].join(', ')}`
			});
		}
		seen.add(current.id);
		const next = graph.edgesById.get(current.trg);
		if (!next) throw new ImportFailure({ code: 'import_dangling_reference', detail: current.trg });
		current = next;
	}
	return current;
}

function isSupportEdge(edge: ArggraphEdge): boolean {
	return edge.type === 'sup' || edge.type === 'exa';
}

function buildRelations(
	graph: ArggraphGraph,
	id: (xmlId: string) => string,
	skipped: string[]
): (Support | Attack)[] {
	const relations: (Support | Attack)[] = [];
	const supports = new Map<string, Support>();
	const attackTargets = new Map<string, AttackTarget>();

	// What an undercut of `edge` can attack: the support it stands for, or else the attacker.
	const undercutTarget = (undercut: ArggraphEdge, edge: ArggraphEdge): AttackTarget => {
		const base = baseEdge(graph, edge);
		if (isSupportEdge(base)) return { kind: 'relation', id: id(base.id) };
		skipped.push(
			`${undercut.id}: undercut of the attack ${edge.id} kept as an attack on its attacker ${edge.src}`
		);
		return { kind: 'statement', id: id(edge.src) };
	};

	for (const edge of graph.edges) {
		if (isSupportEdge(edge)) {
			const support: Support = {
				id: id(edge.id),
				kind: 'support',
				premiseIds: [id(edge.src)],
				conclusionId: id(edge.trg)
			};
			supports.set(edge.id, support);
			relations.push(support);
		} else if (edge.type === 'reb' || edge.type === 'und') {
			const targetEdge = graph.edgesById.get(edge.trg);
			const target: AttackTarget = targetEdge
				? undercutTarget(edge, targetEdge)
				: { kind: 'statement', id: id(edge.trg) };
			attackTargets.set(edge.id, target);
			relations.push({ id: id(edge.id), kind: 'attack', attackerId: id(edge.src), target });
		}
	}

	for (const edge of graph.edges) {
		if (edge.type !== 'add') continue;
		const base = baseEdge(graph, edge);
		const support = supports.get(base.id);
		if (support) {
			support.premiseIds.push(id(edge.src));
			continue;
		}
		const target = attackTargets.get(base.id);
		if (!target) continue;
		skipped.push(
			`${edge.id}: further attacker ${edge.src} of ${base.id} kept as an attack of its own`
		);
		relations.push({
			id: id(edge.id),
			kind: 'attack',
			attackerId: id(edge.src),
			target: { ...target }
		});
	}
	return relations;
}

function buildStatements(
	graph: ArggraphGraph,
	body: string,
	eduSpans: Map<string, Anchor>,
	relations: (Support | Attack)[],
	id: (xmlId: string) => string,
	skipped: string[]
): Statement[] {
	const edusOf = aduEdus(graph);

	const argues = new Set(graph.edges.filter((edge) => edge.type !== 'seg').map((edge) => edge.src));
	const centralClaims = graph.adus.filter((adu) => !argues.has(adu.id));
	if (centralClaims.length !== 1) {
		skipped.push(
			centralClaims.length === 0
				? 'no central claim: every unit argues for or against another'
				: `several central claims: ${centralClaims.map((adu) => adu.id).join(', ')}`
		);
	}
	const conclusions = new Set<string>();
	const premises = new Set<string>();
	for (const relation of relations) {
		if (relation.kind !== 'support') continue;
		conclusions.add(relation.conclusionId);
		for (const premiseId of relation.premiseIds) premises.add(premiseId);
	}

	const role = (adu: ArggraphAdu): StatementRole => {
		// Of several loose ends (a broken graph), only the proponent's can be main claims.
		if (centralClaims.length === 1 && centralClaims[0] === adu) return 'main_claim';
		if (adu.type === 'opp') return 'objection';
		if (centralClaims.includes(adu)) return 'main_claim';
		const statementId = id(adu.id);
		return conclusions.has(statementId) && premises.has(statementId)
			? 'intermediate_conclusion'
			: 'premise';
	};

	return graph.adus.map((adu) => {
		const eduIds = edusOf.get(adu.id) ?? [];
		const anchors = eduIds.flatMap((eduId) => {
			const span = eduSpans.get(eduId);
			return span ? [{ ...span }] : [];
		});
		let text = anchors.map((anchor) => body.slice(anchor.start, anchor.end)).join(' ');
		if (text.length > MAP_LIMITS.statementTextLength) {
			text = `${text.slice(0, MAP_LIMITS.statementTextLength - 1)}…`;
			skipped.push(`${adu.id}: text shortened to ${MAP_LIMITS.statementTextLength} characters`);
		}
		const implicit = anchors.length === 0;
		if (implicit) skipped.push(`${adu.id}: no text segment, imported as an implicit statement`);
		return { id: id(adu.id), text, role: role(adu), implicit, anchors, note: '' };
	});
}

/** The EDUs each ADU is grounded in, through `seg` edges and any joints between, in text order. */
export function aduEdus(graph: ArggraphGraph): Map<string, string[]> {
	const eduOrder = new Map(graph.edus.map((edu, index) => [edu.id, index]));
	const sources = new Map<string, string[]>();
	for (const edge of graph.edges) {
		if (edge.type !== 'seg') continue;
		sources.set(edge.trg, [...(sources.get(edge.trg) ?? []), edge.src]);
	}
	const result = new Map<string, string[]>();
	for (const adu of graph.adus) {
		const edus = new Set<string>();
		const seen = new Set<string>();
		const pending = [adu.id];
		for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
			if (seen.has(node)) continue;
			seen.add(node);
			if (graph.kinds.get(node) === 'edu') edus.add(node);
			else pending.push(...(sources.get(node) ?? []));
		}
		result.set(
			adu.id,
			[...edus].sort((a, b) => (eduOrder.get(a) ?? 0) - (eduOrder.get(b) ?? 0))
		);
	}
	return result;
}

/** The map's limits and invariants, which a well-formed but odd graph may still break. */
function mapProblem(map: ArgumentMap, textLength: number): ImportError | null {
	const parsed = argumentMapSchema.safeParse(map);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.map(String).join('.') ?? '';
		return { code: 'import_invalid_document', detail: `${where}: ${issue?.message ?? ''}` };
	}
	const violation = findInvariantViolations(map, textLength)[0];
	if (violation) {
		return {
			code: 'import_invalid_document',
			detail: `${violation.code}: ${violation.ids.join(', ')}`
		};
	}
	return null;
}

/** `microtext micro_b001 — waste_separation (pro)` from the root's id, topic and stance. */
function graphTitle(root: Record<string, unknown>): string | null {
	const topic = attribute(root, 'topic_id');
	const stance = attribute(root, 'stance');
	if (!topic && !stance) return null;
	const graphId = attribute(root, 'id');
	const name = graphId ? (graphId.startsWith('micro_') ? `microtext ${graphId}` : graphId) : '';
	const topicPart = [topic, stance ? `(${stance})` : ''].filter(Boolean).join(' ');
	return [name, topicPart].filter(Boolean).join(' — ');
}

/**
 * Argdown (https://argdown.org) export and import.
 *
 * The export is plain Argdown: every statement once as `[Title]: text #role`, rebuttals as
 * `- [Attacker]` below their target, every support as an argument `<Argument n>` with a
 * premise-conclusion structure, and undercuts as `<_ [Attacker]` below that argument. What
 * Argdown has no words for (the commentary, anchors, notes, positions, ids, exact whitespace)
 * travels as JSON in the front matter, so an export imports back without loss.
 *
 * The import parses with @argdown/core and maps its model; it never parses Argdown itself. This
 * is the only module that imports @argdown/core, and it runs on the server only.
 */
import {
	ArgdownApplication,
	ArgdownPluginError,
	ArgdownTypes,
	DataPlugin,
	FrontMatterSettingsModes,
	isConclusion,
	isReconstructed,
	ModelPlugin,
	ParserPlugin,
	RelationType
} from '@argdown/core';
import type {
	IArgdownLogger,
	IArgdownRequest,
	IArgdownResponse,
	IArgument,
	IEquivalenceClass,
	IInference,
	IRelation,
	IStatement,
	RelationMember
} from '@argdown/core';
import { anchorSchema, positionSchema } from '$lib/validation/map-schemas';
import { z } from '$lib/validation/zod';
import {
	createMapDocument,
	isAnchorInRange,
	isValidId,
	MAP_LIMITS,
	parseMapDocument
} from '$lib/argument';
import type {
	Anchor,
	ArgumentMap,
	Attack,
	MapIssueCode,
	Position,
	Statement,
	StatementRole,
	Support
} from '$lib/argument';
import type { ImportError, ImportResult, InterchangeCommentary, MapBundle } from './types';
import { IMPORT_MAX_BYTES } from './types';

/** The front-matter key under which the exporter keeps what Argdown cannot say. */
const META_KEY = 'argumap';
const META_FORMAT = 'argumap-argdown';
const META_VERSION = 1;

export const DEFAULT_ARGDOWN_TITLE = 'Imported Argdown map';

const ROLE_TAGS: Record<StatementRole, string> = {
	main_claim: 'main-claim',
	intermediate_conclusion: 'intermediate-conclusion',
	premise: 'premise',
	objection: 'objection'
};
const IMPLICIT_TAG = 'implicit';

const PRETTY_META_MAX_CHARS = 50_000;
const TITLE_MAX_WORDS = 6;
const TITLE_MAX_CHARS = 60;

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

interface StatementMeta {
	title: string;
	id: string;
	/** Only when Argdown cannot carry the text as it is (line breaks, runs of spaces). */
	text?: string;
	note?: string;
	anchors?: Anchor[];
	position?: Position;
}

interface ExportMeta {
	format: typeof META_FORMAT;
	version: typeof META_VERSION;
	title: string;
	commentary: InterchangeCommentary;
	statements: StatementMeta[];
	arguments: { title: string; id: string }[];
	/** `from` is the attacker's title, `to` the target as Argdown writes it: `[T]` or `<A>`. */
	attacks: { id: string; from: string; to: string }[];
}

/** The map as an Argdown document that @argdown/core parses without errors. */
export function exportArgdown(bundle: MapBundle): string {
	const { map } = bundle;
	const titles = statementTitles(map.statements);
	const supports = map.relations.filter((relation): relation is Support => {
		return (
			relation.kind === 'support' &&
			titles.has(relation.conclusionId) &&
			relation.premiseIds.length > 0 &&
			relation.premiseIds.every((id) => titles.has(id))
		);
	});
	const argumentTitles = new Map(supports.map((support, i) => [support.id, `Argument ${i + 1}`]));
	const attacks = map.relations.filter((relation): relation is Attack => {
		if (relation.kind !== 'attack' || !titles.has(relation.attackerId)) return false;
		return relation.target.kind === 'statement'
			? titles.has(relation.target.id)
			: argumentTitles.has(relation.target.id);
	});
	const attackerTitle = (attack: Attack) => titles.get(attack.attackerId) ?? '';
	// Statements and relations share one id space, so one index serves both kinds of target.
	const attacksOn = new Map<string, Attack[]>();
	for (const attack of attacks) {
		const onTarget = attacksOn.get(attack.target.id);
		if (onTarget) onTarget.push(attack);
		else attacksOn.set(attack.target.id, [attack]);
	}

	const meta: ExportMeta = {
		format: META_FORMAT,
		version: META_VERSION,
		title: bundle.title,
		commentary: { ...bundle.commentary },
		statements: map.statements.map((statement) => {
			const entry: StatementMeta = { title: titles.get(statement.id) ?? '', id: statement.id };
			if (normalizeText(statement.text) !== statement.text) entry.text = statement.text;
			if (statement.note) entry.note = statement.note;
			if (statement.anchors.length > 0) entry.anchors = statement.anchors;
			if (statement.position) entry.position = statement.position;
			return entry;
		}),
		arguments: supports.map((support) => ({
			title: argumentTitles.get(support.id) ?? '',
			id: support.id
		})),
		attacks: attacks.map((attack) => ({
			id: attack.id,
			from: attackerTitle(attack),
			to:
				attack.target.kind === 'statement'
					? `[${titles.get(attack.target.id)}]`
					: `<${argumentTitles.get(attack.target.id)}>`
		}))
	};

	const lines = ['==='];
	lines.push(`title: ${yamlJson(bundle.title)}`);
	if (bundle.commentary.author) lines.push(`author: ${yamlJson(bundle.commentary.author)}`);
	// Indented for reading, unless that would make a large map's file much larger.
	const compact = yamlJson(meta);
	const metadata =
		compact.length > PRETTY_META_MAX_CHARS ? compact : yamlJson(meta, 2).replace(/\n/g, '\n  ');
	lines.push(`${META_KEY}: ${metadata}`, '===', '');
	lines.push(
		'// Exported from Argumap. Statements carry their role as a tag; every support is an',
		'// argument whose premises support its conclusion together (a linked argument).',
		'// The front matter keeps the commentary, anchors and notes for a lossless re-import.',
		''
	);

	for (const statement of map.statements) {
		const tags = [`#${ROLE_TAGS[statement.role]}`];
		if (statement.implicit) tags.push(`#${IMPLICIT_TAG}`);
		const text = escapeText(normalizeText(statement.text));
		lines.push(`[${titles.get(statement.id)}]: ${text ? `${text} ` : ''}${tags.join(' ')}`);
		for (const attack of attacksOn.get(statement.id) ?? []) {
			lines.push(`  - [${attackerTitle(attack)}]`);
		}
		lines.push('');
	}

	for (const support of supports) {
		lines.push(`<${argumentTitles.get(support.id)}>`);
		for (const attack of attacksOn.get(support.id) ?? []) {
			lines.push(`  <_ [${attackerTitle(attack)}]`);
		}
		lines.push('');
		support.premiseIds.forEach((id, i) => lines.push(`(${i + 1}) [${titles.get(id)}]`));
		lines.push('----', `(${support.premiseIds.length + 1}) [${titles.get(support.conclusionId)}]`);
		lines.push('');
	}
	return lines.join('\n');
}

/**
 * Unique titles from the statements' first words. Brackets, braces and backslashes are left out
 * and a title never starts with `-`, so `[Title]` always lexes as one statement token.
 */
function statementTitles(statements: Statement[]): Map<string, string> {
	const titles = new Map<string, string>();
	const taken = new Set<string>();
	statements.forEach((statement, index) => {
		const base = baseTitle(statement.text) || `Statement ${index + 1}`;
		let title = base;
		// @argdown/core keeps statements in a plain object: `[constructor]` would break it.
		for (let n = 2; taken.has(title) || title in Object.prototype; n++) title = `${base} (${n})`;
		taken.add(title);
		titles.set(statement.id, title);
	});
	return titles;
}

function baseTitle(text: string): string {
	const words = text
		.replace(/[[\]<>{}\\]/g, ' ')
		// Control characters and the line separators JavaScript's `.` does not match.
		.replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, TITLE_MAX_WORDS);
	let title = '';
	for (const word of words) {
		const next = title ? `${title} ${word}` : word;
		if (Array.from(next).length > TITLE_MAX_CHARS) {
			if (!title) title = Array.from(word).slice(0, TITLE_MAX_CHARS).join('');
			break;
		}
		title = next;
	}
	// A reference must not start with `-`; trailing punctuation reads badly in a title.
	return title.replace(/^[-\s]+/, '').replace(/[\s.,;:!?…]+$/u, '');
}

/** What Argdown keeps of a statement's whitespace: single spaces, none at either end. */
function normalizeText(text: string): string {
	return text.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

/** Characters that start Argdown markup anywhere in a line (tags, references, data, comments…). */
const ALWAYS_ESCAPED = new Set(['\\', '@', '#', '*', '_', '[', ']', '<', '>', '{', '}', '=']);

/**
 * Escapes a single-line text so Argdown reads it back unchanged. Besides the markup characters,
 * `.` and `:` are escaped before a non-space (`.x.` and `:x:` are shortcodes) and `/` before `/`
 * (a comment). Line-start syntax (`-`, `+`, `(1)`) cannot occur: the text follows `[Title]: `.
 */
function escapeText(text: string): string {
	let escaped = '';
	for (let i = 0; i < text.length; i++) {
		const char = text.charAt(i);
		const next = text.charAt(i + 1);
		const escape =
			ALWAYS_ESCAPED.has(char) ||
			((char === '.' || char === ':') && next !== '' && next !== ' ') ||
			(char === '/' && next === '/');
		escaped += escape ? `\\${char}` : char;
	}
	return escaped;
}

/**
 * JSON, which YAML reads as a flow node. `=` is escaped because `===` would end Argdown's front
 * matter; characters YAML refuses as unprintable are escaped too.
 */
function yamlJson(value: unknown, indent?: number): string {
	return JSON.stringify(value, null, indent).replace(
		/[=\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}

// ---------------------------------------------------------------------------------------------
// Import: parsing with @argdown/core
// ---------------------------------------------------------------------------------------------

const SILENT_LOGGER: IArgdownLogger = { log: () => {}, setLevel: () => {} };

/** A YAML error in a data block or the front matter, with the token it happened in. */
class DataBlockError extends Error {
	constructor(
		readonly token: unknown,
		cause: unknown
	) {
		super(cause instanceof Error ? cause.message : String(cause));
	}
}

type ParseOutcome = { ok: true; response: IArgdownResponse } | { ok: false; error: ImportError };

function parseArgdown(text: string): ParseOutcome {
	const app = new ArgdownApplication(SILENT_LOGGER);
	app.addPlugin(new ParserPlugin(), 'parse-input');
	const data = new DataPlugin();
	// The plugin's YAML errors would otherwise end the walk silently, half done.
	for (const [event, listener] of Object.entries(data.tokenListeners)) {
		data.tokenListeners[event] = (request, response, token, ...rest) => {
			try {
				listener(request, response, token, ...rest);
			} catch (error) {
				throw new DataBlockError(token, error);
			}
		};
	}
	app.addPlugin(data, 'build-model');
	app.addPlugin(new ModelPlugin(), 'build-model');

	const request = (process: string): IArgdownRequest => ({
		input: text,
		process: [process],
		throwExceptions: true,
		logExceptions: false,
		// Front matter must not reconfigure the parser.
		data: { frontMatterSettingsMode: FrontMatterSettingsModes.IGNORE },
		model: { removeTagsFromText: true }
	});

	const response: IArgdownResponse = {};
	try {
		app.run(request('parse-input'), response);
	} catch {
		// Without any token (only comments), the parser plugin fails looking for the last one.
		if (response.tokens?.length === 0) return { ok: false, error: { code: 'import_empty' } };
		// The lexer throws without a position; only a backslash at a line's end makes it fail.
		return { ok: false, error: { code: 'import_argdown_syntax', ...lexerErrorPosition(text) } };
	}
	// chevrotain ships no type definitions here, so its tokens are read defensively.
	const parserError: unknown = response.parserErrors?.[0];
	if (parserError && !hasContent(response.tokens)) {
		return { ok: false, error: { code: 'import_empty' } };
	}
	if (parserError) {
		const token = isRecord(parserError) ? parserError.token : undefined;
		const error: ImportError = { code: 'import_argdown_syntax', ...tokenPosition(token) };
		const image = isRecord(token) && typeof token.image === 'string' ? token.image.trim() : '';
		if (image) error.detail = Array.from(image).slice(0, 80).join('');
		return { ok: false, error };
	}
	try {
		app.run(request('build-model'), response);
	} catch (error) {
		if (error instanceof DataBlockError) {
			return {
				ok: false,
				error: {
					code: 'import_argdown_syntax',
					...tokenPosition(error.token),
					detail: firstLine(error.message)
				}
			};
		}
		// The model plugin's own refusals (e.g. two premise-conclusion structures for one
		// argument) explain themselves; other failures (a title such as `[constructor]`) do not.
		return {
			ok: false,
			error:
				error instanceof ArgdownPluginError
					? { code: 'import_unsupported_structure', detail: firstLine(error.message) }
					: { code: 'import_unsupported_structure' }
		};
	}
	return { ok: true, response };
}

/** Whether any token is more than line breaks and front matter (comments are never tokens). */
function hasContent(tokens: unknown[] | undefined): boolean {
	return (tokens ?? []).some((token) => {
		if (!isRecord(token) || typeof token.image !== 'string') return true;
		const type = isRecord(token.tokenType) ? token.tokenType.name : undefined;
		return type !== 'FrontMatter' && token.image.trim() !== '';
	});
}

function tokenPosition(token: unknown): { line?: number; column?: number } {
	if (!isRecord(token)) return {};
	const position: { line?: number; column?: number } = {};
	if (typeof token.startLine === 'number' && Number.isInteger(token.startLine)) {
		position.line = token.startLine;
	}
	if (typeof token.startColumn === 'number' && Number.isInteger(token.startColumn)) {
		position.column = token.startColumn;
	}
	return position;
}

function firstLine(message: string): string {
	return Array.from(message.split(/\r?\n/)[0] ?? '')
		.slice(0, 200)
		.join('');
}

/** Where the first backslash at the end of a line (or of the text) is: nothing it could escape. */
function lexerErrorPosition(text: string): { line?: number; column?: number } {
	for (const match of text.matchAll(/\\+(?=[\r\n\u2028\u2029]|$)/g)) {
		if (match[0].length % 2 === 1) return positionAt(text, match.index + match[0].length - 1);
	}
	return {};
}

function positionAt(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const breaks = before.match(/\r\n|\r|\n/g) ?? [];
	const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
	return { line: breaks.length + 1, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Import: mapping the Argdown model
// ---------------------------------------------------------------------------------------------

/** A statement to be: an equivalence class, or an argument without premise-conclusion structure. */
interface DraftStatement {
	key: string;
	title: string;
	text: string;
	tags: string[];
	implicit: boolean;
	line?: number;
	column?: number;
	/** Only equivalence classes can carry the exporter's metadata (it writes no other kind). */
	fromStatement: boolean;
}

interface DraftSupport {
	premises: string[];
	conclusion: string;
	/** The argument title when this is the support of an argument's main conclusion. */
	argumentTitle?: string;
	line?: number;
	column?: number;
}

interface DraftAttack {
	attacker: string;
	target: { kind: 'statement'; key: string } | { kind: 'support'; index: number };
	line?: number;
	column?: number;
}

type Endpoint = { kind: 'statement'; key: string } | { kind: 'support'; index: number };

const commentarySchema = z.object({
	title: z.string(),
	author: z.string(),
	outlet: z.string(),
	language: z.enum(['de', 'en', 'other']),
	publishedOn: z.string().nullable(),
	sourceUrl: z.string().nullable(),
	body: z.string()
}) satisfies z.ZodType<InterchangeCommentary>;

/** Reads an Argdown document as a map; refuses it whole on a syntax error. */
export function importArgdown(text: string): ImportResult {
	if (text.length > IMPORT_MAX_BYTES || new TextEncoder().encode(text).length > IMPORT_MAX_BYTES) {
		return { ok: false, error: { code: 'import_too_large' } };
	}
	if (!text.trim()) return { ok: false, error: { code: 'import_empty' } };
	// A byte order mark would hide the front matter, which must open the document.
	const parsed = parseArgdown(text.replace(/^\ufeff/, ''));
	if (!parsed.ok) return parsed;
	const { response } = parsed;
	const skipped: string[] = [];

	// Statements: equivalence classes, plus arguments nobody reconstructed, in order of appearance.
	const drafts: DraftStatement[] = [];
	for (const ec of Object.values(response.statements ?? {})) {
		drafts.push(draftFromEquivalenceClass(ec));
	}
	const allArguments = Object.values(response.arguments ?? {});
	for (const argument of allArguments) {
		if (!isReconstructed(argument)) drafts.push(draftFromArgument(argument));
	}
	if (drafts.length === 0) return { ok: false, error: { code: 'import_empty' } };
	const order = drafts.map((draft, index) => ({ draft, index }));
	order.sort(
		(a, b) => (a.draft.line ?? Infinity) - (b.draft.line ?? Infinity) || a.index - b.index
	);
	const statements = order.map(({ draft }) => draft);

	// Supports: one per inference of every premise-conclusion structure.
	const supports: DraftSupport[] = [];
	const inferenceSupport = new Map<IInference, number>();
	const argumentSupport = new Map<IArgument, number>();
	for (const argument of allArguments) {
		if (!isReconstructed(argument)) continue;
		let preceding: string[] = [];
		let last: number | undefined;
		argument.pcs.forEach((pcsStatement, i) => {
			const key = statementKey(pcsStatement.title ?? '');
			if (!isConclusion(pcsStatement)) {
				preceding.push(key);
				return;
			}
			const inference = pcsStatement.inference;
			const used = usedPremises(inference, argument.pcs, i) ?? preceding;
			const premises = [...new Set(used)].filter((premise) => premise !== key);
			if (premises.length === 0) {
				skipped.push(`<${argument.title}> (${i + 1})`);
			} else {
				last = supports.length;
				if (inference) inferenceSupport.set(inference, last);
				supports.push({
					premises,
					conclusion: key,
					line: pcsStatement.startLine ?? argument.startLine,
					column: pcsStatement.startColumn ?? argument.startColumn
				});
			}
			// An intermediate conclusion is a premise of the next inference.
			preceding = [key];
		});
		if (last !== undefined) {
			argumentSupport.set(argument, last);
			const main = supports[last];
			if (main && argument.title) main.argumentTitle = argument.title;
		}
		if (argument.members.some((member) => !member.isReference && member.text?.trim())) {
			skipped.push(`<${argument.title}>: …`);
		}
	}

	const endpoint = (member: RelationMember | undefined): Endpoint | undefined => {
		if (!member) return undefined;
		if (member.type === ArgdownTypes.EQUIVALENCE_CLASS) {
			return { kind: 'statement', key: statementKey(member.title ?? '') };
		}
		if (member.type === ArgdownTypes.ARGUMENT) {
			if (!isReconstructed(member)) {
				return { kind: 'statement', key: argumentKey(member.title ?? '') };
			}
			const index = argumentSupport.get(member);
			return index === undefined ? undefined : { kind: 'support', index };
		}
		const index = inferenceSupport.get(member);
		return index === undefined ? undefined : { kind: 'support', index };
	};

	// Relations: supports between statements, attacks on statements and on inferences.
	const attacks: DraftAttack[] = [];
	const attackKeys = new Set<string>();
	const pushAttack = (attack: DraftAttack) => {
		const target = attack.target.kind === 'statement' ? attack.target.key : attack.target.index;
		const key = JSON.stringify([attack.attacker, attack.target.kind, target]);
		if (attackKeys.has(key)) return;
		attackKeys.add(key);
		attacks.push(attack);
	};
	for (const relation of response.relations ?? []) {
		const from = endpoint(relation.from);
		const to = endpoint(relation.to);
		const where = relation.occurrences[0];
		const position = { line: where?.startLine, column: where?.startColumn };
		const isSelf = from && to && from.kind === to.kind && sameEndpoint(from, to);
		if (!from || !to || from.kind !== 'statement' || isSelf) {
			skipped.push(describeRelation(relation));
			continue;
		}
		switch (relation.relationType) {
			case RelationType.SUPPORT:
			case RelationType.ENTAILS:
				if (to.kind !== 'statement') {
					skipped.push(describeRelation(relation));
				} else {
					supports.push({ premises: [from.key], conclusion: to.key, ...position });
				}
				break;
			case RelationType.ATTACK:
			case RelationType.UNDERCUT:
				pushAttack({ attacker: from.key, target: to, ...position });
				break;
			case RelationType.CONTRARY:
			case RelationType.CONTRADICTORY:
				// Symmetric: each statement rebuts the other.
				pushAttack({ attacker: from.key, target: to, ...position });
				if (to.kind === 'statement') {
					pushAttack({ attacker: to.key, target: from, ...position });
				}
				break;
			default:
				skipped.push(describeRelation(relation));
		}
	}

	const heading = response.sections?.[0]?.title;
	return buildBundle(response.frontMatter, heading, statements, supports, attacks, skipped);
}

function statementKey(title: string): string {
	return `[${title}]`;
}

function argumentKey(title: string): string {
	return `<${title}>`;
}

function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
	return a.kind === 'statement' && b.kind === 'statement'
		? a.key === b.key
		: a.kind === 'support' && b.kind === 'support' && a.index === b.index;
}

/** Argdown's `uses` (1-based numbers of earlier pcs statements) in an inference's data. */
function usedPremises(
	inference: IInference | undefined,
	pcs: IStatement[],
	conclusionIndex: number
): string[] | undefined {
	const uses: unknown = inference?.data?.uses;
	if (!Array.isArray(uses) || uses.length === 0) return undefined;
	const keys: string[] = [];
	for (const number of uses) {
		if (!Number.isInteger(number) || number < 1 || number > conclusionIndex) return undefined;
		keys.push(statementKey(pcs[number - 1]?.title ?? ''));
	}
	return keys;
}

function describeRelation(relation: IRelation): string {
	const label = (member: RelationMember | undefined): string => {
		if (!member) return '?';
		if (member.type === ArgdownTypes.EQUIVALENCE_CLASS) return statementKey(member.title ?? '');
		if (member.type === ArgdownTypes.ARGUMENT) return argumentKey(member.title ?? '');
		return `${argumentKey(member.argumentTitle ?? '')} ----`;
	};
	const symbols: Partial<Record<RelationType, string>> = {
		[RelationType.SUPPORT]: '+>',
		[RelationType.ENTAILS]: '+>',
		[RelationType.ATTACK]: '->',
		[RelationType.UNDERCUT]: '_>',
		[RelationType.CONTRARY]: '><',
		[RelationType.CONTRADICTORY]: '><'
	};
	return `${label(relation.from)} ${symbols[relation.relationType] ?? '?'} ${label(relation.to)}`;
}

function draftFromEquivalenceClass(ec: IEquivalenceClass): DraftStatement {
	const title = ec.title ?? '';
	const definitions = ec.members.filter((member) => !member.isReference);
	const canonical =
		[...definitions].reverse().find((member) => isRecord(member.data) && member.data.isCanonical) ??
		definitions[definitions.length - 1];
	const located = definitions[0] ?? ec.members[0];
	return {
		key: statementKey(title),
		title,
		// A statement only ever referenced has no text of its own; Argdown shows its title.
		text: canonical ? trimArgdownText(canonical.text ?? '') : title,
		tags: ec.tags ?? [],
		implicit: isRecord(ec.data) && ec.data.implicit === true,
		line: located?.startLine,
		column: located?.startColumn,
		fromStatement: true
	};
}

function draftFromArgument(argument: IArgument): DraftStatement {
	const title = argument.title ?? '';
	const descriptions = argument.members.filter((member) => !member.isReference && member.text);
	const described = descriptions[descriptions.length - 1];
	const located = argument.members[0];
	return {
		key: argumentKey(title),
		title,
		text: described ? trimArgdownText(described.text ?? '') : title,
		tags: argument.tags ?? [],
		implicit: isRecord(argument.data) && argument.data.implicit === true,
		line: located?.startLine ?? argument.startLine,
		column: located?.startColumn ?? argument.startColumn,
		fromStatement: false
	};
}

/** Argdown leaves the space before a removed tag; Unicode spaces are the author's, so kept. */
function trimArgdownText(text: string): string {
	return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

function normalizeTag(tag: string): string {
	return tag
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '-');
}

const TAG_ROLES = new Map<string, StatementRole>(
	Object.entries(ROLE_TAGS).map(([role, tag]) => [tag, role as StatementRole])
);

/** Tags decide; without one, the statement's place in the structure does. */
function rolesOf(
	drafts: DraftStatement[],
	supports: DraftSupport[],
	attacks: DraftAttack[]
): StatementRole[] {
	const attackers = new Set(attacks.map((attack) => attack.attacker));
	const conclusions = new Set(supports.map((support) => support.conclusion));
	const premises = new Set(supports.flatMap((support) => support.premises));
	return drafts.map((draft) => {
		for (const tag of draft.tags) {
			const role = TAG_ROLES.get(normalizeTag(tag));
			if (role) return role;
		}
		if (attackers.has(draft.key)) return 'objection';
		if (conclusions.has(draft.key)) {
			return premises.has(draft.key) ? 'intermediate_conclusion' : 'main_claim';
		}
		return 'premise';
	});
}

interface ImportMeta {
	title?: string;
	commentary?: InterchangeCommentary;
	statements: Map<string, Record<string, unknown>>;
	arguments: Map<string, unknown>;
	attacks: Map<string, unknown>;
}

/** The exporter's front matter, each part taken only when it is well-formed. */
function readMeta(frontMatter: unknown): { meta: ImportMeta; documentTitle?: string } {
	const meta: ImportMeta = { statements: new Map(), arguments: new Map(), attacks: new Map() };
	if (!isRecord(frontMatter)) return { meta };
	const documentTitle = typeof frontMatter.title === 'string' ? frontMatter.title : undefined;
	const raw = frontMatter[META_KEY];
	// Another format or version means something else by the same keys: only Argdown counts then.
	if (!isRecord(raw) || raw.format !== META_FORMAT || raw.version !== META_VERSION) {
		return { meta, documentTitle };
	}
	if (typeof raw.title === 'string') meta.title = raw.title;
	const commentary = commentarySchema.safeParse(raw.commentary);
	if (commentary.success) meta.commentary = commentary.data;
	for (const entry of arrayOf(raw.statements)) {
		if (isRecord(entry) && typeof entry.title === 'string') meta.statements.set(entry.title, entry);
	}
	for (const entry of arrayOf(raw.arguments)) {
		if (isRecord(entry) && typeof entry.title === 'string') {
			meta.arguments.set(entry.title, entry.id);
		}
	}
	for (const entry of arrayOf(raw.attacks)) {
		if (isRecord(entry) && typeof entry.from === 'string' && typeof entry.to === 'string') {
			meta.attacks.set(`${entry.from}\n${entry.to}`, entry.id);
		}
	}
	return { meta, documentTitle };
}

function buildBundle(
	frontMatter: unknown,
	heading: string | undefined,
	drafts: DraftStatement[],
	supports: DraftSupport[],
	attacks: DraftAttack[],
	skipped: string[]
): ImportResult {
	const { meta, documentTitle } = readMeta(frontMatter);
	// The exporter's title as it was, else the document's (front matter, then first heading).
	const title = meta.title?.trim()
		? meta.title
		: (documentTitle ?? heading ?? '').trim() || DEFAULT_ARGDOWN_TITLE;
	const metaOf = (draft: DraftStatement) =>
		draft.fromStatement ? meta.statements.get(draft.title) : undefined;

	// Texts: Argdown's, unless the front matter has the same text with its original whitespace.
	const texts = drafts.map((draft) => {
		const original = metaOf(draft)?.text;
		return typeof original === 'string' && normalizeText(original) === draft.text
			? original
			: draft.text;
	});
	const roles = rolesOf(drafts, supports, attacks);
	const implicit = drafts.map(
		(draft) => draft.implicit || draft.tags.some((tag) => normalizeTag(tag) === IMPLICIT_TAG)
	);

	// The commentary: the exported one, or the stated statements' texts one after the other.
	let commentary: InterchangeCommentary;
	let anchorsOf: (index: number) => Anchor[];
	if (meta.commentary) {
		commentary = meta.commentary;
		const bodyLength = commentary.body.length;
		anchorsOf = (index) => {
			const draft = drafts[index];
			const raw = draft ? metaOf(draft)?.anchors : undefined;
			const anchors: Anchor[] = [];
			for (const candidate of arrayOf(raw)) {
				const anchor = anchorSchema.safeParse(candidate);
				if (anchor.success && isAnchorInRange(anchor.data, bodyLength)) anchors.push(anchor.data);
			}
			return anchors.slice(0, MAP_LIMITS.anchorsPerStatement);
		};
	} else {
		const parts: string[] = [];
		const derived = new Map<number, Anchor>();
		let offset = 0;
		texts.forEach((text, index) => {
			if (implicit[index] || !text) return;
			if (parts.length > 0) offset += 2;
			derived.set(index, { start: offset, end: offset + text.length, quote: text });
			parts.push(text);
			offset += text.length;
		});
		commentary = {
			title,
			author: authorOf(frontMatter),
			outlet: '',
			language: 'other',
			publishedOn: null,
			sourceUrl: null,
			body: parts.join('\n\n')
		};
		anchorsOf = (index) => {
			const anchor = derived.get(index);
			return anchor ? [anchor] : [];
		};
	}

	// Ids: the exported ones where still valid and free, new ones for the rest.
	const ids = new IdAllocator();
	const statementIds = drafts.map((draft) => ids.claim(metaOf(draft)?.id));
	const supportIds = supports.map((support) =>
		ids.claim(support.argumentTitle ? meta.arguments.get(support.argumentTitle) : undefined)
	);
	const draftOfKey = new Map(drafts.map((draft) => [draft.key, draft]));
	const attackIds = attacks.map((attack) => {
		const attacker = draftOfKey.get(attack.attacker);
		const target =
			attack.target.kind === 'statement'
				? attack.target.key
				: argumentKey(supports[attack.target.index]?.argumentTitle ?? '');
		return ids.claim(
			attacker?.fromStatement ? meta.attacks.get(`${attacker.title}\n${target}`) : undefined
		);
	});

	// Built directly and validated once: the operations check each step against the whole map,
	// which is quadratic for the thousands of statements a file may hold.
	const idOfKey = new Map<string, string>();
	const statements: Statement[] = drafts.map((draft, index) => {
		const id = statementIds[index] ?? ids.fresh('statement');
		idOfKey.set(draft.key, id);
		const metadata = metaOf(draft);
		const note = metadata?.note;
		const position = positionSchema.safeParse(metadata?.position);
		const statement: Statement = {
			id,
			text: texts[index] ?? draft.text,
			role: roles[index] ?? 'premise',
			implicit: implicit[index] ?? false,
			anchors: anchorsOf(index).sort((a, b) => a.start - b.start || a.end - b.end),
			// Front matter is only a hint: a note that does not fit is dropped, not refused.
			note: typeof note === 'string' && note.length <= MAP_LIMITS.noteLength ? note : ''
		};
		if (position.success) statement.position = position.data;
		return statement;
	});
	const supportRelations: Support[] = supports.map((support, index) => ({
		id: supportIds[index] ?? ids.fresh('support'),
		kind: 'support',
		premiseIds: support.premises.map((key) => idOfKey.get(key) ?? ''),
		conclusionId: idOfKey.get(support.conclusion) ?? ''
	}));
	const attackRelations: Attack[] = attacks.map((attack, index) => ({
		id: attackIds[index] ?? ids.fresh('attack'),
		kind: 'attack',
		attackerId: idOfKey.get(attack.attacker) ?? '',
		target:
			attack.target.kind === 'statement'
				? { kind: 'statement', id: idOfKey.get(attack.target.key) ?? '' }
				: { kind: 'relation', id: supportRelations[attack.target.index]?.id ?? '' }
	}));
	const map: ArgumentMap = { statements, relations: [...supportRelations, ...attackRelations] };

	const checked = parseMapDocument(createMapDocument(map), {
		textLength: commentary.body.length
	});
	if (!checked.ok) {
		const issue = checked.issues[0];
		const [, collection, index] = issue?.path ?? [];
		const at = typeof index === 'number' ? index : -1;
		const element =
			collection === 'statements'
				? drafts[at]
				: at < supports.length
					? supports[at]
					: attacks[at - supports.length];
		return refused(issue?.code ?? 'invalid_value', element);
	}
	return { ok: true, bundle: { title, commentary, map }, skipped };
}

/**
 * A map limit the file exceeds (e.g. a statement's text is too long) or, should the mapping
 * above have missed one, an invariant it breaks; `detail` names the element and the problem.
 */
function refused(
	code: MapIssueCode,
	element: DraftStatement | DraftSupport | DraftAttack | undefined
): ImportResult {
	const name = !element
		? undefined
		: 'key' in element
			? element.key
			: 'conclusion' in element
				? `${element.premises.join(' + ')} +> ${element.conclusion}`
				: element.attacker;
	const error: ImportError = {
		code: 'import_invalid_document',
		detail: name ? `${name}: ${code}` : code
	};
	if (element?.line !== undefined && Number.isInteger(element.line)) error.line = element.line;
	if (element?.column !== undefined && Number.isInteger(element.column)) {
		error.column = element.column;
	}
	return { ok: false, error };
}

class IdAllocator {
	private readonly used = new Set<string>();
	private readonly counters = new Map<string, number>();

	/** The id when it is valid and still free; undefined otherwise. */
	claim(candidate: unknown): string | undefined {
		if (typeof candidate !== 'string' || !isValidId(candidate) || this.used.has(candidate)) {
			return undefined;
		}
		this.used.add(candidate);
		return candidate;
	}

	fresh(prefix: string): string {
		let counter = this.counters.get(prefix) ?? 0;
		let id: string;
		do id = `${prefix}-${++counter}`;
		while (this.used.has(id));
		this.counters.set(prefix, counter);
		this.used.add(id);
		return id;
	}
}

function authorOf(frontMatter: unknown): string {
	if (!isRecord(frontMatter)) return '';
	const author = frontMatter.author;
	if (typeof author === 'string') return author;
	if (Array.isArray(author)) return author.filter((a) => typeof a === 'string').join(', ');
	return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

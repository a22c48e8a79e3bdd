export type StatementRole = 'main_claim' | 'intermediate_conclusion' | 'premise' | 'objection';

export const STATEMENT_ROLES = [
	'main_claim',
	'intermediate_conclusion',
	'premise',
	'objection'
] as const satisfies readonly StatementRole[];

/**
 * A passage of the commentary: the UTF-16 range [start, end) as JavaScript strings index it,
 * plus the quoted words, so the anchor can be found again after the text has been edited.
 */
export interface Anchor {
	start: number;
	end: number;
	quote: string;
}

export interface Position {
	x: number;
	y: number;
}

export interface Statement {
	id: string;
	text: string;
	role: StatementRole;
	/** An unstated assumption the student reconstructed; it has no place in the text. */
	implicit: boolean;
	anchors: Anchor[];
	note: string;
	/** Where the student placed the node in the graph; absent until it is placed. */
	position?: Position;
}

/** An inference (AIF RA-node): several premises make a linked argument, they support together. */
export interface Support {
	id: string;
	kind: 'support';
	premiseIds: string[];
	conclusionId: string;
}

export type AttackTarget = { kind: 'statement'; id: string } | { kind: 'relation'; id: string };

/**
 * A conflict (AIF CA-node). Attacking a statement is a rebuttal; attacking a relation is an
 * undercut, which must target a support: it denies that the premises lead to the conclusion.
 */
export interface Attack {
	id: string;
	kind: 'attack';
	attackerId: string;
	target: AttackTarget;
}

export type Relation = Support | Attack;

/** Statements and relations share one id space, so a graph view can key nodes and edges alike. */
export interface ArgumentMap {
	statements: Statement[];
	relations: Relation[];
}

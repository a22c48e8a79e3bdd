import type { ArgumentMap } from '$lib/argument';

/** Longest comment, in code points after trimming; the form and the server share it. */
export const COMMENT_BODY_MAX_LENGTH = 2000;

export const COMMENT_TARGET_KINDS = ['map', 'statement', 'relation'] as const;
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

export interface CommentTarget {
	kind: CommentTargetKind;
	/** Statement or relation id; null for the whole map. */
	id: string | null;
}

export type CommentErrorCode =
	'comment_body_empty' | 'comment_body_too_long' | 'comment_target_invalid' | 'comment_not_found';

export interface CommentInput {
	targetKind: string;
	targetId: string;
	body: string;
}

export type CommentValidation =
	| { ok: true; value: { target: CommentTarget; body: string } }
	| { ok: false; code: CommentErrorCode };

/** The target if it names the whole map or a statement or relation that is in `map`. */
export function commentTargetIn(
	map: ArgumentMap,
	kind: string,
	id: string
): CommentTarget | undefined {
	if (kind === 'map') return { kind, id: null };
	if (kind === 'statement' && map.statements.some((statement) => statement.id === id)) {
		return { kind, id };
	}
	if (kind === 'relation' && map.relations.some((relation) => relation.id === id)) {
		return { kind, id };
	}
	return undefined;
}

/** Validates a comment form against the map as it is now; the body comes back trimmed. */
export function validateComment(input: CommentInput, map: ArgumentMap): CommentValidation {
	const body = input.body.replace(/\r\n?/g, '\n').trim();
	if (body === '') return { ok: false, code: 'comment_body_empty' };
	// Counted in code points, so an emoji counts once, as a reader would count it.
	if ([...body].length > COMMENT_BODY_MAX_LENGTH) {
		return { ok: false, code: 'comment_body_too_long' };
	}
	const target = commentTargetIn(map, input.targetKind, input.targetId);
	if (!target) return { ok: false, code: 'comment_target_invalid' };
	return { ok: true, value: { target, body } };
}

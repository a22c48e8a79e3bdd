import type { CommentView } from '$lib/comments/group';
import { validateComment } from '$lib/comments/rules';
import { mapAccess, requireAccess, type MapAccess } from '$lib/server/access';
import { getAssignment, getStudentWork } from '$lib/server/assignments';
import { addComment, deleteComment, listComments } from '$lib/server/comments';
import { getDb, type AppDatabase } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { notFound } from '$lib/server/http/errors';
import { duplicateMap, getMapHead, getReadableMap } from '$lib/server/maps';
import { loadSharing, shareActions } from '$lib/server/share-actions';
import { requireUser } from '$lib/server/session-guard';
import { MAP_TITLE_MAX_LENGTH } from '$lib/maps/rules';
import { m } from '$lib/paraglide/messages.js';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = getDb();
	const userId = locals.user?.id ?? null;
	const access = requireAccess(await mapAccess(db, userId, params.id), 'read');
	// The document and the text come from the map JSON, which the page preloads.
	const map = await getMapHead(db, params.id, userId);
	if (!map) notFound();
	const comments: CommentView[] = access.comment
		? (await listComments(db, params.id)).map(({ authorId, ...comment }) => ({
				...comment,
				mine: authorId !== null && authorId === userId
			}))
		: [];
	return {
		map,
		access,
		work: await workFor(db, access),
		comments,
		// Readers who are not the owner may keep a copy of their own to work on.
		canCopy: locals.user !== null && !access.owner,
		suggestionsAllowed: await suggestionsAllowed(db, access),
		sharing: locals.user
			? await loadSharing(db, locals.user, { kind: 'map', id: params.id }, access)
			: null
	};
};

/** The student's name and the teacher's feedback, for the student and their teachers only. */
async function workFor(db: AppDatabase, access: MapAccess) {
	const assignment = access.assignment;
	if (!assignment || !(access.owner || assignment.readerTeaches)) return null;
	const work = await getStudentWork(db, assignment.assignmentId, assignment.studentId);
	return work ? { studentName: work.displayName, feedback: work.feedback } : null;
}

/** Argument suggestions are on, except in an assignment whose teacher switched them off. */
async function suggestionsAllowed(db: AppDatabase, access: MapAccess): Promise<boolean> {
	if (!access.assignment) return true;
	return (await getAssignment(db, access.assignment.assignmentId))?.suggestionsAllowed ?? false;
}

/** The database and the signed-in user, if they may comment on the map (404/403 otherwise). */
async function commenter(locals: App.Locals, mapId: string) {
	const db = getDb();
	requireAccess(await mapAccess(db, locals.user?.id ?? null, mapId), 'comment');
	// Unreachable: only signed-in owners and teachers may comment; it narrows the type.
	if (!locals.user) notFound();
	return { db, userId: locals.user.id };
}

export const actions: Actions = {
	...shareActions('map'),

	copy: async ({ params, locals, url }) => {
		const { user } = requireUser(locals, url);
		const db = getDb();
		requireAccess(await mapAccess(db, user.id, params.id), 'read');
		const map = await getReadableMap(db, params.id, user.id);
		if (!map) notFound();
		const title = m.maps_copy_title({ title: map.title }).slice(0, MAP_TITLE_MAX_LENGTH);
		const id = await duplicateMap(db, user.id, params.id, title);
		if (!id) notFound();
		redirect(303, `/maps/${id}`);
	},

	comment: async ({ params, locals, request }) => {
		const { db, userId } = await commenter(locals, params.id);
		const data = await request.formData();
		const input = {
			targetKind: formText(data, 'targetKind'),
			targetId: formText(data, 'targetId'),
			body: formText(data, 'body')
		};
		const map = await getReadableMap(db, params.id, userId);
		if (!map) notFound();
		const valid = validateComment(input, map.map);
		if (!valid.ok) return fail(400, { error: valid.code, body: input.body });
		await addComment(db, params.id, userId, valid.value.target, valid.value.body);
		return { commentAdded: true };
	},

	deleteComment: async ({ params, locals, request }) => {
		const { db, userId } = await commenter(locals, params.id);
		const commentId = formText(await request.formData(), 'commentId');
		const deleted = await deleteComment(db, params.id, commentId, userId);
		if (deleted === 'not_author') {
			error(403, { message: 'Only its author deletes a comment', code: 'forbidden' });
		}
		if (deleted === 'not_found') return fail(400, { error: 'comment_not_found' as const });
		return { commentDeleted: true };
	}
};

import { validateAssignment, type AssignmentInput } from '$lib/assignments/rules';
import { classAccess, requireAccess } from '$lib/server/access';
import { createAssignment } from '$lib/server/assignments';
import { getClass } from '$lib/server/classes';
import { getReadableCommentary, listReadableCommentaries } from '$lib/server/commentaries';
import { getDb, type AppDatabase } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { notFound } from '$lib/server/http/errors';
import { getReadableMap, listOwnMaps } from '$lib/server/maps';
import { requireUser } from '$lib/server/session-guard';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The class, for its teachers only: others get 404 (non-members) or 403 (students). */
async function taughtClass(db: AppDatabase, userId: string, classId: string) {
	requireAccess(await classAccess(db, userId, classId), 'edit');
	const details = await getClass(db, classId);
	if (!details) notFound();
	return details;
}

function inputFromForm(data: FormData): AssignmentInput {
	return {
		title: formText(data, 'title'),
		instructions: formText(data, 'instructions'),
		commentaryId: formText(data, 'commentaryId'),
		dueOn: formText(data, 'dueOn'),
		startingMapId: formText(data, 'startingMapId'),
		referenceMapId: formText(data, 'referenceMapId'),
		suggestionsAllowed: data.get('suggestionsAllowed') === 'on'
	};
}

/** One of the teacher's own maps of the commentary, or undefined. */
async function ownMapOf(db: AppDatabase, userId: string, mapId: string, commentaryId: string) {
	const map = await getReadableMap(db, mapId, userId);
	return map?.mine && map.commentary.id === commentaryId ? map : undefined;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = requireUser(locals, url);
	const db = getDb();
	const taught = await taughtClass(db, user.id, params.id);
	const commentaries = await listReadableCommentaries(db, user.id);
	const preselected = url.searchParams.get('commentary') ?? '';
	return {
		classInfo: { id: taught.id, name: taught.name, archived: taught.archived },
		commentaries: commentaries.map(({ id, title }) => ({ id, title })),
		maps: (await listOwnMaps(db, user.id)).map(({ id, title, commentaryId }) => ({
			id,
			title,
			commentaryId
		})),
		commentaryId: commentaries.some((commentary) => commentary.id === preselected)
			? preselected
			: ''
	};
};

export const actions: Actions = {
	default: async ({ params, locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const db = getDb();
		const taught = await taughtClass(db, user.id, params.id);
		const values = inputFromForm(await request.formData());
		if (taught.archived) return fail(400, { error: 'assignment_class_archived', values });
		const valid = validateAssignment(values);
		if (!valid.ok) return fail(400, { error: valid.code, values });
		const clean = valid.value;
		if (!(await getReadableCommentary(db, clean.commentaryId, user.id))) {
			return fail(400, { error: 'assignment_commentary_invalid', values });
		}
		const startingMap = clean.startingMapId
			? await ownMapOf(db, user.id, clean.startingMapId, clean.commentaryId)
			: null;
		if (startingMap === undefined) {
			return fail(400, { error: 'assignment_starting_map_invalid', values });
		}
		if (
			clean.referenceMapId &&
			!(await ownMapOf(db, user.id, clean.referenceMapId, clean.commentaryId))
		) {
			return fail(400, { error: 'assignment_reference_map_invalid', values });
		}
		const id = await createAssignment(db, user.id, {
			classId: taught.id,
			commentaryId: clean.commentaryId,
			title: clean.title,
			instructions: clean.instructions,
			dueAt: clean.dueAt,
			startingMap: startingMap?.map ?? null,
			referenceMapId: clean.referenceMapId,
			suggestionsAllowed: clean.suggestionsAllowed
		});
		redirect(303, `/assignments/${id}`);
	}
};

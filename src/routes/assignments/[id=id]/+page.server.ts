import { validateFeedback } from '$lib/assignments/rules';
import { assignmentAccess, requireAccess, type Action } from '$lib/server/access';
import {
	deleteAssignment,
	getAssignment,
	getStudentWork,
	listStudentWork,
	releaseReference,
	returnWork,
	startAssignment,
	submitWork
} from '$lib/server/assignments';
import { getDb } from '$lib/server/db';
import { formText, safeRedirectPath } from '$lib/server/form';
import { notFound } from '$lib/server/http/errors';
import { requireUser } from '$lib/server/session-guard';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

async function requireAssignmentAccess(userId: string, assignmentId: string, action: Action) {
	return requireAccess(await assignmentAccess(getDb(), userId, assignmentId), action);
}

/** Start and submit are a student's own work: a teacher of the class is refused with 403. */
async function requireStudent(userId: string, assignmentId: string) {
	const access = await requireAssignmentAccess(userId, assignmentId, 'read');
	if (access.role !== 'student') {
		error(403, { message: 'Only students work on assignments', code: 'forbidden' });
	}
	return access;
}

async function classArchived(assignmentId: string): Promise<boolean> {
	return (await getAssignment(getDb(), assignmentId))?.classArchived ?? false;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = requireUser(locals, url);
	const access = await requireAssignmentAccess(user.id, params.id, 'read');
	const db = getDb();
	const assignment = await getAssignment(db, params.id);
	if (!assignment) notFound();
	if (access.role === 'teacher') {
		return {
			view: 'teacher' as const,
			assignment,
			work: await listStudentWork(db, params.id)
		};
	}
	const work = await getStudentWork(db, params.id, user.id);
	if (!work) notFound();
	return {
		view: 'student' as const,
		// The reference map's id is no business of students until it is released.
		assignment: {
			...assignment,
			referenceMapId: assignment.referenceReleased ? assignment.referenceMapId : null
		},
		work
	};
};

export const actions: Actions = {
	start: async ({ params, locals, url }) => {
		const { user } = requireUser(locals, url);
		await requireStudent(user.id, params.id);
		if (await classArchived(params.id)) return fail(409, { error: 'assignment_work_closed' });
		const mapId = await startAssignment(getDb(), params.id, user.id);
		if (!mapId) notFound();
		redirect(303, `/maps/${mapId}`);
	},

	/** Also posted from the student's map page, which names itself in `redirectTo`. */
	submit: async ({ params, locals, url, request }) => {
		const { user } = requireUser(locals, url);
		await requireStudent(user.id, params.id);
		const data = await request.formData();
		const db = getDb();
		const work = await getStudentWork(db, params.id, user.id);
		if (!work) notFound();
		if (work.status === 'not_started') return fail(400, { error: 'assignment_not_started' });
		if (await classArchived(params.id)) return fail(409, { error: 'assignment_work_closed' });
		// Submitting twice (a second tab, a double click) is no error: the work is handed in.
		if (work.status !== 'submitted') await submitWork(db, params.id, user.id);
		redirect(303, safeRedirectPath(formText(data, 'redirectTo'), `/assignments/${params.id}`));
	},

	return: async ({ params, locals, url, request }) => {
		const { user } = requireUser(locals, url);
		await requireAssignmentAccess(user.id, params.id, 'edit');
		const data = await request.formData();
		const studentId = formText(data, 'studentId');
		const typed = formText(data, 'feedback');
		const feedback = validateFeedback(typed);
		if (!feedback.ok) {
			return fail(400, { error: feedback.code, studentId, feedback: typed });
		}
		if (!(await returnWork(getDb(), params.id, studentId, feedback.value))) {
			return fail(400, { error: 'assignment_not_returnable', studentId, feedback: typed });
		}
		return { returned: studentId };
	},

	releaseReference: async ({ params, locals, url }) => {
		const { user } = requireUser(locals, url);
		await requireAssignmentAccess(user.id, params.id, 'edit');
		// Releasing what is already released changes nothing, and is no error.
		await releaseReference(getDb(), params.id);
		return { released: true };
	},

	delete: async ({ params, locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const access = await requireAssignmentAccess(user.id, params.id, 'delete');
		const data = await request.formData();
		if (data.get('confirm') !== 'yes') return fail(400, { error: 'assignment_delete_unconfirmed' });
		await deleteAssignment(getDb(), params.id);
		redirect(303, `/classes/${access.classId}`);
	}
};

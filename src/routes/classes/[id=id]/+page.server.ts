import { formatJoinCode } from '$lib/classes/join-code';
import { cleanClassName } from '$lib/classes/rules';
import { classAccess, requireAccess } from '$lib/server/access';
import { listAssignmentsOfClass } from '$lib/server/assignments';
import {
	getClass,
	makeTeacher,
	removeStudent,
	renameClass,
	rotateJoinCode,
	setArchived,
	setJoinOpen
} from '$lib/server/classes';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { notFound } from '$lib/server/http/errors';
import { requireUser } from '$lib/server/session-guard';
import { isShareKind, listClassShares, unshareFromClass } from '$lib/server/sharing';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = requireUser(locals, url);
	const db = getDb();
	const access = requireAccess(await classAccess(db, user.id, params.id), 'read');
	const details = await getClass(db, params.id);
	if (!details) notFound();
	const teaches = access.edit;
	const { joinCode, members, ...shown } = details;
	return {
		schoolClass: shown,
		teaches,
		// Only teachers hand out the code; students could otherwise pass it on after it is closed.
		invitation: teaches
			? { code: formatJoinCode(joinCode), link: `${url.origin}/join/${joinCode}` }
			: null,
		teachers: members
			.filter((member) => member.role === 'teacher')
			.map((member) => ({ displayName: member.displayName, me: member.userId === user.id })),
		students: members
			.filter((member) => member.role === 'student')
			.map((member) => ({
				// Teachers need the id to manage a student; classmates get names only.
				userId: teaches ? member.userId : null,
				displayName: member.displayName,
				me: member.userId === user.id
			})),
		shares: await listClassShares(db, params.id),
		assignments: await listAssignmentsOfClass(db, params.id, user.id)
	};
};

/** Every teacher action starts here: 404 for non-members, 403 for students. */
async function asTeacher({ locals, params, url, request }: RequestEvent) {
	const { user } = requireUser(locals, url);
	const classId = params.id;
	const db = getDb();
	requireAccess(await classAccess(db, user.id, classId), 'edit');
	return { db, classId, data: await request.formData() };
}

export const actions: Actions = {
	rename: async (event) => {
		const { db, classId, data } = await asTeacher(event);
		const typed = formText(data, 'name');
		const name = cleanClassName(typed);
		if (!name) return fail(400, { error: 'classes_name_invalid' as const, name: typed });
		await renameClass(db, classId, name);
		return { done: 'renamed' as const };
	},

	rotateCode: async (event) => {
		const { db, classId } = await asTeacher(event);
		await rotateJoinCode(db, classId);
		return { done: 'rotated' as const };
	},

	setJoining: async (event) => {
		const { db, classId, data } = await asTeacher(event);
		// The invite panel announces the new state itself.
		await setJoinOpen(db, classId, formText(data, 'open') === 'yes');
	},

	archive: async (event) => {
		const { db, classId } = await asTeacher(event);
		await setArchived(db, classId, true);
		return { done: 'archived' as const };
	},

	unarchive: async (event) => {
		const { db, classId } = await asTeacher(event);
		await setArchived(db, classId, false);
		return { done: 'unarchived' as const };
	},

	removeStudent: async (event) => {
		const { db, classId, data } = await asTeacher(event);
		if (!(await removeStudent(db, classId, formText(data, 'userId')))) notFound();
		return { done: 'removed' as const };
	},

	makeTeacher: async (event) => {
		const { db, classId, data } = await asTeacher(event);
		if (!(await makeTeacher(db, classId, formText(data, 'userId')))) notFound();
		return { done: 'promoted' as const };
	},

	unshare: async (event) => {
		const { db, classId, data } = await asTeacher(event);
		const kind = formText(data, 'kind');
		if (!isShareKind(kind)) notFound();
		await unshareFromClass(db, classId, { kind, id: formText(data, 'id') });
		return { done: 'unshared' as const };
	}
};

import { fail, type RequestEvent } from '@sveltejs/kit';
import {
	classAccess,
	commentaryAccess,
	mapAccess,
	requireAccess,
	type CommentaryAccess,
	type MapAccess
} from './access';
import { listTaughtClasses } from './classes';
import { getDb, type AppDatabase } from './db';
import { formText } from './form';
import { notFound } from './http/errors';
import { requireUser } from './session-guard';
import {
	createShareLink,
	listClassesSharedWith,
	listShareLinks,
	revokeShareLink,
	shareWithClass,
	unshareFromClass,
	type ShareLinkSummary,
	type ShareTarget
} from './sharing';

/*
 * Sharing from the page of a map or commentary (the page's `params.id`). Wiring a page:
 *   +page.server.ts  load:    sharing: user ? await loadSharing(db, user, { kind: 'map', id }, access) : null
 *                    actions: { ...pageActions, ...shareActions('map') }
 *   +page.svelte     {#if data.sharing}<SharePanel sharing={data.sharing} {form} />{/if}
 */

export type ShareKind = ShareTarget['kind'];

export type ShareErrorCode = 'share_class_missing' | 'share_link_unknown';

/** What an action tells the SharePanel; under one key so it never mixes with the page's own results. */
export interface ShareResult {
	error?: ShareErrorCode;
	done?: 'shared' | 'unshared' | 'link_created' | 'revoked';
	/** The new link, shown once: only its hash is stored. */
	linkUrl?: string;
}

function succeeded(share: ShareResult) {
	return { share };
}

function failed(error: ShareErrorCode) {
	const share: ShareResult = { error };
	return fail(400, { share });
}

type ShareEvent = RequestEvent<{ id: string }>;

/** The user's access to what is shared; pages that have it already pass theirs to loadSharing. */
export function shareTargetAccess(db: AppDatabase, userId: string, target: ShareTarget) {
	return target.kind === 'map'
		? mapAccess(db, userId, target.id)
		: commentaryAccess(db, userId, target.id);
}

/** A teacher may share a student's assignment map with the class the assignment was set in. */
function teachesAssignmentOf(access: MapAccess | CommentaryAccess, classId: string): boolean {
	if (!('assignment' in access) || !access.assignment) return false;
	return access.assignment.readerTeaches && access.assignment.classId === classId;
}

async function teachesClass(db: AppDatabase, userId: string, classId: string) {
	return (await classAccess(db, userId, classId))?.share === true;
}

export interface SharingData {
	/** Classes the user may share it with now (taught, active, not yet shared with). */
	shareableClasses: { id: string; name: string }[];
	/** True when the user teaches no active class at all. */
	teachesNoClass: boolean;
	sharedWith: { id: string; name: string }[];
	/** Live links; null when the user may not make links (only the owner may). */
	links: ShareLinkSummary[] | null;
}

/**
 * The sharing panel's data, or null when the user may not share the object at all. `access`
 * is the user's access to the target, which the page has already asked access.ts for.
 */
export async function loadSharing(
	db: AppDatabase,
	user: { id: string },
	target: ShareTarget,
	access: MapAccess | CommentaryAccess | undefined
): Promise<SharingData | null> {
	if (!access) return null;
	const taught = await listTaughtClasses(db, user.id);
	const allowed = access.share ? taught : taught.filter((c) => teachesAssignmentOf(access, c.id));
	if (allowed.length === 0 && !access.share) return null;
	const shared = await listClassesSharedWith(db, target);
	const sharedIds = new Set(shared.map((c) => c.id));
	const taughtIds = new Set(taught.map((c) => c.id));
	return {
		shareableClasses: allowed.filter((c) => !sharedIds.has(c.id)),
		teachesNoClass: taught.length === 0,
		sharedWith: access.share ? shared : shared.filter((c) => taughtIds.has(c.id)),
		links: access.share ? await listShareLinks(db, user.id, target) : null
	};
}

/** The form actions behind SharePanel, for the page of a map or a commentary. */
export function shareActions(kind: ShareKind) {
	async function begin({ params, locals, url }: ShareEvent) {
		const { user } = requireUser(locals, url);
		const db = getDb();
		const target: ShareTarget = { kind, id: params.id };
		const access = await shareTargetAccess(db, user.id, target);
		if (!access) notFound();
		return { db, user, target, access };
	}

	async function classIdFrom(request: Request) {
		return formText(await request.formData(), 'classId');
	}

	return {
		shareWithClass: async (event: ShareEvent) => {
			const { db, user, target, access } = await begin(event);
			const classId = await classIdFrom(event.request);
			if (!classId) return failed('share_class_missing');
			requireAccess(await classAccess(db, user.id, classId), 'share');
			if (!teachesAssignmentOf(access, classId)) requireAccess(access, 'share');
			await shareWithClass(db, classId, target, user.id);
			return succeeded({ done: 'shared' });
		},

		unshareFromClass: async (event: ShareEvent) => {
			const { db, user, target, access } = await begin(event);
			const classId = await classIdFrom(event.request);
			if (!classId) return failed('share_class_missing');
			// The owner may withdraw it from any class; a teacher of the class may remove it there.
			if (!(await teachesClass(db, user.id, classId))) requireAccess(access, 'share');
			await unshareFromClass(db, classId, target);
			return succeeded({ done: 'unshared' });
		},

		createShareLink: async (event: ShareEvent) => {
			const { db, user, target, access } = await begin(event);
			requireAccess(access, 'share');
			const token = await createShareLink(db, user.id, target);
			return succeeded({ done: 'link_created', linkUrl: `${event.url.origin}/links/${token}` });
		},

		revokeShareLink: async (event: ShareEvent) => {
			const { db, user, access } = await begin(event);
			requireAccess(access, 'share');
			const linkId = formText(await event.request.formData(), 'linkId');
			if (!(await revokeShareLink(db, user.id, linkId))) return failed('share_link_unknown');
			return succeeded({ done: 'revoked' });
		}
	};
}

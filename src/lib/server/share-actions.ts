import { fail, type RequestEvent } from '@sveltejs/kit';
import {
	classAccess,
	commentaryAccess,
	comparisonAccess,
	mapAccess,
	requireAccess,
	type CommentaryAccess,
	type ComparisonAccess,
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

export type ShareErrorCode =
	'share_class_missing' | 'share_link_unknown' | 'share_comparison_maps_not_yours';

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

type TargetAccess = MapAccess | CommentaryAccess | ComparisonAccess;

/** The user's access to what is shared; pages that have it already pass theirs to loadSharing. */
export function shareTargetAccess(
	db: AppDatabase,
	userId: string,
	target: ShareTarget
): Promise<TargetAccess | undefined> {
	switch (target.kind) {
		case 'map':
			return mapAccess(db, userId, target.id);
		case 'commentary':
			return commentaryAccess(db, userId, target.id);
		case 'comparison':
			return comparisonAccess(db, userId, target.id);
	}
}

/** A teacher may share a student's assignment map with the class the assignment was set in. */
function teachesAssignmentOf(access: TargetAccess, classId: string): boolean {
	if (!('assignment' in access) || !access.assignment) return false;
	return access.assignment.readerTeaches && access.assignment.classId === classId;
}

/**
 * Sharing a comparison shows both its maps, so its owner may share it only where they could
 * show each map: their own or public maps anywhere, a student's assignment map in that
 * assignment's class. Other targets carry no such limit.
 */
async function sharingLimits(db: AppDatabase, userId: string, access: TargetAccess) {
	if (!('mapIdA' in access)) return { inClass: () => true, byLink: true };
	const maps = await Promise.all([
		mapAccess(db, userId, access.mapIdA),
		mapAccess(db, userId, access.mapIdB)
	]);
	const shownAnywhere = (map: MapAccess | undefined) => Boolean(map && (map.share || map.public));
	return {
		inClass: (classId: string) =>
			maps.every((map) => shownAnywhere(map) || (map && teachesAssignmentOf(map, classId))),
		byLink: maps.every(shownAnywhere)
	};
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
	/** A comparison with maps that are not the user's: only some classes, or no links, are offered. */
	limitedByMaps: boolean;
}

/**
 * The sharing panel's data, or null when the user may not share the object at all. `access`
 * is the user's access to the target, which the page has already asked access.ts for.
 */
export async function loadSharing(
	db: AppDatabase,
	user: { id: string },
	target: ShareTarget,
	access: TargetAccess | undefined
): Promise<SharingData | null> {
	if (!access) return null;
	const taught = await listTaughtClasses(db, user.id);
	const limits = await sharingLimits(db, user.id, access);
	const allowed = (
		access.share ? taught : taught.filter((c) => teachesAssignmentOf(access, c.id))
	).filter((c) => limits.inClass(c.id));
	if (allowed.length === 0 && !access.share) return null;
	const shared = await listClassesSharedWith(db, target);
	const sharedIds = new Set(shared.map((c) => c.id));
	const taughtIds = new Set(taught.map((c) => c.id));
	return {
		shareableClasses: allowed.filter((c) => !sharedIds.has(c.id)),
		teachesNoClass: taught.length === 0,
		sharedWith: access.share ? shared : shared.filter((c) => taughtIds.has(c.id)),
		links: access.share && limits.byLink ? await listShareLinks(db, user.id, target) : null,
		limitedByMaps: !limits.byLink || taught.some((c) => !limits.inClass(c.id))
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
			const limits = await sharingLimits(db, user.id, access);
			if (!limits.inClass(classId)) return failed('share_comparison_maps_not_yours');
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
			if (!(await sharingLimits(db, user.id, access)).byLink) {
				return failed('share_comparison_maps_not_yours');
			}
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

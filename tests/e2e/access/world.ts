import { sampleMap, commentary as sampleText } from '$lib/argument/spec-fixtures';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { createAssignment, startAssignment, submitWork } from '$lib/server/assignments';
import { createClass, getClass, joinClass } from '$lib/server/classes';
import { addComment } from '$lib/server/comments';
import { createComparison } from '$lib/server/comparisons';
import { createCommentary } from '$lib/server/commentaries';
import type { AppDatabase } from '$lib/server/db';
import { createMap } from '$lib/server/maps';
import {
	createShareLink,
	listShareLinks,
	revokeShareLink,
	shareWithClass,
	type ShareTarget
} from '$lib/server/sharing';
import { createUser } from '$lib/server/users';

/**
 * The people of the access-control table. Link holders carry no session: what they have is a
 * read-only link (valid or revoked); everywhere else they are as anonymous as `anonymous`.
 */
export const ACTORS = [
	'owner',
	'classmate',
	'classTeacher',
	'otherTeacher',
	'otherStudent',
	'linkHolder',
	'revokedLinkHolder',
	'anonymous'
] as const;
export type Actor = (typeof ACTORS)[number];

const PASSWORD = 'Kartograf der Argumente 2026';

/**
 * Everything one probe needs, created fresh through the data layer so that an allowed
 * delete or submit in one probe cannot change what the next one sees:
 * - class C: taught by classTeacher, attended by owner and classmate;
 *   class D: taught by otherTeacher, attended by otherStudent.
 * - owner's private commentary and map of it (ownCommentary, ownMap), with a valid and a
 *   revoked read-only link to the map.
 * - classTeacher's commentary and map, both shared with C (teacherCommentary, teacherMap),
 *   and a private reference map (referenceMap, not released).
 * - assignment in C on teacherCommentary with a starting map and the reference map;
 *   owner has started it (workMap, in progress), classTeacher commented on it (workComment);
 *   classmate has handed theirs in (classmateWorkMap, submitted).
 * - owner's private comparison of ownMap with teacherMap (ownComparison); classTeacher's
 *   comparison of teacherMap with referenceMap, shared with C and by link (classComparison).
 */
export interface World {
	users: Record<Exclude<Actor, 'linkHolder' | 'revokedLinkHolder' | 'anonymous'>, string>;
	cookies: Record<Actor, string | null>;
	ids: {
		classC: string;
		classD: string;
		joinCodeC: string;
		ownCommentary: string;
		ownMap: string;
		teacherCommentary: string;
		teacherMap: string;
		referenceMap: string;
		assignment: string;
		workMap: string;
		workComment: string;
		classmateWorkMap: string;
		ownMapLinkId: string;
		teacherMapLinkId: string;
		teacherCommentaryLinkId: string;
		ownComparison: string;
		classComparison: string;
		classComparisonLinkId: string;
		/** A read-only link to ownMap per actor: valid, revoked, or (anonymous) made up. */
		linkToken: Record<Actor, string>;
	};
}

let userSerial = 0;
let passwordHash: string | undefined;

/** Users are inserted with one precomputed hash: argon2 for every probe would take minutes. */
async function addUser(db: AppDatabase, name: string): Promise<string> {
	// Playwright's workers are separate processes with a serial each: the random part keeps two
	// workers that start in the same millisecond apart.
	const unique = crypto.randomUUID().slice(0, 6);
	const username = `acl${Date.now().toString(36)}${(userSerial++).toString(36)}${unique}`;
	if (!passwordHash) {
		const created = await createUser(db, {
			username,
			displayName: name,
			email: `${username}@example.org`,
			password: PASSWORD
		});
		if (!created.ok) throw new Error(`createUser failed: ${created.code}`);
		const row = await db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', created.value.id)
			.executeTakeFirstOrThrow();
		passwordHash = row.passwordHash;
		return created.value.id;
	}
	const id = `acl${crypto.randomUUID().replaceAll('-', '')}`;
	await db
		.insertInto('users')
		.values({
			id,
			username,
			usernameKey: username,
			displayName: name,
			email: `${username}@example.org`,
			passwordHash,
			createdAt: Date.now()
		})
		.execute();
	return id;
}

async function sessionCookie(db: AppDatabase, userId: string): Promise<string> {
	const token = generateSessionToken();
	await createSession(db, token, userId);
	return `argumap_session=${token}`;
}

async function join(db: AppDatabase, userId: string, joinCode: string) {
	const joined = await joinClass(db, userId, joinCode, `10.0.0.${userSerial % 250}`);
	if (!joined.ok) throw new Error(`joinClass failed: ${joined.code}`);
}

async function commentaryOf(db: AppDatabase, ownerId: string, title: string) {
	return createCommentary(db, ownerId, {
		title,
		author: 'Ada Author',
		outlet: 'Example Times',
		publishedOn: null,
		sourceUrl: null,
		language: 'de',
		body: sampleText
	});
}

/** Makes a read-only link; the newest live link of the target is the one just made. */
async function newLink(db: AppDatabase, ownerId: string, target: ShareTarget) {
	const token = await createShareLink(db, ownerId, target);
	const [link] = await listShareLinks(db, ownerId, target);
	return { token, id: link!.id };
}

export async function buildWorld(db: AppDatabase): Promise<World> {
	const users = {
		owner: await addUser(db, 'Olga Owner'),
		classmate: await addUser(db, 'Clara Classmate'),
		classTeacher: await addUser(db, 'Theo Teacher'),
		otherTeacher: await addUser(db, 'Otto Other'),
		otherStudent: await addUser(db, 'Sami Student')
	};
	const classC = await createClass(db, users.classTeacher, 'Class C');
	const classD = await createClass(db, users.otherTeacher, 'Class D');
	const joinCodeC = (await getClass(db, classC))!.joinCode;
	await join(db, users.owner, joinCodeC);
	await join(db, users.classmate, joinCodeC);
	await join(db, users.otherStudent, (await getClass(db, classD))!.joinCode);

	const ownCommentary = await commentaryOf(db, users.owner, 'Own commentary');
	const ownMap = await createMap(db, {
		ownerId: users.owner,
		commentaryId: ownCommentary,
		title: 'Own map',
		map: sampleMap()
	});
	const mapTarget = { kind: 'map', id: ownMap } as const;
	const revokedLink = await newLink(db, users.owner, mapTarget);
	await revokeShareLink(db, users.owner, revokedLink.id);
	const validLink = await newLink(db, users.owner, mapTarget);

	const teacherCommentary = await commentaryOf(db, users.classTeacher, 'Teacher commentary');
	const teacherMap = await createMap(db, {
		ownerId: users.classTeacher,
		commentaryId: teacherCommentary,
		title: 'Teacher map',
		map: sampleMap()
	});
	const referenceMap = await createMap(db, {
		ownerId: users.classTeacher,
		commentaryId: teacherCommentary,
		title: 'Reference map',
		map: sampleMap()
	});
	await shareWithClass(
		db,
		classC,
		{ kind: 'commentary', id: teacherCommentary },
		users.classTeacher
	);
	await shareWithClass(db, classC, { kind: 'map', id: teacherMap }, users.classTeacher);
	const assignment = await createAssignment(db, users.classTeacher, {
		classId: classC,
		commentaryId: teacherCommentary,
		title: 'Map the commentary',
		instructions: 'Find the main claim.',
		dueAt: null,
		startingMap: sampleMap(),
		referenceMapId: referenceMap,
		suggestionsAllowed: true
	});
	const workMap = (await startAssignment(db, assignment, users.owner))!;
	const workComment = await addComment(
		db,
		workMap,
		users.classTeacher,
		{ kind: 'map', id: null },
		'Good start'
	);

	const classmateWorkMap = (await startAssignment(db, assignment, users.classmate))!;
	await submitWork(db, assignment, users.classmate);
	const teacherMapLinkId = (await newLink(db, users.classTeacher, { kind: 'map', id: teacherMap }))
		.id;
	const teacherCommentaryLinkId = (
		await newLink(db, users.classTeacher, { kind: 'commentary', id: teacherCommentary })
	).id;

	const noLinks = { note: '', links: [] };
	const ownComparison = await createComparison(
		db,
		users.owner,
		{ mapIdA: ownMap, mapIdB: teacherMap },
		{ title: 'Own comparison', ...noLinks }
	);
	const classComparison = await createComparison(
		db,
		users.classTeacher,
		{ mapIdA: teacherMap, mapIdB: referenceMap },
		{ title: 'Class comparison', ...noLinks }
	);
	const comparisonTarget = { kind: 'comparison', id: classComparison } as const;
	await shareWithClass(db, classC, comparisonTarget, users.classTeacher);
	const classComparisonLinkId = (await newLink(db, users.classTeacher, comparisonTarget)).id;

	const cookies: Record<Actor, string | null> = {
		owner: await sessionCookie(db, users.owner),
		classmate: await sessionCookie(db, users.classmate),
		classTeacher: await sessionCookie(db, users.classTeacher),
		otherTeacher: await sessionCookie(db, users.otherTeacher),
		otherStudent: await sessionCookie(db, users.otherStudent),
		linkHolder: null,
		revokedLinkHolder: null,
		anonymous: null
	};
	const linkToken = Object.fromEntries(
		ACTORS.map((actor) => [
			actor,
			actor === 'revokedLinkHolder'
				? revokedLink.token
				: actor === 'anonymous'
					? 'madeuptokenmadeuptokenmadeuptoken'
					: validLink.token
		])
	) as Record<Actor, string>;
	return {
		users,
		cookies,
		ids: {
			classC,
			classD,
			joinCodeC,
			ownCommentary,
			ownMap,
			teacherCommentary,
			teacherMap,
			referenceMap,
			assignment,
			workMap,
			workComment,
			classmateWorkMap,
			ownMapLinkId: validLink.id,
			teacherMapLinkId,
			teacherCommentaryLinkId,
			ownComparison,
			classComparison,
			classComparisonLinkId,
			linkToken
		}
	};
}

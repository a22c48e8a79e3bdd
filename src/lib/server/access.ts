import { error } from '@sveltejs/kit';
import type { ExpressionBuilder } from 'kysely';
import type { AppDatabase } from './db';
import type { AssignmentMapStatus, ClassRole, Database } from './db/schema';
import { notFound } from './http/errors';
import { resolveShareLink, type ShareTarget } from './sharing';

/**
 * Who may do what, in one place. Every load, action and endpoint asks this module; the SQL
 * predicates below are also what the list queries and the guarded writes use, so a rule
 * cannot differ between a page and the query behind it.
 *
 * Denials of objects the actor may not read answer 404, as if the object did not exist;
 * only an actor who may read an object learns, with 403, that an action on it is refused.
 */

export type Action = 'read' | 'edit' | 'comment' | 'delete' | 'share';
export type Permissions = Record<Action, boolean>;

type MapsEb = ExpressionBuilder<Database, 'maps'>;
type CommentariesEb = ExpressionBuilder<Database, 'commentaries'>;
type ComparisonsEb = ExpressionBuilder<Database, 'comparisons'>;

/** Maps shared with a class the user belongs to. */
function mapSharedWithClassOf(eb: MapsEb, userId: string) {
	return eb.exists(
		eb
			.selectFrom('classShares')
			.innerJoin('classMembers', 'classMembers.classId', 'classShares.classId')
			.select('classShares.id')
			.whereRef('classShares.mapId', '=', 'maps.id')
			.where('classMembers.userId', '=', userId)
	);
}

/** A student's assignment map, seen by a teacher of the assignment's class. */
function mapOfStudentTaughtBy(eb: MapsEb, userId: string) {
	return eb.exists(
		eb
			.selectFrom('assignmentMaps')
			.innerJoin('assignments', 'assignments.id', 'assignmentMaps.assignmentId')
			.innerJoin('classMembers', 'classMembers.classId', 'assignments.classId')
			.select('assignmentMaps.mapId')
			.whereRef('assignmentMaps.mapId', '=', 'maps.id')
			.where('classMembers.userId', '=', userId)
			.where('classMembers.role', '=', 'teacher')
	);
}

/** A reference map: teachers of the class always, its students once it is released. */
function referenceMapFor(eb: MapsEb, userId: string) {
	return eb.exists(
		eb
			.selectFrom('assignments')
			.innerJoin('classMembers', 'classMembers.classId', 'assignments.classId')
			.select('assignments.id')
			.whereRef('assignments.referenceMapId', '=', 'maps.id')
			.where('classMembers.userId', '=', userId)
			.where((inner) =>
				inner.or([
					inner('classMembers.role', '=', 'teacher'),
					inner('assignments.referenceReleasedAt', 'is not', null)
				])
			)
	);
}

/** The read rule for maps; an anonymous reader (null) sees public ones only. */
export function mapReadableBy(userId: string | null) {
	return (eb: MapsEb) =>
		userId === null
			? eb('maps.visibility', '=', 'public')
			: eb.or([
					eb('maps.visibility', '=', 'public'),
					eb('maps.ownerId', '=', userId),
					mapSharedWithClassOf(eb, userId),
					mapOfStudentTaughtBy(eb, userId),
					referenceMapFor(eb, userId)
				]);
}

/** A submitted assignment map is read-only for its student until the teacher returns it. */
function mapIsSubmitted(eb: MapsEb) {
	return eb.exists(
		eb
			.selectFrom('assignmentMaps')
			.select('assignmentMaps.mapId')
			.whereRef('assignmentMaps.mapId', '=', 'maps.id')
			.where('assignmentMaps.status', '=', 'submitted')
	);
}

/** The edit rule for maps: the owner's, unless submitted. Saves and renames use it. */
export function mapEditableBy(userId: string) {
	return (eb: MapsEb) => eb.and([eb('maps.ownerId', '=', userId), eb.not(mapIsSubmitted(eb))]);
}

/** Commentaries shared with, or set as an assignment in, a class the user belongs to. */
function commentaryOfClassOf(eb: CommentariesEb, userId: string) {
	return eb.or([
		eb.exists(
			eb
				.selectFrom('classShares')
				.innerJoin('classMembers', 'classMembers.classId', 'classShares.classId')
				.select('classShares.id')
				.whereRef('classShares.commentaryId', '=', 'commentaries.id')
				.where('classMembers.userId', '=', userId)
		),
		eb.exists(
			eb
				.selectFrom('assignments')
				.innerJoin('classMembers', 'classMembers.classId', 'assignments.classId')
				.select('assignments.id')
				.whereRef('assignments.commentaryId', '=', 'commentaries.id')
				.where('classMembers.userId', '=', userId)
		)
	]);
}

export function commentaryReadableBy(userId: string | null) {
	return (eb: CommentariesEb) =>
		userId === null
			? eb('commentaries.visibility', '=', 'public')
			: eb.or([
					eb('commentaries.visibility', '=', 'public'),
					eb('commentaries.ownerId', '=', userId),
					commentaryOfClassOf(eb, userId)
				]);
}

/** What the assignment a map belongs to says about it, when it belongs to one. */
export interface MapAssignmentContext {
	assignmentId: string;
	assignmentTitle: string;
	classId: string;
	studentId: string;
	status: AssignmentMapStatus;
	/** The reader teaches the assignment's class. */
	readerTeaches: boolean;
	classArchived: boolean;
}

export interface MapAccess extends Permissions {
	owner: boolean;
	/** Anyone may read it, so showing it elsewhere (a shared comparison) reveals nothing. */
	public: boolean;
	assignment: MapAssignmentContext | null;
}

/** The reader's permissions on a map, or undefined when they may not read it at all. */
export async function mapAccess(
	db: AppDatabase,
	userId: string | null,
	mapId: string
): Promise<MapAccess | undefined> {
	const row = await db
		.selectFrom('maps')
		.select(['maps.id', 'maps.ownerId', 'maps.visibility'])
		.where('maps.id', '=', mapId)
		.where(mapReadableBy(userId))
		.executeTakeFirst();
	if (!row) return undefined;
	const owner = userId !== null && row.ownerId === userId;
	const work = await db
		.selectFrom('assignmentMaps')
		.innerJoin('assignments', 'assignments.id', 'assignmentMaps.assignmentId')
		.innerJoin('classes', 'classes.id', 'assignments.classId')
		.select([
			'assignmentMaps.assignmentId',
			'assignmentMaps.studentId',
			'assignmentMaps.status',
			'assignments.title',
			'assignments.classId',
			'classes.archivedAt'
		])
		.where('assignmentMaps.mapId', '=', mapId)
		.executeTakeFirst();
	const readerTeaches =
		work !== undefined &&
		userId !== null &&
		(await classRole(db, userId, work.classId)) === 'teacher';
	const assignment: MapAssignmentContext | null = work
		? {
				assignmentId: work.assignmentId,
				assignmentTitle: work.title,
				classId: work.classId,
				studentId: work.studentId,
				status: work.status,
				readerTeaches,
				classArchived: work.archivedAt !== null
			}
		: null;
	return {
		read: true,
		owner,
		public: row.visibility === 'public',
		edit: owner && work?.status !== 'submitted',
		comment: owner || readerTeaches,
		// An assignment map is the student's record of the work; it goes when the assignment does.
		delete: owner && !work,
		share: owner,
		assignment
	};
}

export interface CommentaryAccess extends Permissions {
	owner: boolean;
}

export async function commentaryAccess(
	db: AppDatabase,
	userId: string | null,
	commentaryId: string
): Promise<CommentaryAccess | undefined> {
	const row = await db
		.selectFrom('commentaries')
		.select(['commentaries.ownerId'])
		.where('commentaries.id', '=', commentaryId)
		.where(commentaryReadableBy(userId))
		.executeTakeFirst();
	if (!row) return undefined;
	const owner = userId !== null && row.ownerId === userId;
	return { read: true, owner, edit: owner, comment: false, delete: owner, share: owner };
}

/** A comparison's map (column `side`) is one the user may read. */
function comparedMapReadableBy(eb: ComparisonsEb, side: 'mapIdA' | 'mapIdB', userId: string) {
	return eb.exists(
		eb
			.selectFrom('maps')
			.select('maps.id')
			.whereRef('maps.id', '=', `comparisons.${side}`)
			.where((inner) => mapReadableBy(userId)(inner as unknown as MapsEb))
	);
}

/**
 * The read rule for comparisons: the owner's while they may still read both maps, and those of
 * a class it is shared with (sharing it needs the right to show both maps there, see
 * share-actions.ts). Read-only links are answered by shareLinkAccess.
 */
export function comparisonReadableBy(userId: string | null) {
	return (eb: ComparisonsEb) =>
		userId === null
			? eb.lit(false)
			: eb.or([
					eb.and([
						eb('comparisons.ownerId', '=', userId),
						comparedMapReadableBy(eb, 'mapIdA', userId),
						comparedMapReadableBy(eb, 'mapIdB', userId)
					]),
					eb.exists(
						eb
							.selectFrom('classShares')
							.innerJoin('classMembers', 'classMembers.classId', 'classShares.classId')
							.select('classShares.id')
							.whereRef('classShares.comparisonId', '=', 'comparisons.id')
							.where('classMembers.userId', '=', userId)
					)
				]);
}

export interface ComparisonAccess extends Permissions {
	owner: boolean;
	mapIdA: string;
	mapIdB: string;
}

/** Only the owner changes, deletes or shares a comparison; nobody comments on one. */
export async function comparisonAccess(
	db: AppDatabase,
	userId: string | null,
	comparisonId: string
): Promise<ComparisonAccess | undefined> {
	const row = await db
		.selectFrom('comparisons')
		.select(['comparisons.ownerId', 'comparisons.mapIdA', 'comparisons.mapIdB'])
		.where('comparisons.id', '=', comparisonId)
		.where(comparisonReadableBy(userId))
		.executeTakeFirst();
	if (!row) return undefined;
	const owner = row.ownerId === userId;
	return {
		read: true,
		owner,
		edit: owner,
		comment: false,
		delete: owner,
		share: owner,
		mapIdA: row.mapIdA,
		mapIdB: row.mapIdB
	};
}

/** The user's role in a class, or undefined when they are not a member. */
export async function classRole(
	db: AppDatabase,
	userId: string,
	classId: string
): Promise<ClassRole | undefined> {
	const row = await db
		.selectFrom('classMembers')
		.select('role')
		.where('classId', '=', classId)
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row?.role;
}

export interface ClassAccess extends Permissions {
	role: ClassRole;
}

/** Members read a class; its teachers manage it (edit, delete = archive, share = set work). */
export async function classAccess(
	db: AppDatabase,
	userId: string | null,
	classId: string
): Promise<ClassAccess | undefined> {
	if (userId === null) return undefined;
	const role = await classRole(db, userId, classId);
	if (!role) return undefined;
	const teaches = role === 'teacher';
	return { role, read: true, edit: teaches, comment: teaches, delete: teaches, share: teaches };
}

export interface AssignmentAccess extends ClassAccess {
	classId: string;
}

export async function assignmentAccess(
	db: AppDatabase,
	userId: string | null,
	assignmentId: string
): Promise<AssignmentAccess | undefined> {
	if (userId === null) return undefined;
	const row = await db
		.selectFrom('assignments')
		.innerJoin('classMembers', 'classMembers.classId', 'assignments.classId')
		.select(['assignments.classId', 'classMembers.role'])
		.where('assignments.id', '=', assignmentId)
		.where('classMembers.userId', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	const teaches = row.role === 'teacher';
	return {
		classId: row.classId,
		role: row.role,
		read: true,
		edit: teaches,
		comment: teaches,
		delete: teaches,
		share: teaches
	};
}

/**
 * What a read-only link opens: holding a live (unrevoked) token is the permission to read
 * that one object, without an account; it grants nothing else.
 */
export async function shareLinkAccess(
	db: AppDatabase,
	token: string
): Promise<ShareTarget | undefined> {
	return resolveShareLink(db, token);
}

/**
 * Narrows an access answer for a route: 404 when the object is not readable (or does not
 * exist, indistinguishably), 403 when it is readable but the action is not allowed.
 */
export function requireAccess<T extends Permissions>(access: T | undefined, action: Action): T {
	if (!access) notFound();
	if (!access[action]) {
		error(403, { message: 'You may not do this here', code: 'forbidden' });
	}
	return access;
}

import { createMapDocument, parseMapDocument, type ArgumentMap } from '$lib/argument';
import type { AppDatabase } from './db';
import type { AssignmentMapStatus } from './db/schema';
import { randomId } from './id';
import { createMap, EMPTY_MAP } from './maps';

export interface NewAssignment {
	classId: string;
	commentaryId: string;
	title: string;
	instructions: string;
	dueAt: number | null;
	/** Copied now: every student starts from this map as it is at this moment. */
	startingMap: ArgumentMap | null;
	referenceMapId: string | null;
	suggestionsAllowed: boolean;
}

/** Sets work for a class; callers check that the user teaches it and may read what it names. */
export async function createAssignment(
	db: AppDatabase,
	createdBy: string,
	input: NewAssignment,
	now = Date.now()
): Promise<string> {
	const id = randomId();
	await db
		.insertInto('assignments')
		.values({
			id,
			classId: input.classId,
			commentaryId: input.commentaryId,
			title: input.title,
			instructions: input.instructions,
			dueAt: input.dueAt,
			startingDocument: input.startingMap
				? JSON.stringify(createMapDocument(input.startingMap))
				: null,
			referenceMapId: input.referenceMapId,
			referenceReleasedAt: null,
			suggestionsAllowed: input.suggestionsAllowed ? 1 : 0,
			createdBy,
			createdAt: now
		})
		.execute();
	return id;
}

export type WorkStatus = 'not_started' | AssignmentMapStatus;

export interface AssignmentSummary {
	id: string;
	title: string;
	dueAt: number | null;
	/** The reader's own status, for a student; null for a teacher. */
	myStatus: WorkStatus | null;
	submittedCount: number;
}

export async function listAssignmentsOfClass(
	db: AppDatabase,
	classId: string,
	readerId: string
): Promise<AssignmentSummary[]> {
	const rows = await db
		.selectFrom('assignments')
		.leftJoin('assignmentMaps as mine', (join) =>
			join.onRef('mine.assignmentId', '=', 'assignments.id').on('mine.studentId', '=', readerId)
		)
		.leftJoin('classMembers as me', (join) =>
			join.onRef('me.classId', '=', 'assignments.classId').on('me.userId', '=', readerId)
		)
		.select((eb) => [
			'assignments.id',
			'assignments.title',
			'assignments.dueAt',
			'mine.status',
			'me.role',
			eb
				.selectFrom('assignmentMaps as submitted')
				.select((inner) => inner.fn.countAll<number>().as('count'))
				.whereRef('submitted.assignmentId', '=', 'assignments.id')
				.where('submitted.status', '=', 'submitted')
				.as('submittedCount')
		])
		.where('assignments.classId', '=', classId)
		.orderBy('assignments.createdAt', 'desc')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		dueAt: row.dueAt === null ? null : Number(row.dueAt),
		myStatus: row.role === 'student' ? (row.status ?? 'not_started') : null,
		submittedCount: Number(row.submittedCount ?? 0)
	}));
}

export interface AssignmentDetails {
	id: string;
	classId: string;
	className: string;
	/** An archived class keeps its work readable, but no work is started or handed in. */
	classArchived: boolean;
	commentaryId: string;
	commentaryTitle: string;
	title: string;
	instructions: string;
	dueAt: number | null;
	hasStartingMap: boolean;
	referenceMapId: string | null;
	referenceReleased: boolean;
	suggestionsAllowed: boolean;
}

/** One assignment; callers check membership first (access.ts). */
export async function getAssignment(
	db: AppDatabase,
	id: string
): Promise<AssignmentDetails | undefined> {
	const row = await db
		.selectFrom('assignments')
		.innerJoin('classes', 'classes.id', 'assignments.classId')
		.innerJoin('commentaries', 'commentaries.id', 'assignments.commentaryId')
		.select([
			'assignments.id',
			'assignments.classId',
			'classes.name as className',
			'classes.archivedAt as classArchivedAt',
			'assignments.commentaryId',
			'commentaries.title as commentaryTitle',
			'assignments.title',
			'assignments.instructions',
			'assignments.dueAt',
			'assignments.startingDocument',
			'assignments.referenceMapId',
			'assignments.referenceReleasedAt',
			'assignments.suggestionsAllowed'
		])
		.where('assignments.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		classId: row.classId,
		className: row.className,
		classArchived: row.classArchivedAt !== null,
		commentaryId: row.commentaryId,
		commentaryTitle: row.commentaryTitle,
		title: row.title,
		instructions: row.instructions,
		dueAt: row.dueAt === null ? null : Number(row.dueAt),
		hasStartingMap: row.startingDocument !== null,
		referenceMapId: row.referenceMapId,
		referenceReleased: row.referenceReleasedAt !== null,
		suggestionsAllowed: Number(row.suggestionsAllowed) === 1
	};
}

export interface StudentWork {
	studentId: string;
	displayName: string;
	status: WorkStatus;
	mapId: string | null;
	submittedAt: number | null;
	returnedAt: number | null;
	feedback: string;
}

function toWork(row: {
	studentId: string;
	displayName: string;
	status: AssignmentMapStatus | null;
	mapId: string | null;
	submittedAt: number | null;
	returnedAt: number | null;
	feedback: string | null;
}): StudentWork {
	return {
		studentId: row.studentId,
		displayName: row.displayName,
		status: row.status ?? 'not_started',
		mapId: row.mapId,
		submittedAt: row.submittedAt === null ? null : Number(row.submittedAt),
		returnedAt: row.returnedAt === null ? null : Number(row.returnedAt),
		feedback: row.feedback ?? ''
	};
}

function selectWork(db: AppDatabase, assignmentId: string) {
	return db
		.selectFrom('assignments')
		.innerJoin('classMembers', 'classMembers.classId', 'assignments.classId')
		.innerJoin('users', 'users.id', 'classMembers.userId')
		.leftJoin('assignmentMaps', (join) =>
			join
				.onRef('assignmentMaps.assignmentId', '=', 'assignments.id')
				.onRef('assignmentMaps.studentId', '=', 'classMembers.userId')
		)
		.select([
			'classMembers.userId as studentId',
			'users.displayName',
			'assignmentMaps.status',
			'assignmentMaps.mapId',
			'assignmentMaps.submittedAt',
			'assignmentMaps.returnedAt',
			'assignmentMaps.feedback'
		])
		.where('assignments.id', '=', assignmentId)
		.where('classMembers.role', '=', 'student');
}

/** Every student of the class and where their work stands, for the teacher's assignment page. */
export async function listStudentWork(
	db: AppDatabase,
	assignmentId: string
): Promise<StudentWork[]> {
	const rows = await selectWork(db, assignmentId).orderBy('users.displayName').execute();
	return rows.map(toWork);
}

export async function getStudentWork(
	db: AppDatabase,
	assignmentId: string,
	studentId: string
): Promise<StudentWork | undefined> {
	const row = await selectWork(db, assignmentId)
		.where('classMembers.userId', '=', studentId)
		.executeTakeFirst();
	return row && toWork(row);
}

/**
 * The student's own map for the assignment, created on first start from the starting map.
 * Starting twice (two tabs, a double click) returns the same map.
 */
export async function startAssignment(
	db: AppDatabase,
	assignmentId: string,
	studentId: string,
	now = Date.now()
): Promise<string | undefined> {
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('assignmentMaps')
			.select('mapId')
			.where('assignmentId', '=', assignmentId)
			.where('studentId', '=', studentId)
			.executeTakeFirst();
		if (existing) return existing.mapId;
		const assignment = await trx
			.selectFrom('assignments')
			.innerJoin('classMembers', 'classMembers.classId', 'assignments.classId')
			.select(['assignments.commentaryId', 'assignments.title', 'assignments.startingDocument'])
			.where('assignments.id', '=', assignmentId)
			.where('classMembers.userId', '=', studentId)
			.where('classMembers.role', '=', 'student')
			.executeTakeFirst();
		if (!assignment) return undefined;
		const starting = assignment.startingDocument
			? parseMapDocument(JSON.parse(assignment.startingDocument))
			: null;
		const mapId = await createMap(
			trx,
			{
				ownerId: studentId,
				commentaryId: assignment.commentaryId,
				title: assignment.title,
				map: starting?.ok ? starting.document.map : EMPTY_MAP
			},
			now
		);
		await trx
			.insertInto('assignmentMaps')
			.values({
				assignmentId,
				studentId,
				mapId,
				status: 'in_progress',
				submittedAt: null,
				returnedAt: null,
				feedback: ''
			})
			.execute();
		return mapId;
	});
}

/** Hands the work in: read-only for the student until it is returned. */
export async function submitWork(
	db: AppDatabase,
	assignmentId: string,
	studentId: string,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.updateTable('assignmentMaps')
		.set({ status: 'submitted', submittedAt: now })
		.where('assignmentId', '=', assignmentId)
		.where('studentId', '=', studentId)
		.where('status', '!=', 'submitted')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Gives submitted work back with feedback; the student may edit and submit again. */
export async function returnWork(
	db: AppDatabase,
	assignmentId: string,
	studentId: string,
	feedback: string,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.updateTable('assignmentMaps')
		.set({ status: 'returned', returnedAt: now, feedback })
		.where('assignmentId', '=', assignmentId)
		.where('studentId', '=', studentId)
		.where('status', '=', 'submitted')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Lets the class's students open the reference map. */
export async function releaseReference(
	db: AppDatabase,
	assignmentId: string,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.updateTable('assignments')
		.set({ referenceReleasedAt: now })
		.where('id', '=', assignmentId)
		.where('referenceMapId', 'is not', null)
		.where('referenceReleasedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Deletes the assignment; the students' maps stay theirs, as ordinary maps. */
export async function deleteAssignment(db: AppDatabase, assignmentId: string): Promise<void> {
	await db.deleteFrom('assignments').where('id', '=', assignmentId).execute();
}

import { releaseReference, returnWork, startAssignment, submitWork } from '$lib/server/assignments';
import { attemptLogin } from '$lib/server/auth/login';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { updateCommentary } from '$lib/server/commentaries';
import { addComment } from '$lib/server/comments';
import { createComparison } from '$lib/server/comparisons';
import type { AppDatabase } from '$lib/server/db';
import { shareWithClass, createShareLink } from '$lib/server/sharing';
import { seedExampleContent } from '$lib/server/seed';
import {
	COMMENTARY_BODY,
	createTestAssignment,
	createTestClass,
	createTestMap,
	createTestUser,
	insertCommentary,
	joinTestClass,
	PASSWORD,
	TEST_MAP
} from './helpers';

export interface EveryKind {
	/** Teaches the class, owns maps, a comparison and links; logs in with PASSWORD. */
	teacher: { id: string; username: string };
	/** Attends the class and has submitted (and got back) assignment work. */
	student: { id: string; username: string };
	/** Every map the teacher can read, by id. */
	teacherMapIds: string[];
	classId: string;
	comparisonId: string;
}

/**
 * A database holding at least one row of every kind, made through the data layer as the app
 * makes them: users, sessions, throttle counters, commentaries (one a new version of another),
 * maps, classes and members, shares with a class, read-only links, assignments with a reference
 * map, assignment work, comments, comparisons and their links. A new table needs a row here: the
 * test in db-copy.spec.ts fails until it has one.
 */
export async function createEveryKind(db: AppDatabase, now = Date.now()): Promise<EveryKind> {
	await seedExampleContent(db, now);
	const teacher = await createTestUser(db, 'Teacher', PASSWORD, 'teacher@example.org');
	const student = await createTestUser(db, 'student');
	await createSession(db, generateSessionToken(), teacher, now);
	// A failed log-in leaves throttle counters.
	await attemptLogin(db, 'student', 'not the password', '192.0.2.7', now);

	const commentary = await insertCommentary(db, teacher, 'private', 'Ceasefire commentary');
	const draft = await createTestMap(db, teacher, commentary, { title: 'Draft', map: TEST_MAP });
	const reference = await createTestMap(db, teacher, commentary, {
		title: 'Reference',
		map: TEST_MAP,
		visibility: 'public'
	});
	// With maps anchored in it, a changed text becomes a new version pointing back at this one.
	const edited = await updateCommentary(
		db,
		teacher,
		commentary,
		{
			title: 'Ceasefire commentary, corrected',
			author: 'Jane Author',
			outlet: 'Example Times',
			publishedOn: null,
			sourceUrl: null,
			language: 'en',
			body: `${COMMENTARY_BODY} Both sides say so.`
		},
		now
	);
	if (!edited.ok || !edited.newVersion) throw new Error('no new commentary version');

	const { classId, joinCode } = await createTestClass(db, teacher, 'Class 10b');
	await joinTestClass(db, student, joinCode);
	await shareWithClass(db, classId, { kind: 'commentary', id: commentary }, teacher, now);
	await shareWithClass(db, classId, { kind: 'map', id: reference }, teacher, now);
	const assignment = await createTestAssignment(db, teacher, classId, commentary, {
		referenceMapId: reference,
		dueAt: now + 7 * 24 * 60 * 60 * 1000,
		suggestionsAllowed: true
	});
	const work = await startAssignment(db, assignment, student, now);
	if (!work) throw new Error('the student could not start the assignment');
	await submitWork(db, assignment, student, now);
	await returnWork(db, assignment, student, 'Well argued.', now);
	await releaseReference(db, assignment, now);
	await addComment(db, work, teacher, { kind: 'statement', id: 'claim' }, 'Is it, though?', now);
	await addComment(db, work, teacher, { kind: 'map', id: null }, 'Good start.', now);

	const comparison = await createComparison(
		db,
		teacher,
		{ mapIdA: draft, mapIdB: work },
		{
			title: 'Draft against the student',
			note: 'Same claim, same reason.',
			links: [
				{ aId: 'claim', bId: 'claim', kind: 'same_claim', direction: 'a_to_b' },
				{ aId: 'reason', bId: 'claim', kind: 'supports', direction: 'a_to_b' }
			]
		},
		now
	);
	await shareWithClass(db, classId, { kind: 'comparison', id: comparison }, teacher, now);
	await createShareLink(db, teacher, { kind: 'map', id: draft }, now);
	await createShareLink(db, teacher, { kind: 'comparison', id: comparison }, now);

	return {
		teacher: { id: teacher, username: 'Teacher' },
		student: { id: student, username: 'student' },
		teacherMapIds: [draft, reference, work],
		classId,
		comparisonId: comparison
	};
}

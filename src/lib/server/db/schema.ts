import type { Insertable, Selectable } from 'kysely';
import type { CommentaryLanguage } from '../../commentary/rules';
import type { CrossLinkDirection, CrossLinkKind } from '../../compare/cross-links';

/** Epoch milliseconds; stored as BIGINT so the same schema serves PostgreSQL. */
export type Millis = number;

export interface UserTable {
	id: string;
	username: string;
	/** NFKC + lower case: usernames are unique regardless of case or Unicode form. */
	usernameKey: string;
	displayName: string;
	email: string | null;
	passwordHash: string;
	createdAt: Millis;
}

export interface SessionTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	userId: string;
	expiresAt: Millis;
	createdAt: Millis;
}

export interface ThrottleTable {
	key: string;
	failures: number;
	windowStartedAt: Millis;
	blockedUntil: Millis | null;
}

export type CommentaryVisibility = 'private' | 'public';

export interface CommentaryTable {
	id: string;
	ownerId: string | null;
	title: string;
	author: string;
	outlet: string;
	publishedOn: string | null;
	sourceUrl: string | null;
	language: CommentaryLanguage;
	body: string;
	visibility: CommentaryVisibility;
	/** Marks content the app seeds itself, so seeding stays idempotent. */
	seedKey: string | null;
	previousVersionId: string | null;
	createdAt: Millis;
	updatedAt: Millis;
}

export type MapVisibility = 'private' | 'public';

export interface MapTable {
	id: string;
	ownerId: string | null;
	commentaryId: string;
	title: string;
	/** JSON of the ArgumentMap (src/lib/argument), validated before every write. */
	document: string;
	/** Optimistic concurrency: every save names the version it started from. */
	version: number;
	statementCount: number;
	relationCount: number;
	visibility: MapVisibility;
	seedKey: string | null;
	createdAt: Millis;
	updatedAt: Millis;
}

export interface ClassTable {
	id: string;
	name: string;
	/** 8 characters of JOIN_CODE_ALPHABET, unique among all classes. */
	joinCode: string;
	joinOpen: number;
	archivedAt: Millis | null;
	createdAt: Millis;
}

export type ClassRole = 'teacher' | 'student';

export interface ClassMemberTable {
	classId: string;
	userId: string;
	role: ClassRole;
	joinedAt: Millis;
}

export interface ClassShareTable {
	id: string;
	classId: string;
	commentaryId: string | null;
	mapId: string | null;
	comparisonId: string | null;
	sharedBy: string | null;
	createdAt: Millis;
}

export interface ShareLinkTable {
	id: string;
	tokenHash: string;
	ownerId: string;
	commentaryId: string | null;
	mapId: string | null;
	comparisonId: string | null;
	createdAt: Millis;
	revokedAt: Millis | null;
}

export interface AssignmentTable {
	id: string;
	classId: string;
	commentaryId: string;
	title: string;
	instructions: string;
	dueAt: Millis | null;
	startingDocument: string | null;
	referenceMapId: string | null;
	referenceReleasedAt: Millis | null;
	suggestionsAllowed: number;
	createdBy: string | null;
	createdAt: Millis;
}

export type AssignmentMapStatus = 'in_progress' | 'submitted' | 'returned';

export interface AssignmentMapTable {
	assignmentId: string;
	studentId: string;
	mapId: string;
	status: AssignmentMapStatus;
	submittedAt: Millis | null;
	returnedAt: Millis | null;
	feedback: string;
}

export type CommentTargetKind = 'map' | 'statement' | 'relation';

export interface CommentTable {
	id: string;
	mapId: string;
	authorId: string | null;
	targetKind: CommentTargetKind;
	/** The statement or relation id inside the map document; null for a comment on the whole map. */
	targetId: string | null;
	body: string;
	createdAt: Millis;
}

export interface ComparisonTable {
	id: string;
	ownerId: string;
	title: string;
	note: string;
	mapIdA: string;
	mapIdB: string;
	createdAt: Millis;
	updatedAt: Millis;
}

export interface ComparisonLinkTable {
	comparisonId: string;
	/** 0, 1, …: the order the links are numbered in. */
	position: number;
	statementIdA: string;
	statementIdB: string;
	kind: CrossLinkKind;
	direction: CrossLinkDirection;
}

export interface Database {
	users: UserTable;
	sessions: SessionTable;
	throttles: ThrottleTable;
	commentaries: CommentaryTable;
	maps: MapTable;
	classes: ClassTable;
	classMembers: ClassMemberTable;
	classShares: ClassShareTable;
	shareLinks: ShareLinkTable;
	assignments: AssignmentTable;
	assignmentMaps: AssignmentMapTable;
	comments: CommentTable;
	comparisons: ComparisonTable;
	comparisonLinks: ComparisonLinkTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Commentary = Selectable<CommentaryTable>;

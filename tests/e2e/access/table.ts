import { createMapDocument } from '$lib/argument';
import { sampleMap } from '$lib/argument/spec-fixtures';
import { ACTORS, type Actor, type World } from './world';

/** What the app must answer. `ok` is 200, 201 or a redirect that is not to the log-in page. */
export type Outcome = 'ok' | 'login' | 400 | 401 | 403 | 404 | 409;
export type Action = 'read' | 'edit' | 'comment' | 'delete' | 'share';

export interface Probe {
	route: string;
	/** A page's GET, one of its form actions, or an endpoint's method. */
	target: { page: true } | { formAction: string } | { method: string };
	action: Action;
	/** Which object of the world the probe is about, for the report. */
	subject: string;
	path: (world: World, actor: Actor) => string;
	form?: (world: World) => Record<string, string>;
	json?: (world: World) => unknown;
	expect: Record<Actor, Outcome>;
}

const SIGNED_IN: readonly Actor[] = [
	'owner',
	'classmate',
	'classTeacher',
	'otherTeacher',
	'otherStudent'
];

/** `allowed` get their outcome, every other actor `denied`. */
function only(allowed: Partial<Record<Actor, Outcome>>, denied: Outcome): Record<Actor, Outcome> {
	return Object.fromEntries(ACTORS.map((actor) => [actor, allowed[actor] ?? denied])) as Record<
		Actor,
		Outcome
	>;
}

function everyone(outcome: Outcome) {
	return only({}, outcome);
}

/** A page or action for any signed-in user; people without a session are sent to log in. */
function signedIn(outcome: Outcome, overrides: Partial<Record<Actor, Outcome>> = {}) {
	return only(
		{ ...Object.fromEntries(SIGNED_IN.map((actor) => [actor, outcome])), ...overrides },
		'login'
	);
}

/** Signed-in actors get `outcome` unless overridden; people without a session get `anonymous`. */
function withAnonymous(
	anonymous: Outcome,
	signedInOutcomes: Partial<Record<Actor, Outcome>>,
	signedInDefault: Outcome
) {
	return only(
		{
			...Object.fromEntries(SIGNED_IN.map((actor) => [actor, signedInDefault])),
			...signedInOutcomes
		},
		anonymous
	);
}

const page = { page: true } as const;
const form = (formAction: string) => ({ formAction }) as const;
const method = (name: string) => ({ method: name }) as const;

const validDocument = () => createMapDocument(sampleMap());

/** Members of class C read what is shared with it; nobody else does. */
const CLASS_C_READ: Partial<Record<Actor, Outcome>> = {
	owner: 'ok',
	classmate: 'ok',
	classTeacher: 'ok'
};

export const ACCESS_TABLE: Probe[] = [
	// Public pages.
	{
		route: '/',
		target: page,
		action: 'read',
		subject: 'landing',
		path: () => '/',
		expect: everyone('ok')
	},
	{
		route: '/signup',
		target: page,
		action: 'read',
		subject: 'form',
		path: () => '/signup',
		expect: everyone('ok')
	},
	{
		route: '/signup',
		target: form('default'),
		action: 'edit',
		// Signed-in people are sent on by the page, whatever they post.
		subject: 'empty sign-up',
		path: () => '/signup',
		form: () => ({ username: '' }),
		expect: only({ linkHolder: 400, revokedLinkHolder: 400, anonymous: 400 }, 'ok')
	},
	{
		route: '/login',
		target: page,
		action: 'read',
		subject: 'form',
		path: () => '/login',
		expect: everyone('ok')
	},
	{
		route: '/login',
		target: form('default'),
		action: 'edit',
		subject: 'unknown user',
		path: () => '/login',
		form: () => ({ username: `nobody${Date.now()}`, password: 'not the password at all' }),
		expect: only({ linkHolder: 400, revokedLinkHolder: 400, anonymous: 400 }, 'ok')
	},
	{
		route: '/logout',
		target: page,
		action: 'read',
		subject: 'redirect',
		path: () => '/logout',
		expect: everyone('ok')
	},
	{
		route: '/logout',
		target: form('default'),
		action: 'edit',
		subject: 'own session',
		path: () => '/logout',
		form: () => ({}),
		expect: everyone('ok')
	},
	{
		route: '/language',
		target: method('POST'),
		action: 'edit',
		subject: 'language cookie',
		path: () => '/language',
		form: () => ({ locale: 'de', redirectTo: '/' }),
		expect: everyone('ok')
	},

	// The account: only one's own, so only signed-in or not matters.
	{
		route: '/account',
		target: page,
		action: 'read',
		subject: 'own account',
		path: () => '/account',
		expect: signedIn('ok')
	},
	{
		route: '/account',
		target: form('password'),
		action: 'edit',
		subject: 'own password, wrong current',
		path: () => '/account',
		form: () => ({ currentPassword: 'wrong wrong wrong', newPassword: '', confirmPassword: '' }),
		expect: signedIn(400)
	},
	{
		route: '/account',
		target: form('logoutEverywhere'),
		action: 'edit',
		subject: 'own sessions',
		path: () => '/account',
		form: () => ({}),
		expect: signedIn('ok')
	},
	{
		route: '/account',
		target: form('delete'),
		action: 'delete',
		subject: 'own account, unconfirmed',
		path: () => '/account',
		form: () => ({ currentPassword: 'wrong wrong wrong' }),
		expect: signedIn(400)
	},
	{
		route: '/account/export.json',
		target: method('GET'),
		action: 'read',
		subject: 'own data',
		path: () => '/account/export.json',
		expect: only(Object.fromEntries(SIGNED_IN.map((a) => [a, 'ok'])), 401)
	},

	// Commentaries.
	{
		route: '/commentaries',
		target: page,
		action: 'read',
		subject: 'list',
		path: () => '/commentaries',
		expect: signedIn('ok')
	},
	{
		route: '/commentaries/new',
		target: page,
		action: 'read',
		subject: 'form',
		path: () => '/commentaries/new',
		expect: signedIn('ok')
	},
	{
		route: '/commentaries/new',
		target: form('default'),
		action: 'edit',
		subject: 'empty commentary',
		path: () => '/commentaries/new',
		form: () => ({ title: '' }),
		expect: signedIn(400)
	},
	{
		route: '/commentaries/[id=id]',
		target: page,
		action: 'read',
		subject: 'private commentary',
		path: (w) => `/commentaries/${w.ids.ownCommentary}`,
		expect: only({ owner: 'ok' }, 404)
	},
	{
		route: '/commentaries/[id=id]',
		target: page,
		action: 'read',
		subject: 'commentary shared with class C',
		path: (w) => `/commentaries/${w.ids.teacherCommentary}`,
		expect: only(CLASS_C_READ, 404)
	},
	{
		route: '/commentaries/[id=id]',
		target: form('newMap'),
		action: 'read',
		subject: 'commentary shared with class C',
		path: (w) => `/commentaries/${w.ids.teacherCommentary}`,
		form: () => ({}),
		expect: withAnonymous('login', CLASS_C_READ, 404)
	},
	{
		route: '/commentaries/[id=id]',
		target: form('delete'),
		action: 'delete',
		subject: 'commentary shared with class C, set as an assignment',
		path: (w) => `/commentaries/${w.ids.teacherCommentary}`,
		form: () => ({ confirm: 'yes' }),
		// Its owner may delete it, but not while students' work uses it.
		expect: withAnonymous('login', { classTeacher: 409, owner: 403, classmate: 403 }, 404)
	},
	...shareProbes(
		'/commentaries/[id=id]',
		'commentary shared with class C',
		(w) => `/commentaries/${w.ids.teacherCommentary}`,
		(w) => w.ids.teacherCommentaryLinkId
	),
	{
		route: '/commentaries/[id=id]/edit',
		target: page,
		action: 'edit',
		subject: 'commentary shared with class C',
		path: (w) => `/commentaries/${w.ids.teacherCommentary}/edit`,
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	{
		route: '/commentaries/[id=id]/edit',
		target: form('default'),
		action: 'edit',
		subject: 'commentary shared with class C, emptied',
		path: (w) => `/commentaries/${w.ids.teacherCommentary}/edit`,
		form: () => ({ title: '' }),
		expect: withAnonymous('login', { classTeacher: 400, owner: 403, classmate: 403 }, 404)
	},

	// Maps: the list and its actions name the map in the form.
	{
		route: '/maps',
		target: page,
		action: 'read',
		subject: 'own list',
		path: () => '/maps',
		expect: signedIn('ok')
	},
	{
		route: '/maps',
		target: form('rename'),
		action: 'edit',
		subject: 'map shared with class C',
		path: () => '/maps',
		form: (w) => ({ id: w.ids.teacherMap, title: 'Renamed' }),
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	{
		route: '/maps',
		target: form('duplicate'),
		action: 'read',
		subject: 'map shared with class C',
		path: () => '/maps',
		form: (w) => ({ id: w.ids.teacherMap, title: 'My copy' }),
		expect: withAnonymous('login', CLASS_C_READ, 404)
	},
	{
		route: '/maps',
		target: form('delete'),
		action: 'delete',
		subject: "a student's assignment map",
		path: () => '/maps',
		form: (w) => ({ id: w.ids.workMap }),
		expect: withAnonymous('login', { owner: 403, classTeacher: 403 }, 404)
	},
	{
		route: '/maps',
		target: form('delete'),
		action: 'delete',
		subject: 'private map',
		path: () => '/maps',
		form: (w) => ({ id: w.ids.ownMap }),
		expect: withAnonymous('login', { owner: 'ok' }, 404)
	},
	{
		route: '/maps/import',
		target: page,
		action: 'read',
		subject: 'form',
		path: () => '/maps/import',
		expect: signedIn('ok')
	},
	{
		route: '/maps/import',
		target: form('default'),
		action: 'edit',
		subject: 'no file',
		path: () => '/maps/import',
		form: () => ({}),
		expect: signedIn(400)
	},
	{
		route: '/maps/copies',
		target: method('POST'),
		action: 'read',
		subject: 'map shared with class C',
		path: () => '/maps/copies',
		json: (w) => ({ sourceMapId: w.ids.teacherMap, title: 'My copy', document: validDocument() }),
		expect: withAnonymous(401, CLASS_C_READ, 404)
	},

	// One map, seen by everyone.
	...mapReadProbes('/maps/[id=id]', (id) => `/maps/${id}`),
	...mapReadProbes('/maps/[id=id]/print', (id) => `/maps/${id}/print`),
	...mapReadProbes('/maps/[id=id].json', (id) => `/maps/${id}.json`, method('GET')),
	...mapReadProbes(
		'/maps/[id=id]/export/[format]',
		(id) => `/maps/${id}/export/json`,
		method('GET')
	),
	{
		route: '/maps/[id=id].json',
		target: method('PUT'),
		action: 'edit',
		subject: "a student's assignment map",
		path: (w) => `/maps/${w.ids.workMap}.json`,
		json: () => ({ baseRevision: 1, document: validDocument() }),
		expect: withAnonymous(401, { owner: 'ok', classTeacher: 403 }, 404)
	},
	{
		route: '/maps/[id=id].json',
		target: method('PUT'),
		action: 'edit',
		subject: 'map shared with class C',
		path: (w) => `/maps/${w.ids.teacherMap}.json`,
		json: () => ({ baseRevision: 1, document: validDocument() }),
		expect: withAnonymous(401, { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	{
		route: '/maps/[id=id]',
		target: form('comment'),
		action: 'comment',
		subject: "a student's assignment map",
		path: (w) => `/maps/${w.ids.workMap}`,
		form: () => ({ targetKind: 'map', targetId: '', body: 'Look at the second premise.' }),
		expect: withAnonymous(404, { owner: 'ok', classTeacher: 'ok' }, 404)
	},
	{
		route: '/maps/[id=id]',
		target: form('comment'),
		action: 'comment',
		subject: 'map shared with class C',
		path: (w) => `/maps/${w.ids.teacherMap}`,
		form: () => ({ targetKind: 'map', targetId: '', body: 'A comment' }),
		expect: withAnonymous(404, { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	{
		route: '/maps/[id=id]',
		target: form('deleteComment'),
		action: 'comment',
		subject: "the teacher's comment on a student's map",
		path: (w) => `/maps/${w.ids.workMap}`,
		form: (w) => ({ commentId: w.ids.workComment }),
		expect: withAnonymous(404, { classTeacher: 'ok', owner: 403 }, 404)
	},
	...shareProbes(
		'/maps/[id=id]',
		'map shared with class C',
		(w) => `/maps/${w.ids.teacherMap}`,
		(w) => w.ids.teacherMapLinkId
	),
	{
		route: '/maps/[id=id]',
		target: form('copy'),
		action: 'read',
		subject: 'map shared with class C',
		path: (w) => `/maps/${w.ids.teacherMap}`,
		form: () => ({}),
		expect: withAnonymous('login', CLASS_C_READ, 404)
	},
	{
		route: '/maps/[id=id].json',
		target: method('PUT'),
		action: 'edit',
		subject: "a classmate's submitted assignment map",
		path: (w) => `/maps/${w.ids.classmateWorkMap}.json`,
		json: () => ({ baseRevision: 1, document: validDocument() }),
		expect: withAnonymous(401, { classmate: 403, classTeacher: 403 }, 404)
	},
	{
		route: '/maps/[id=id]',
		target: page,
		action: 'read',
		subject: 'a map that does not exist',
		path: () => '/maps/aaaaaaaaaaaaaaaaaaaaaaaa',
		expect: everyone(404)
	},

	// Classes: members read, teachers manage, outsiders learn nothing.
	{
		route: '/classes',
		target: page,
		action: 'read',
		subject: 'own classes',
		path: () => '/classes',
		expect: signedIn('ok')
	},
	{
		route: '/classes',
		target: form('create'),
		action: 'edit',
		subject: 'a new class',
		path: () => '/classes',
		form: () => ({ name: 'Philosophie 11' }),
		expect: signedIn('ok')
	},
	{
		route: '/classes',
		target: form('join'),
		action: 'edit',
		subject: "class C's code",
		path: () => '/classes',
		form: (w) => ({ code: w.ids.joinCodeC }),
		expect: signedIn('ok')
	},
	{
		route: '/join/[code]',
		target: page,
		action: 'read',
		subject: "class C's join link",
		path: (w) => `/join/${w.ids.joinCodeC}`,
		expect: signedIn('ok')
	},
	{
		route: '/join/[code]',
		target: form('default'),
		action: 'edit',
		subject: "class C's join link",
		path: (w) => `/join/${w.ids.joinCodeC}`,
		form: (w) => ({ code: w.ids.joinCodeC }),
		expect: signedIn('ok')
	},
	{
		route: '/classes/[id=id]',
		target: page,
		action: 'read',
		subject: 'class C',
		path: (w) => `/classes/${w.ids.classC}`,
		expect: withAnonymous('login', CLASS_C_READ, 404)
	},
	...teacherProbes('/classes/[id=id]', 'class C', (w) => `/classes/${w.ids.classC}`, [
		['rename', 'edit', () => ({ name: 'Class C, renamed' })],
		['rotateCode', 'edit', () => ({})],
		['setJoining', 'edit', () => ({ open: 'no' })],
		['archive', 'delete', () => ({})],
		['unarchive', 'edit', () => ({})],
		['removeStudent', 'edit', (w) => ({ userId: w.users.classmate })],
		['makeTeacher', 'edit', (w) => ({ userId: w.users.classmate })],
		['unshare', 'share', (w) => ({ kind: 'map', id: w.ids.teacherMap })]
	]),
	{
		route: '/classes/[id=id]/assignments/new',
		target: page,
		action: 'read',
		subject: 'class C',
		path: (w) => `/classes/${w.ids.classC}/assignments/new`,
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	...teacherProbes(
		'/classes/[id=id]/assignments/new',
		'class C',
		(w) => `/classes/${w.ids.classC}/assignments/new`,
		[
			[
				'default',
				'share',
				(w) => ({
					title: 'Map it',
					instructions: 'Find the main claim.',
					commentaryId: w.ids.teacherCommentary,
					dueOn: '',
					startingMapId: '',
					referenceMapId: '',
					suggestionsAllowed: 'on'
				})
			]
		]
	),

	// Assignments: the class reads them; students work, teachers review.
	{
		route: '/assignments/[id=id]',
		target: page,
		action: 'read',
		subject: 'assignment in class C',
		path: (w) => `/assignments/${w.ids.assignment}`,
		expect: withAnonymous('login', CLASS_C_READ, 404)
	},
	...['start', 'submit'].map((name): Probe => ({
		route: '/assignments/[id=id]',
		target: form(name),
		action: 'edit',
		subject: 'assignment in class C',
		path: (w) => `/assignments/${w.ids.assignment}`,
		form: () => ({}),
		expect: withAnonymous('login', { owner: 'ok', classmate: 'ok', classTeacher: 403 }, 404)
	})),
	...teacherProbes(
		'/assignments/[id=id]',
		'assignment in class C',
		(w) => `/assignments/${w.ids.assignment}`,
		[
			['return', 'comment', (w) => ({ studentId: w.users.classmate, feedback: 'Well argued.' })],
			['releaseReference', 'share', () => ({})],
			['delete', 'delete', () => ({ confirm: 'yes' })]
		]
	),

	// Comparisons: picking is open to all (anonymous readers compare public maps); a comparison
	// of two maps needs both readable, a saved one is its owner's and its classes'.
	{
		route: '/compare',
		target: page,
		action: 'read',
		subject: 'map picker',
		path: () => '/compare',
		expect: everyone('ok')
	},
	{
		route: '/compare',
		target: page,
		action: 'read',
		subject: 'private map beside a map shared with class C',
		path: (w) => `/compare?a=${w.ids.ownMap}&b=${w.ids.teacherMap}`,
		expect: only({ owner: 'ok' }, 404)
	},
	{
		route: '/compare',
		target: form('save'),
		action: 'edit',
		subject: 'private map beside a map shared with class C',
		path: () => '/compare',
		form: (w) => ({ a: w.ids.ownMap, b: w.ids.teacherMap, title: 'Saved', links: '[]' }),
		expect: withAnonymous('login', { owner: 'ok' }, 404)
	},
	{
		route: '/comparisons/[id=id]',
		target: page,
		action: 'read',
		subject: 'private comparison',
		path: (w) => `/comparisons/${w.ids.ownComparison}`,
		expect: only({ owner: 'ok' }, 404)
	},
	{
		route: '/comparisons/[id=id]',
		target: page,
		action: 'read',
		subject: 'comparison shared with class C',
		path: (w) => `/comparisons/${w.ids.classComparison}`,
		expect: only(CLASS_C_READ, 404)
	},
	{
		route: '/comparisons/[id=id]',
		target: form('save'),
		action: 'edit',
		subject: 'comparison shared with class C',
		path: (w) => `/comparisons/${w.ids.classComparison}`,
		form: () => ({ title: 'Renamed', note: '', links: '[]' }),
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	{
		route: '/comparisons/[id=id]',
		target: form('delete'),
		action: 'delete',
		subject: 'comparison shared with class C',
		path: (w) => `/comparisons/${w.ids.classComparison}`,
		form: () => ({}),
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	...shareProbes(
		'/comparisons/[id=id]',
		'comparison shared with class C',
		(w) => `/comparisons/${w.ids.classComparison}`,
		(w) => w.ids.classComparisonLinkId
	),

	// Read-only links work without an account; a revoked or made-up token is simply not found.
	{
		route: '/links/[token]',
		target: page,
		action: 'read',
		subject: 'read-only link to a private map',
		path: (w, actor) => `/links/${w.ids.linkToken[actor]}`,
		expect: only({ revokedLinkHolder: 404, anonymous: 404 }, 'ok')
	}
];

/** Form actions only class C's teacher may use: students of C get 403, everyone else 404. */
function teacherProbes(
	route: string,
	subject: string,
	path: (w: World) => string,
	actions: [string, Action, (w: World) => Record<string, string>][]
): Probe[] {
	return actions.map(([name, action, formData]) => ({
		route,
		target: form(name),
		action,
		subject,
		path,
		form: formData,
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	}));
}

/** The four map subjects and who reads each. */
function mapReadProbes(
	route: string,
	path: (id: string) => string,
	target: Probe['target'] = page
): Probe[] {
	const subjects: [string, (w: World) => string, Partial<Record<Actor, Outcome>>][] = [
		['private map', (w) => w.ids.ownMap, { owner: 'ok' }],
		['map shared with class C', (w) => w.ids.teacherMap, CLASS_C_READ],
		["a student's assignment map", (w) => w.ids.workMap, { owner: 'ok', classTeacher: 'ok' }],
		['unreleased reference map', (w) => w.ids.referenceMap, { classTeacher: 'ok' }]
	];
	return subjects.map(([subject, id, readers]) => ({
		route,
		target,
		action: 'read',
		subject,
		path: (w) => path(id(w)),
		expect: only(readers, 404)
	}));
}

/**
 * The sharing actions of a page about an object `sharer` owns and teaches class C with:
 * the sharer shares with the class, unshares, makes and revokes links; other readers get 403,
 * everyone else 404, and people without a session are sent to log in.
 */
function shareProbes(
	route: string,
	subject: string,
	path: (w: World) => string,
	linkId: (w: World) => string
): Probe[] {
	const expectation = withAnonymous(
		'login',
		{ classTeacher: 'ok', owner: 403, classmate: 403 },
		404
	);
	const actions: [string, (w: World) => Record<string, string>][] = [
		['shareWithClass', (w) => ({ classId: w.ids.classC })],
		['unshareFromClass', (w) => ({ classId: w.ids.classC })],
		['createShareLink', () => ({})],
		['revokeShareLink', (w) => ({ linkId: linkId(w) })]
	];
	return actions.map(([name, formData]) => ({
		route,
		target: form(name),
		action: 'share',
		subject,
		path,
		form: formData,
		expect: expectation
	}));
}

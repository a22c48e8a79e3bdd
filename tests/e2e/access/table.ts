import { createMapDocument } from '$lib/argument';
import { sampleMap } from '$lib/argument/spec-fixtures';
import { ACTORS, type Actor, type World } from './world';

/** What the app must answer. `ok` is 200, 201 or a redirect that is not to the log-in page. */
export type Outcome = 'ok' | 'login' | 400 | 401 | 403 | 404;
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
		subject: 'empty sign-up',
		path: () => '/signup',
		form: () => ({ username: '' }),
		expect: everyone(400)
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
		expect: everyone(400)
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
		subject: 'commentary shared with class C',
		path: (w) => `/commentaries/${w.ids.teacherCommentary}`,
		form: () => ({ confirm: 'yes' }),
		expect: withAnonymous('login', { classTeacher: 'ok', owner: 403, classmate: 403 }, 404)
	},
	...shareProbes(
		'/commentaries/[id=id]',
		'commentary shared with class C',
		(w) => `/commentaries/${w.ids.teacherCommentary}`,
		'classTeacher',
		['owner', 'classmate'],
		(w) => w.ids.classC
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
		form: (w) => ({ id: w.ids.teacherMap }),
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
		(id) => `/maps/${id}/export/argumap`,
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
		'private map',
		(w) => `/maps/${w.ids.ownMap}`,
		'owner',
		[],
		(w) => w.ids.classC,
		404
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
 * The sharing actions of a page: the sharer may share with their class and make, list and
 * revoke links; readers who are not the owner get 403; everyone else 404.
 */
function shareProbes(
	route: string,
	subject: string,
	path: (w: World) => string,
	sharer: Actor,
	otherReaders: Actor[],
	classId: (w: World) => string,
	anonymous: Outcome = 'login'
): Probe[] {
	const expectation = withAnonymous(
		anonymous,
		{ [sharer]: 'ok', ...Object.fromEntries(otherReaders.map((a) => [a, 403])) },
		404
	);
	const actions: [string, (w: World) => Record<string, string>][] = [
		['shareWithClass', (w) => ({ classId: classId(w) })],
		['unshareFromClass', (w) => ({ classId: classId(w) })],
		['createShareLink', () => ({})],
		['revokeShareLink', (w) => ({ linkId: w.ids.ownMapLinkId })]
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

import {
	copyMap,
	createClass,
	exampleMapId,
	joinByLink as joinClass,
	mapJson,
	newUser,
	postAction,
	saveMap
} from './classroom-helpers';
import {
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	newAccount,
	ORIGIN,
	pinLanguage,
	signUp,
	test
} from './fixtures';

const EXAMPLE_COMMENTARY_TITLE = 'Feuerpause in Aleppo – Kommentar';
const INSTRUCTIONS = 'Rekonstruiere das Argument.\n\n  1. Hauptthese\n  2. Einwände';
const FEEDBACK = 'Gut gemacht!\n\n  – Die Einwände fehlen noch.\n  – Achte auf die Anker.';

test('a teacher sets an assignment, a student works on it and submits, the teacher returns it and releases the reference', async ({
	page: teacher,
	browser
}) => {
	test.setTimeout(180_000);
	await signUp(teacher, newAccount({ displayName: 'Frau Lehmann' }));
	const klass = await createClass(teacher, '10b Ethik');
	const otherClass = await createClass(teacher, '9a Politik');
	const exampleId = await exampleMapId(teacher);
	const startingMapId = await copyMap(teacher, exampleId, 'Startkarte Aleppo');
	const referenceMapId = await copyMap(teacher, exampleId, 'Musterlösung Aleppo');

	const student = await newUser(browser, 'Mia Schulz');
	await joinClass(student, klass.joinPath);
	const outsider = await newUser(browser, 'Ole Fremd');
	await joinClass(outsider, otherClass.joinPath);

	// The form: the commentary comes preselected from the link, maps are the teacher's own.
	const startingMap = await (await mapJson(teacher.request, startingMapId)).json();
	const commentaryId: string = startingMap.commentary.id;
	const newPath = `/classes/${klass.id}/assignments/new`;
	await gotoHydrated(teacher, `${newPath}?commentary=${commentaryId}`);
	await expect(teacher.getByLabel('Commentary')).toHaveValue(commentaryId);
	await expect(teacher.getByLabel('Commentary').locator('option:checked')).toHaveText(
		EXAMPLE_COMMENTARY_TITLE
	);
	await expectNoAxeViolations(teacher);

	// The server checks the maps too: the public example is no map of the teacher's own.
	const refused = await postAction(teacher, newPath, {
		title: 'Aleppo: Feuerpause',
		instructions: '',
		commentaryId: commentaryId,
		dueOn: '',
		startingMapId: exampleId,
		referenceMapId: ''
	});
	expect(refused.status()).toBe(400);
	const refusedPage = await refused.text();
	expect(refusedPage).toContain(
		'The starting map must be one of your own maps of the chosen commentary.'
	);
	// Without JavaScript the form comes back filled in.
	expect(refusedPage).toMatch(/<input[^>]*name="title"[^>]*value="Aleppo: Feuerpause"/);
	const badDate = await postAction(teacher, newPath, {
		title: 'Aleppo: Feuerpause',
		commentaryId: commentaryId,
		dueOn: '2026-02-30'
	});
	expect(badDate.status()).toBe(400);
	expect(await badDate.text()).toContain('Enter the due date as a real calendar date');

	await teacher.getByLabel('Title').fill('Aleppo: Feuerpause');
	await teacher.getByLabel('Instructions').fill(INSTRUCTIONS);
	await teacher.getByLabel('Due date (optional)').fill('2026-03-31');
	await teacher.getByLabel('Starting map (optional)').selectOption({ label: 'Startkarte Aleppo' });
	await teacher
		.getByLabel('Reference map (optional)')
		.selectOption({ label: 'Musterlösung Aleppo' });
	await expect(teacher.getByLabel('Allow argument suggestions')).toBeChecked();
	await teacher.getByRole('button', { name: 'Set assignment' }).click();
	await expect(teacher).toHaveURL(/\/assignments\/[a-z2-7]{8,}$/);
	const assignmentPath = new URL(teacher.url()).pathname;

	// The teacher's view.
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Aleppo: Feuerpause');
	await expect(teacher.getByRole('link', { name: '10b Ethik' })).toHaveAttribute(
		'href',
		`/classes/${klass.id}`
	);
	await expect(teacher.getByRole('link', { name: EXAMPLE_COMMENTARY_TITLE })).toBeVisible();
	await expect(teacher.getByText('Mar 31, 2026')).toBeVisible();
	const studentRow = teacher.getByRole('row', { name: /Mia Schulz/ });
	await expect(studentRow.getByRole('cell').first()).toHaveText('Not started');
	await expect(teacher.getByText('Students cannot see the reference map')).toBeVisible();
	await expectNoAxeViolations(teacher);

	// Hidden from the student until released; the student's view.
	expect((await mapJson(student.request, referenceMapId)).status()).toBe(404);
	await gotoHydrated(student, assignmentPath);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText('Aleppo: Feuerpause');
	await expect(student.getByText('Mar 31, 2026')).toBeVisible();
	expect(await student.locator('.instructions').textContent()).toBe(INSTRUCTIONS);
	await expect(student.getByText('Not started')).toBeVisible();
	await expect(student.getByRole('link', { name: 'Compare with the reference map' })).toHaveCount(
		0
	);
	expect(await student.content()).not.toContain(referenceMapId);
	await expectNoAxeViolations(student);

	// Only students start, only teachers return.
	expect((await postAction(teacher, `${assignmentPath}?/start`)).status()).toBe(403);
	expect(
		(
			await postAction(student, `${assignmentPath}?/return`, { studentId: 'x', feedback: '' })
		).status()
	).toBe(403);

	// Starting copies the starting map.
	await student.getByRole('button', { name: 'Start' }).click();
	await expect(student).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	const studentMapId = new URL(student.url()).pathname.split('/').pop()!;
	expect(studentMapId).not.toBe(startingMapId);
	const studentMap = await (await mapJson(student.request, studentMapId)).json();
	expect(studentMap.map.statements.length).toBeGreaterThan(0);
	expect(studentMap.map.statements).toEqual(startingMap.map.statements);
	expect(studentMap.map.relations).toEqual(startingMap.map.relations);

	// Submitting makes the map read-only.
	await gotoHydrated(student, assignmentPath);
	await expect(student.getByRole('link', { name: 'Open my map' })).toHaveAttribute(
		'href',
		`/maps/${studentMapId}`
	);
	await expect(student.getByText('Once you submit, your map is read-only')).toBeVisible();
	await student.getByRole('button', { name: 'Submit' }).click();
	await expect(student.getByRole('status').filter({ hasText: 'Status' })).toContainText(
		'Submitted'
	);
	await expect(student.getByText('You have submitted your map.')).toBeVisible();
	await expect(student.getByRole('button', { name: 'Submit' })).toHaveCount(0);
	expect((await saveMap(student.request, studentMapId)).status()).toBe(403);

	// The teacher sees it, reviews it and returns it with feedback.
	await gotoHydrated(teacher, assignmentPath);
	await expect(studentRow.getByRole('cell').first()).toHaveText('Submitted');
	await expect(studentRow.getByRole('link', { name: /Review/ })).toHaveAttribute(
		'href',
		`/maps/${studentMapId}`
	);
	await teacher.getByLabel('Feedback for Mia Schulz').fill(FEEDBACK);
	await teacher.getByRole('button', { name: 'Return to Mia Schulz' }).click();
	await expect(teacher.getByText('Returned to Mia Schulz.')).toBeVisible();
	await expect(studentRow.getByRole('cell').first()).toHaveText('Returned');
	await expect(teacher.getByLabel('Feedback for Mia Schulz')).toHaveCount(0);

	// The student reads the feedback as written and may work on.
	await gotoHydrated(student, assignmentPath);
	await expect(student.getByRole('status').filter({ hasText: 'Status' })).toContainText('Returned');
	expect(await student.locator('.feedback').textContent()).toBe(FEEDBACK);
	await expect(student.getByText('you can edit it and submit it again')).toBeVisible();
	expect((await saveMap(student.request, studentMapId)).status()).toBe(200);

	// Submitting from the map page returns there; a foreign redirect target is ignored.
	const fromMap = await postAction(student, `${assignmentPath}?/submit`, {
		redirectTo: `/maps/${studentMapId}`
	});
	expect(fromMap.status()).toBe(303);
	expect(fromMap.headers().location).toBe(`/maps/${studentMapId}`);
	const offSite = await postAction(student, `${assignmentPath}?/submit`, {
		redirectTo: 'https://evil.example/'
	});
	expect(offSite.headers().location).toBe(assignmentPath);

	// Releasing the reference opens it to the class's students.
	await teacher.getByRole('button', { name: 'Release reference map' }).click();
	await expect(teacher.getByText('Released: students can open the reference map.')).toBeVisible();
	await expect(teacher.getByRole('button', { name: 'Release reference map' })).toHaveCount(0);
	await gotoHydrated(student, assignmentPath);
	await student.getByRole('link', { name: 'Compare with the reference map' }).click();
	await expect(student).toHaveURL(`/maps/${referenceMapId}`);
	expect((await mapJson(student.request, referenceMapId)).status()).toBe(200);

	// Nobody outside the class learns the assignment exists.
	expect((await outsider.goto(assignmentPath))?.status()).toBe(404);
	expect((await mapJson(outsider.request, referenceMapId)).status()).toBe(404);
	expect((await outsider.goto(newPath))?.status()).toBe(404);
	// A student of the class may not set work.
	expect((await student.goto(newPath))?.status()).toBe(403);

	// German: the same pages, translated and accessible.
	for (const page of [teacher, student]) {
		await pinLanguage(page, 'de');
	}
	await gotoHydrated(teacher, assignmentPath);
	await expect(teacher.locator('html')).toHaveAttribute('lang', 'de');
	await expect(teacher.getByText('31.03.2026')).toBeVisible();
	await expect(studentRow.getByRole('cell').first()).toHaveText('Abgegeben');
	await expectNoAxeViolations(teacher);
	await gotoHydrated(student, assignmentPath);
	await expect(student.getByRole('heading', { name: 'Deine Arbeit' })).toBeVisible();
	await expectNoAxeViolations(student);
	await gotoHydrated(teacher, newPath);
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Neue Aufgabe');
	await expectNoAxeViolations(teacher);

	// Deleting the assignment leaves the student's map with the student.
	await gotoHydrated(teacher, assignmentPath);
	await teacher.getByText('Diese Aufgabe löschen').click();
	await teacher.getByLabel('Die Aufgabe endgültig löschen.').check();
	await teacher.getByRole('button', { name: 'Aufgabe löschen' }).click();
	await expect(teacher).toHaveURL(`/classes/${klass.id}`);
	expect((await student.goto(assignmentPath))?.status()).toBe(404);
	expect((await saveMap(student.request, studentMapId)).status()).toBe(200);
});

test('an archived class gets no new assignments', async ({ page, account }) => {
	await signUp(page, account);
	const klass = await createClass(page, 'Abschlussklasse');
	const archived = await postAction(page, `/classes/${klass.id}?/archive`);
	expect(archived.status()).toBeLessThan(400);
	const newPath = `/classes/${klass.id}/assignments/new`;
	await gotoHydrated(page, newPath);
	await expect(
		page.getByText('This class is archived, so it gets no new assignments.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Set assignment' })).toHaveCount(0);

	const exampleId = await exampleMapId(page);
	const example = await (await mapJson(page.request, exampleId)).json();
	const refused = await postAction(page, newPath, {
		title: 'Zu spät',
		commentaryId: example.commentary.id
	});
	expect(refused.status()).toBe(400);
	await gotoHydrated(page, `/classes/${klass.id}`);
	await expect(page.getByText('No assignments yet.')).toBeVisible();
	await expect(page.getByText('Zu spät')).toHaveCount(0);
});

test('in an archived class students can no longer start or hand in work, and keep what they have', async ({
	page: teacher,
	browser
}) => {
	await signUp(teacher, newAccount({ displayName: 'Herr Brandt' }));
	const klass = await createClass(teacher, 'Abgeschlossen 12c');
	const exampleId = await exampleMapId(teacher);
	const example = await (await mapJson(teacher.request, exampleId)).json();
	const set = await postAction(teacher, `/classes/${klass.id}/assignments/new`, {
		title: 'Letzte Aufgabe',
		instructions: '',
		commentaryId: example.commentary.id,
		dueOn: '',
		startingMapId: '',
		referenceMapId: ''
	});
	expect(set.status()).toBe(303);
	const assignmentPath = new URL(set.headers()['location']!, ORIGIN).pathname;
	const started = await newUser(browser, 'Pia Früh');
	const late = await newUser(browser, 'Tom Spät');
	await joinClass(started, klass.joinPath);
	await joinClass(late, klass.joinPath);
	const start = await postAction(started, `${assignmentPath}?/start`);
	expect(start.status()).toBe(303);
	const mapPath = new URL(start.headers()['location']!, ORIGIN).pathname;

	expect((await postAction(teacher, `/classes/${klass.id}?/archive`)).status()).toBeLessThan(400);

	const refusedStart = await postAction(late, `${assignmentPath}?/start`);
	expect(refusedStart.status()).toBe(409);
	expect(await refusedStart.text()).toContain(
		'This class is archived: work on its assignments can no longer be started or handed in.'
	);
	const refusedSubmit = await postAction(started, `${assignmentPath}?/submit`);
	expect(refusedSubmit.status()).toBe(409);

	await gotoHydrated(late, assignmentPath);
	await expect(late.getByText('This class is archived. Your map stays yours')).toBeVisible();
	await expect(late.getByRole('button', { name: 'Start' })).toHaveCount(0);
	await gotoHydrated(started, mapPath);
	await expect(started.getByTestId('assignment-banner')).toContainText('This class is archived.');
	await expect(started.getByRole('button', { name: 'Submit' })).toHaveCount(0);
	await gotoHydrated(started, assignmentPath);
	await expect(started.getByText('Status: In progress')).toBeVisible();
	await expect(started.getByRole('link', { name: 'Open my map' })).toBeVisible();
	await expect(started.getByRole('button', { name: 'Submit' })).toHaveCount(0);
});

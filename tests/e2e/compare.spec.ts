import type { Locator, Page } from '@playwright/test';
import type { ArgumentMap } from '$lib/argument';
import { createClass, exampleMapId, joinByCode, newUser } from './classroom-helpers';
import { CONTRA, CONTRA_MAP, PRO, PRO_MAP } from './compare/debate';
import { expect, expectNoAxeViolations, gotoHydrated, ORIGIN, pinLanguage, test } from './fixtures';

/*
 * The two flows: a teacher compares two commentaries with opposite stances, links them
 * (one suggestion accepted, one link by hand), saves, reloads and shares the comparison with a
 * class whose student opens it; and two maps of the seed commentary are scored for agreement.
 */

/** A commentary through the form, mapped through the JSON API; returns the map's id. */
async function mappedCommentary(
	page: Page,
	commentary: { title: string; body: string },
	map: ArgumentMap
): Promise<string> {
	await gotoHydrated(page, '/commentaries/new');
	const main = page.getByRole('main');
	await main.locator('[name=title]').fill(commentary.title);
	await main.locator('[name=author]').fill('Testautorin');
	await main.locator('[name=outlet]').fill('Testblatt');
	await main.locator('[name=language]').selectOption('de');
	await main.locator('[name=body]').fill(commentary.body);
	await main.getByRole('button', { name: 'Save commentary' }).click();
	await expect(page).toHaveURL(/\/commentaries\/[a-z2-7]{8,}$/);
	await page.getByRole('button', { name: 'Map this commentary' }).click();
	await expect(page).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	const mapId = new URL(page.url()).pathname.split('/').pop()!;
	await putMap(page, mapId, map);
	return mapId;
}

/** Replaces a map's document at its current revision, as the editor's autosave does. */
async function putMap(page: Page, mapId: string, map: ArgumentMap) {
	const current = await (await page.request.get(`/maps/${mapId}.json`)).json();
	const response = await page.request.put(`/maps/${mapId}.json`, {
		headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
		data: JSON.stringify({
			baseRevision: current.revision,
			document: { format: current.format, version: current.version, map }
		})
	});
	expect(response.status()).toBe(200);
}

/** The map's relations that do not depend, directly or through other relations, on `removedId`. */
function relationsWithout(map: ArgumentMap, removedId: string): ArgumentMap['relations'] {
	const removed = new Set([removedId]);
	let relations = map.relations;
	for (;;) {
		const kept = relations.filter((relation) => {
			const ends =
				relation.kind === 'support'
					? [...relation.premiseIds, relation.conclusionId]
					: [relation.attackerId, relation.target.id];
			return !ends.some((id) => removed.has(id));
		});
		if (kept.length === relations.length) return kept;
		for (const relation of relations) if (!kept.includes(relation)) removed.add(relation.id);
		relations = kept;
	}
}

function pane(page: Page, side: 'A' | 'B'): Locator {
	return page.getByRole('region', { name: new RegExp(`^Map ${side}\\b`) });
}

/** Selects a statement through its pane's outline, as a keyboard or mouse user would. */
async function selectInOutline(page: Page, side: 'A' | 'B', text: string) {
	const region = pane(page, side);
	await region.getByRole('button', { name: 'Outline', exact: true }).click();
	await region.getByRole('button', { name: text }).first().click();
}

test('a teacher links two opposing commentaries, saves the comparison and shares it with a class', async ({
	browser
}) => {
	test.slow();
	const teacher = await newUser(browser, 'Tanja Teacher');
	const student = await newUser(browser, 'Samir Student');
	const { code } = await createClass(teacher, 'Debattierklub 10a');
	await joinByCode(student, code);

	const proMap = await mappedCommentary(teacher, PRO, PRO_MAP);
	const contraMap = await mappedCommentary(teacher, CONTRA, CONTRA_MAP);

	// From the maps list to the picker, map A already chosen.
	await gotoHydrated(teacher, '/maps');
	await teacher.getByRole('link', { name: `Compare “${PRO.title}” with another map` }).click();
	await expect(teacher).toHaveURL(new RegExp(`/compare\\?a=${proMap}$`));
	await teacher.getByLabel('Map B').selectOption(contraMap);
	await teacher.getByRole('button', { name: 'Compare', exact: true }).click();
	await expect(teacher).toHaveURL(new RegExp(`/compare\\?a=${proMap}&b=${contraMap}$`));
	await expect(pane(teacher, 'A').getByRole('heading', { name: PRO.title })).toBeVisible();
	await expect(pane(teacher, 'B').getByRole('heading', { name: CONTRA.title })).toBeVisible();

	// The best suggestion pairs the two statements about road deaths, and says why.
	const suggestions = teacher.getByRole('region', { name: 'Suggested same claims' });
	const first = suggestions.getByRole('listitem').first();
	await expect(first).toContainText('Ein Tempolimit senkt die Zahl der Verkehrstoten');
	await expect(first).toContainText('Dass ein Tempolimit die Zahl der Verkehrstoten senkt');
	await expect(first).toContainText('Verkehrstoten');
	await first.getByRole('button', { name: 'Accept suggestion 1' }).click();
	await expect(teacher.getByRole('status').filter({ hasText: 'accepted as link 1' })).toBeVisible();

	// A link by hand: the two main claims contradict each other.
	await selectInOutline(teacher, 'A', 'Ein Tempolimit auf Autobahnen ist überfällig');
	await selectInOutline(teacher, 'B', 'Ein generelles Tempolimit auf Autobahnen ist unnötig');
	const builder = teacher.getByRole('region', { name: 'Link two statements' });
	await builder.getByLabel('Kind of link').selectOption('contradicts');
	await builder.getByRole('button', { name: 'Link', exact: true }).click();

	const links = teacher.getByRole('region', { name: 'Links between the maps' });
	await expect(links.getByRole('listitem')).toHaveCount(2);

	await teacher.getByLabel('Title').fill('Tempolimit: pro und contra');
	await teacher.getByLabel('Note').fill('Zwei Sichten auf dieselbe Frage.');
	await teacher.getByRole('button', { name: 'Save comparison' }).click();
	await expect(teacher).toHaveURL(/\/comparisons\/[a-z2-7]{8,}$/);
	const comparisonPath = new URL(teacher.url()).pathname;

	// After a reload both links are still there, in order, with their kinds.
	await gotoHydrated(teacher, comparisonPath);
	const savedLinks = teacher.getByRole('region', { name: 'Links between the maps' });
	await expect(savedLinks.getByRole('listitem')).toHaveCount(2);
	await expect(savedLinks.getByRole('listitem').nth(0)).toContainText('same claim');
	await expect(savedLinks.getByRole('listitem').nth(0)).toContainText(
		'Ein Tempolimit senkt die Zahl der Verkehrstoten'
	);
	await expect(savedLinks.getByRole('listitem').nth(1)).toContainText('contradicts');
	await expect(savedLinks.getByRole('listitem').nth(1)).toContainText(
		'Ein generelles Tempolimit auf Autobahnen ist unnötig'
	);

	// Shared with the class, the student finds it there and reads it, without editing it.
	await teacher.getByLabel('Class', { exact: true }).selectOption({ label: 'Debattierklub 10a' });
	await teacher.getByRole('button', { name: 'Share with class' }).click();
	await expect(teacher.getByRole('status').filter({ hasText: /shared/i })).toBeVisible();

	await gotoHydrated(student, '/classes');
	await student.getByRole('link', { name: 'Debattierklub 10a' }).click();
	await student.getByRole('link', { name: 'Tempolimit: pro und contra' }).click();
	await expect(student).toHaveURL(new RegExp(`${comparisonPath}$`));
	const studentLinks = student.getByRole('region', { name: 'Links between the maps' });
	await expect(studentLinks.getByRole('listitem')).toHaveCount(2);
	await expect(student.getByRole('button', { name: 'Save comparison' })).toHaveCount(0);
	await expect(student.getByText('Zwei Sichten auf dieselbe Frage.')).toBeVisible();

	// The student may read the comparison, not change it.
	const refused = await student.request.post(`${comparisonPath}?/save`, {
		headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
		form: { title: 'Mine now', note: '', links: '[]' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);

	await teacher.context().close();
	await student.context().close();
});

test('two maps of the seed commentary: agreement score and the statements only one map has', async ({
	browser
}) => {
	const reader = await newUser(browser, 'Rita Reader');
	const exampleId = await exampleMapId(reader);
	const example = (await (await reader.request.get(`/maps/${exampleId}.json`)).json()) as {
		map: ArgumentMap;
		format: string;
		version: number;
	};

	// A second reading of the same text: one statement left out, one implicit premise added.
	const dropped = example.map.statements.find((statement) => statement.role === 'premise')!;
	const ownMap: ArgumentMap = {
		statements: [
			...example.map.statements.filter((statement) => statement.id !== dropped.id),
			{
				id: 'own-premise',
				text: 'Eine Waffenruhe ohne Überwachung hält nicht.',
				role: 'premise',
				implicit: true,
				anchors: [],
				note: ''
			}
		],
		relations: relationsWithout(example.map, dropped.id)
	};
	await gotoHydrated(reader, `/maps/${exampleId}`);
	await reader.getByRole('button', { name: 'Make my own copy' }).click();
	await expect(reader).toHaveURL(/\/maps\/[a-z2-7]{8,}$/);
	const copyId = new URL(reader.url()).pathname.split('/').pop()!;
	expect(copyId).not.toBe(exampleId);
	await putMap(reader, copyId, ownMap);

	await gotoHydrated(reader, `/compare?a=${exampleId}&b=${copyId}`);
	const agreement = reader.getByRole('region', { name: 'Agreement' });
	await expect(agreement).toContainText(/\d+ ?% agreement/);
	await expect(agreement).toContainText('span-level F1');
	await expect(agreement.getByText(/^Only in map A \(1\)$/)).toBeVisible();
	await expect(agreement.getByText(/^Only in map B \(1\)$/)).toBeVisible();
	await expect(agreement).toContainText(dropped.text);
	await expect(agreement).toContainText('Eine Waffenruhe ohne Überwachung hält nicht.');

	// The summary table sets the two maps side by side.
	const summary = reader.getByRole('table', { name: 'The two maps in figures' });
	await expect(summary.getByRole('row', { name: /Share of the text covered/ })).toBeVisible();

	await reader.context().close();
});

test('the compare view has no axe violations, in English and German, and stacks on a phone', async ({
	page
}) => {
	const exampleId = await exampleMapId(page);
	for (const locale of ['en', 'de'] as const) {
		await pinLanguage(page, locale);
		await page.setViewportSize({ width: 1280, height: 900 });
		await gotoHydrated(page, `/compare?a=${exampleId}&b=${exampleId}`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expectNoAxeViolations(page);

		await page.setViewportSize({ width: 390, height: 844 });
		const [boxA, boxB] = await Promise.all(
			['a', 'b'].map((side) => page.locator(`[data-pane=${side}]`).boundingBox())
		);
		expect(boxB!.y).toBeGreaterThan(boxA!.y + boxA!.height - 1);
		await expectNoAxeViolations(page);
	}
});

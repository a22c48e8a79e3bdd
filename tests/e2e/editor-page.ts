import type { Locator, Page } from '@playwright/test';
import { expect, gotoHydrated } from './fixtures';

/** Page object for the map editor (English UI). */
export class EditorPage {
	constructor(readonly page: Page) {}

	/** Opens the seeded Aleppo commentary and starts a new map of it. */
	async startMapOfExample() {
		await gotoHydrated(this.page, '/commentaries');
		await this.page.getByRole('link', { name: 'Feuerpause in Aleppo – Kommentar' }).click();
		await this.page.waitForLoadState('networkidle');
		await this.page.getByRole('button', { name: 'Map this commentary' }).click();
		await expect(this.page).toHaveURL(/\/maps\/[a-z2-7]+$/);
		await this.page.waitForLoadState('networkidle');
	}

	get text(): Locator {
		return this.page.getByTestId('anchored-text');
	}

	get outline(): Locator {
		return this.page.getByRole('region', { name: 'Outline' });
	}

	get saveStatus(): Locator {
		return this.page.getByTestId('save-status');
	}

	/** Selects `phrase` in the commentary text as a reader would, by a mouse drag across it. */
	async selectWords(phrase: string) {
		const box = await this.text.evaluate((root, wanted) => {
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const at = node.textContent!.indexOf(wanted);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, at + wanted.length);
				// Centre the words in the scrolling text column, so the drag cannot auto-scroll it.
				let scroller = root.parentElement;
				while (scroller && getComputedStyle(scroller).overflowY !== 'auto') {
					scroller = scroller.parentElement;
				}
				if (scroller) {
					const view = scroller.getBoundingClientRect();
					const words = range.getBoundingClientRect();
					scroller.scrollTop += words.top - (view.top + view.height / 2 - words.height / 2);
				}
				const rects = range.getClientRects();
				const first = rects[0]!;
				const last = rects[rects.length - 1]!;
				return {
					x1: first.left + 1,
					y1: first.top + first.height / 2,
					x2: last.right - 1,
					y2: last.top + last.height / 2
				};
			}
			throw new Error(`Phrase not in one text run: ${wanted}`);
		}, phrase);
		await this.page.mouse.move(box.x1, box.y1);
		await this.page.mouse.down();
		await this.page.mouse.move(box.x2, box.y2, { steps: 8 });
		await this.page.mouse.up();
	}

	/** Creates a statement of `role` from the words, via the menu that appears for a selection. */
	async createFromWords(phrase: string, role: 'Main claim' | 'Premise' | 'Objection') {
		await this.selectWords(phrase);
		await this.page
			.getByRole('toolbar', { name: 'Selected words' })
			.getByRole('button', { name: role, exact: true })
			.click();
	}

	/** The outline button of the statement whose text starts with `prefix`. */
	statementInOutline(prefix: string): Locator {
		return this.outline.locator('[data-outline-statement]').filter({ hasText: prefix }).first();
	}

	/** The words highlighted as the selected statement's, joined. */
	async selectedHighlight(): Promise<string> {
		return (await this.text.locator('mark.selected').allTextContents()).join('');
	}

	async expectSaved() {
		await expect(this.saveStatus).toHaveText('All changes saved', { timeout: 10_000 });
	}
}

/** Presses Tab until `target` has focus: how a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, maxPresses = 200) {
	for (let i = 0; i < maxPresses; i += 1) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Could not reach the element with Tab');
}

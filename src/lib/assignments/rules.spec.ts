import { describe, expect, it } from 'vitest';
import {
	ASSIGNMENT_FEEDBACK_MAX_LENGTH,
	ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH,
	ASSIGNMENT_TITLE_MAX_LENGTH,
	dateInputFromDueAt,
	dueAtFromDateInput,
	formatDueDate,
	validateAssignment,
	validateFeedback,
	type AssignmentInput
} from './rules';

const valid: AssignmentInput = {
	title: '  Aleppo: Feuerpause  ',
	instructions: 'Erste Zeile\r\n\r\n  eingerückt\r\n',
	commentaryId: 'commentary1',
	dueOn: '2026-03-31',
	startingMapId: '',
	referenceMapId: 'reference1',
	suggestionsAllowed: true
};

describe('due dates', () => {
	it('stores the last millisecond of the day in UTC', () => {
		expect(dueAtFromDateInput('2026-03-31')).toBe(Date.parse('2026-03-31T23:59:59.999Z'));
	});

	it('treats an empty field as no due date', () => {
		expect(dueAtFromDateInput('')).toBeNull();
		expect(dueAtFromDateInput('   ')).toBeNull();
	});

	it('refuses what is not a real calendar date', () => {
		for (const text of ['2026-02-30', '2026-13-01', '31.03.2026', '2026-3-31', 'tomorrow']) {
			expect(dueAtFromDateInput(text), text).toBeUndefined();
		}
	});

	it('accepts a leap day only in a leap year', () => {
		expect(dueAtFromDateInput('2028-02-29')).toBe(Date.parse('2028-02-29T23:59:59.999Z'));
		expect(dueAtFromDateInput('2027-02-29')).toBeUndefined();
	});

	it('goes back into the date field as the same day', () => {
		const dueAt = dueAtFromDateInput('2026-01-01');
		expect(dateInputFromDueAt(dueAt ?? null)).toBe('2026-01-01');
		expect(dateInputFromDueAt(null)).toBe('');
	});

	it('is shown in the locale’s format, on the same day in every time zone', () => {
		const dueAt = dueAtFromDateInput('2026-03-31')!;
		expect(formatDueDate(dueAt, 'de')).toBe('31.03.2026');
		expect(formatDueDate(dueAt, 'en')).toBe('Mar 31, 2026');
	});
});

describe('validateAssignment', () => {
	it('cleans a valid form', () => {
		expect(validateAssignment(valid)).toEqual({
			ok: true,
			value: {
				title: 'Aleppo: Feuerpause',
				instructions: 'Erste Zeile\n\n  eingerückt',
				commentaryId: 'commentary1',
				dueAt: Date.parse('2026-03-31T23:59:59.999Z'),
				startingMapId: null,
				referenceMapId: 'reference1',
				suggestionsAllowed: true
			}
		});
	});

	it('names the first problem', () => {
		const cases: [Partial<AssignmentInput>, string][] = [
			[{ title: '   ' }, 'assignment_title_invalid'],
			[{ title: 'x'.repeat(ASSIGNMENT_TITLE_MAX_LENGTH + 1) }, 'assignment_title_invalid'],
			[
				{ instructions: 'x'.repeat(ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH + 1) },
				'assignment_instructions_too_long'
			],
			[{ commentaryId: '' }, 'assignment_commentary_invalid'],
			[{ dueOn: '2026-02-30' }, 'assignment_due_date_invalid']
		];
		for (const [change, code] of cases) {
			expect(validateAssignment({ ...valid, ...change })).toEqual({ ok: false, code });
		}
	});

	it('takes a title of exactly the maximum length', () => {
		const title = 'x'.repeat(ASSIGNMENT_TITLE_MAX_LENGTH);
		expect(validateAssignment({ ...valid, title }).ok).toBe(true);
	});
});

describe('validateFeedback', () => {
	it('keeps the layout inside the text', () => {
		expect(validateFeedback('Gut!\r\n\r\n  - Punkt 1\n')).toEqual({
			ok: true,
			value: 'Gut!\n\n  - Punkt 1'
		});
	});

	it('refuses feedback over the limit', () => {
		expect(validateFeedback('x'.repeat(ASSIGNMENT_FEEDBACK_MAX_LENGTH + 1))).toEqual({
			ok: false,
			code: 'assignment_feedback_too_long'
		});
	});
});

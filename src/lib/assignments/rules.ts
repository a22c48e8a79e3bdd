/** Assignment limits shared by the forms (maxlength, hints) and the server (which enforces them). */
export const ASSIGNMENT_TITLE_MAX_LENGTH = 200;
export const ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH = 5_000;
export const ASSIGNMENT_FEEDBACK_MAX_LENGTH = 5_000;

export const WORK_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export type AssignmentErrorCode =
	| 'assignment_title_invalid'
	| 'assignment_instructions_too_long'
	| 'assignment_due_date_invalid'
	| 'assignment_commentary_invalid'
	| 'assignment_starting_map_invalid'
	| 'assignment_reference_map_invalid'
	| 'assignment_class_archived'
	| 'assignment_work_closed'
	| 'assignment_feedback_too_long'
	| 'assignment_not_returnable'
	| 'assignment_not_started'
	| 'assignment_delete_unconfirmed';

/** The new-assignment form as typed; also what goes back to refill the form after an error. */
export interface AssignmentInput {
	title: string;
	instructions: string;
	commentaryId: string;
	/** `YYYY-MM-DD` from `<input type="date">`, or '' for no due date. */
	dueOn: string;
	startingMapId: string;
	referenceMapId: string;
	suggestionsAllowed: boolean;
}

export interface CleanAssignment {
	title: string;
	instructions: string;
	commentaryId: string;
	dueAt: number | null;
	startingMapId: string | null;
	referenceMapId: string | null;
	suggestionsAllowed: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LAST_MILLISECOND_OF_DAY = 24 * 60 * 60 * 1000 - 1;

/**
 * A due date stored as the last millisecond of that calendar day in UTC, so the day is the same
 * for everyone however far east or west they are; `formatDueDate` shows it back in UTC for that
 * reason. Returns undefined for anything but a real calendar date ('' is no due date: null).
 */
export function dueAtFromDateInput(value: string): number | null | undefined {
	const text = value.trim();
	if (text === '') return null;
	const match = ISO_DATE.exec(text);
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const start = Date.UTC(year, month - 1, day);
	const date = new Date(start);
	const real =
		year >= 1970 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day;
	return real ? start + LAST_MILLISECOND_OF_DAY : undefined;
}

/** The `<input type="date">` value for a stored due date. */
export function dateInputFromDueAt(dueAt: number | null): string {
	return dueAt === null ? '' : new Date(dueAt).toISOString().slice(0, 10);
}

/** The due date in the locale's own date format, e.g. „31.03.2026“ or “Mar 31, 2026”. */
export function formatDueDate(dueAt: number, locale: string): string {
	return new Date(dueAt).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Line endings as one kind; trailing blanks go, the teacher's layout inside the text stays. */
export function normaliseLongText(text: string): string {
	return text.replace(/\r\n?/g, '\n').trim();
}

export function validateAssignment(
	input: AssignmentInput
): { ok: true; value: CleanAssignment } | { ok: false; code: AssignmentErrorCode } {
	const title = input.title.trim();
	const instructions = normaliseLongText(input.instructions);
	if (title.length === 0 || title.length > ASSIGNMENT_TITLE_MAX_LENGTH) {
		return { ok: false, code: 'assignment_title_invalid' };
	}
	if (instructions.length > ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH) {
		return { ok: false, code: 'assignment_instructions_too_long' };
	}
	if (input.commentaryId === '') return { ok: false, code: 'assignment_commentary_invalid' };
	const dueAt = dueAtFromDateInput(input.dueOn);
	if (dueAt === undefined) return { ok: false, code: 'assignment_due_date_invalid' };
	return {
		ok: true,
		value: {
			title,
			instructions,
			commentaryId: input.commentaryId,
			dueAt,
			startingMapId: input.startingMapId || null,
			referenceMapId: input.referenceMapId || null,
			suggestionsAllowed: input.suggestionsAllowed
		}
	};
}

export function validateFeedback(
	text: string
): { ok: true; value: string } | { ok: false; code: 'assignment_feedback_too_long' } {
	const feedback = normaliseLongText(text);
	return feedback.length > ASSIGNMENT_FEEDBACK_MAX_LENGTH
		? { ok: false, code: 'assignment_feedback_too_long' }
		: { ok: true, value: feedback };
}

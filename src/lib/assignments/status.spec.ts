import { describe, expect, it } from 'vitest';
import { WORK_STATUSES } from './rules';
import { workStatusLabel } from './status';

describe('workStatusLabel', () => {
	it('names every status differently', () => {
		const labels = WORK_STATUSES.map(workStatusLabel);
		expect(labels).toEqual(['Not started', 'In progress', 'Submitted', 'Returned']);
	});
});

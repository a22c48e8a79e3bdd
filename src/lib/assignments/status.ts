import { m } from '$lib/paraglide/messages.js';
import type { WorkStatus } from './rules';

const statusLabels: Record<WorkStatus, () => string> = {
	not_started: () => m.assignment_status_not_started(),
	in_progress: () => m.assignment_status_in_progress(),
	submitted: () => m.assignment_status_submitted(),
	returned: () => m.assignment_status_returned()
};

export function workStatusLabel(status: WorkStatus): string {
	return statusLabels[status]();
}

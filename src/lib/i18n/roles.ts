import type { StatementRole } from '$lib/argument';
import { m } from '$lib/paraglide/messages.js';

const roleNames: Record<StatementRole, () => string> = {
	main_claim: () => m.role_main_claim(),
	intermediate_conclusion: () => m.role_intermediate_conclusion(),
	premise: () => m.role_premise(),
	objection: () => m.role_objection()
};

export function roleName(role: StatementRole): string {
	return roleNames[role]();
}

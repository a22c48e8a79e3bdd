import type { OutlineLabels } from '$lib/interchange/markdown';
import { m } from '$lib/paraglide/messages.js';
import { roleName } from './roles';

/** The outline's wording in the current UI language, for exports such as Markdown. */
export function outlineLabels(): OutlineLabels {
	return {
		roles: {
			main_claim: roleName('main_claim'),
			intermediate_conclusion: roleName('intermediate_conclusion'),
			premise: roleName('premise'),
			objection: roleName('objection')
		},
		implicit: m.outline_implicit(),
		support: m.outline_support(),
		linkedSupport: m.outline_linked_support(),
		rebuttal: m.outline_rebuttal(),
		undercut: m.outline_undercut(),
		seeAbove: m.outline_reference()
	};
}

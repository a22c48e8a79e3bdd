import type { CrossLink } from '$lib/compare/cross-links';
import { choiceOfLink, type LinkChoice } from '$lib/compare/link-list';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

/** A share from 0 to 1 as a whole percentage in the reader's language ("82 %", "82%"). */
export function percent(share: number): string {
	return new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
		share
	);
}

const choiceNames: Record<LinkChoice, () => string> = {
	same_claim: () => m.compare_kind_same_claim(),
	contradicts: () => m.compare_kind_contradicts(),
	supports_a_to_b: () => m.compare_kind_supports_a_to_b(),
	supports_b_to_a: () => m.compare_kind_supports_b_to_a()
};

export function choiceName(choice: LinkChoice): string {
	return choiceNames[choice]();
}

/** What a link says: "same claim", "contradicts", "A supports B". */
export function linkKindName(link: CrossLink): string {
	return choiceName(choiceOfLink(link));
}

export function quoted(text: string): string {
	return m.compare_quoted({ text });
}

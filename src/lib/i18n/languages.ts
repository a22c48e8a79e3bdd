import type { CommentaryLanguage } from '$lib/commentary/rules';
import { m } from '$lib/paraglide/messages.js';

const languageNames: Record<CommentaryLanguage, () => string> = {
	de: () => m.commentary_lang_de(),
	en: () => m.commentary_lang_en(),
	other: () => m.commentary_lang_other()
};

export function languageName(language: CommentaryLanguage): string {
	return languageNames[language]();
}

/** The `lang` attribute for a commentary's text; 'other' is no language tag, so none is set. */
export function htmlLang(language: string): string | undefined {
	return language === 'de' || language === 'en' ? language : undefined;
}

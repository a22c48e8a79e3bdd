import type { SuggestLanguage } from './types';

/**
 * Abbreviations whose full stop never ends a sentence: titles before names and shortenings that
 * are followed by more of the sentence. Lower case, without the final full stop; dotted forms
 * such as „z.B.“ or "e.g." and single letters („F. W.“, „z. B.“) are recognised by their shape.
 */
const NON_FINAL: Record<SuggestLanguage, readonly string[]> = {
	de: words(`
		abb abs abt allg anm art bd bspw bzgl bzw ca chr dipl dr evtl fa fr gem ggf hr hrsg inkl
		insb jh jhd kap lt max mind mio mrd nr prof rd sog st str tel tsd usf vgl vs zb zit zz
		zzt ebd gegr geb gest ehem jun sen verh ausg aufl bzgl dgl eigtl entspr erw ggü gr hl
		ing jur kath evang lat med mil mod nachf nat orig phil pol präs reg röm sek spez stellv
		svw urspr verw vorm wg zt zus
	`),
	en: words(`
		approx apr aug capt cf col corp dec dept dr e.g est feb fig gen gov hon i.e inc jan jr
		jul jun lt ltd maj mar messrs mr mrs ms mt nov oct op p pp prof rep rev sen sep sept sgt
		sr st vol vs viz
	`)
};

/**
 * Abbreviations that may also close a sentence („… und Birnen usw. Danach …“): their full stop
 * ends the sentence only when a typical sentence opener follows.
 */
const MAYBE_FINAL: Record<SuggestLanguage, readonly string[]> = {
	de: words(`
		usw etc uvm ua o.ä oä ff f pp co
	`),
	en: words(`
		al co ff pp u.s u.k a.m p.m
	`)
};

/**
 * Closed-class words that open sentences (articles, pronouns, conjunctions, sentence adverbs).
 * German capitalises every noun, so after „3.“ or „usw.“ only such a word shows that a new
 * sentence began („am 3. Oktober“ goes on, „Platz 3. Die Mannschaft …“ does not).
 */
const OPENERS: Record<SuggestLanguage, readonly string[]> = {
	de: words(`
		aber allerdings also am an auch auf aus außerdem bei da dabei dadurch daher damals damit
		dann darum das dass dem den denn der deshalb deswegen dennoch des die dies diese dieser
		dieses doch du ein eine einer er es folglich für heute ich ihr im immer in jedoch jetzt
		kein keine man mit nach nun ob obwohl oder schließlich seit sie so somit sonst trotzdem
		und unser unsere viele vor während wann warum was weil wenn wer wie wir wo zudem zum zur
	`),
	en: words(`
		a after also although an and as at but by for he her his however if in it its many
		moreover my nor not of on or our she since so some that the their then there therefore
		these they this those thus to we what when where which while who why yet you your i no
	`)
};

const MONTHS_DE = words(`
	januar jänner februar märz april mai juni juli august september oktober november dezember
	jan feb mär apr jun jul aug sep sept okt nov dez jahrhundert jh jhd
`);

const nonFinal = byLanguage(NON_FINAL);
const maybeFinal = byLanguage(MAYBE_FINAL);
const openers = byLanguage(OPENERS);
const monthsDe = new Set(MONTHS_DE);

function words(list: string): string[] {
	return list.trim().split(/\s+/);
}

function byLanguage(lists: Record<SuggestLanguage, readonly string[]>) {
	return {
		de: new Set(lists.de),
		en: new Set(lists.en)
	} satisfies Record<SuggestLanguage, Set<string>>;
}

/** How the word in front of a full stop bears on whether the stop ends the sentence. */
export type StopKind = 'never' | 'if_opener_follows' | 'ordinary';

/**
 * Classifies the word (without its final full stop) that stands before a full stop followed by
 * a space: abbreviations, initials and (German) ordinals do not end a sentence.
 */
export function classifyStop(word: string, language: SuggestLanguage): StopKind {
	const lower = word.toLowerCase();
	if (/^\p{L}$/u.test(word)) return 'never';
	if (maybeFinal[language].has(lower)) return 'if_opener_follows';
	if (nonFinal[language].has(lower)) return 'never';
	// German ordinals („am 3. Mai“, „zum 100. Mal“) have at most three digits; years end sentences.
	if (/^\d{1,3}$/.test(word)) return language === 'de' ? 'if_opener_follows' : 'ordinary';
	if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word)) {
		return /^\p{Lu}/u.test(word) ? 'if_opener_follows' : 'never';
	}
	return 'ordinary';
}

/** Whether the word (as written) typically opens a sentence in the language. */
export function isSentenceOpener(word: string, language: SuggestLanguage): boolean {
	if (!/^\p{Lu}/u.test(word)) return false;
	const lower = word.toLowerCase();
	if (language === 'de' && monthsDe.has(lower)) return false;
	return openers[language].has(lower);
}

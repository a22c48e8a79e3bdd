import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { CommentaryLanguage } from '$lib/commentary/rules';

type StemLanguage = 'de' | 'en';

// Negations are deliberately missing from both lists: "X is no solution" is not the same claim as
// "X is a solution", so the word that tells them apart must count.
const STOP_WORDS: Record<StemLanguage, ReadonlySet<string>> = {
	de: new Set(
		(
			'der die das den dem des ein eine einer eines einem einen und oder aber doch denn sondern ' +
			'ist sind war waren wird werden wurde wurden sein seine seiner seinen seinem hat haben hatte ' +
			'hatten kann können muss müssen soll sollen sollte will wollen ich du er sie es wir ihr man ' +
			'sich ihm ihn ihnen ihre ihrer ihren uns mit von vom zu zum zur im in an am auf aus bei für ' +
			'gegen nach über unter um vor durch als wie wenn dass daß weil ob so auch noch nur schon sehr ' +
			'mehr dies diese dieser dieses diesen diesem was wer wo da dann hier dort ja bis ohne'
		).split(' ')
	),
	en: new Set(
		(
			'the a an and or but if then so as of to in on at by for from with about into over under ' +
			'is are was were be been being has have had do does did will would can could shall should ' +
			'must may might i you he she it we they me him her us them my your his its our their this ' +
			'that these those there here what which who whom whose when where why how than too very ' +
			'also just only more most such all any some each both own same other thats theres'
		).split(' ')
	)
};

const STEMMER_NAMES: Record<StemLanguage, string> = { de: 'german', en: 'english' };
const stemmers = new Map<StemLanguage, Stemmer>();

function stemmerFor(language: StemLanguage): Stemmer {
	let stemmer = stemmers.get(language);
	if (!stemmer) {
		stemmer = newStemmer(STEMMER_NAMES[language]);
		stemmers.set(language, stemmer);
	}
	return stemmer;
}

// Letters, marks and digits, with apostrophes inside a word ("ceasefire's") kept in the word.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHES = /['’ʼ]/gu;
const DIGITS_ONLY = /^\p{N}+$/u;

/** A word of a text: how it is written there, and the stem it is compared by. */
export interface Token {
	word: string;
	stem: string;
}

/** The language whose stop words occur more often in `text`; undefined when there are none. */
export function guessLanguage(text: string): StemLanguage | undefined {
	let de = 0;
	let en = 0;
	for (const [word] of text.normalize('NFKC').matchAll(WORD)) {
		const folded = fold(word);
		if (STOP_WORDS.de.has(folded)) de++;
		if (STOP_WORDS.en.has(folded)) en++;
	}
	if (de === en) return undefined;
	return de > en ? 'de' : 'en';
}

/**
 * The words of `text` that carry meaning, in text order: NFKC-normalised, case, punctuation,
 * quotation marks and apostrophes folded away, stop words dropped, each stemmed by the Snowball
 * stemmer of its language. Without a German or English language, the language is guessed from
 * the text; when even that fails, words are only folded and both stop-word lists apply.
 */
export function tokenize(text: string, language?: CommentaryLanguage): Token[] {
	const stemLanguage = language === 'de' || language === 'en' ? language : guessLanguage(text);
	const tokens: Token[] = [];
	for (const [word] of text.normalize('NFKC').matchAll(WORD)) {
		const folded = fold(word);
		if (isStopWord(folded, stemLanguage)) continue;
		if (folded.length < 2 && !DIGITS_ONLY.test(folded)) continue;
		const stem =
			stemLanguage && !DIGITS_ONLY.test(folded) ? stemmerFor(stemLanguage).stem(folded) : folded;
		tokens.push({ word, stem });
	}
	return tokens;
}

function fold(word: string): string {
	return word.replace(APOSTROPHES, '').toLowerCase();
}

function isStopWord(folded: string, language: StemLanguage | undefined): boolean {
	if (language) return STOP_WORDS[language].has(folded);
	return STOP_WORDS.de.has(folded) || STOP_WORDS.en.has(folded);
}

/** A text's distinct stems, each with the first word it was written as. */
export type TextProfile = ReadonlyMap<string, string>;

export function textProfile(text: string, language?: CommentaryLanguage): TextProfile {
	const profile = new Map<string, string>();
	for (const token of tokenize(text, language)) {
		if (!profile.has(token.stem)) profile.set(token.stem, token.word);
	}
	return profile;
}

/** A stem both texts use, with the word each of them wrote it as. */
export interface SharedWord {
	stem: string;
	wordA: string;
	wordB: string;
}

export interface TextSimilarity {
	/** From 0 (no stem in common) to 1 (the same stems). */
	score: number;
	/** In the order of text A. */
	sharedWords: SharedWord[];
}

/** How much a stem counts; a stem every statement uses says little about which two belong together. */
export type StemWeight = (stem: string) => number;

const EVEN_WEIGHT: StemWeight = () => 1;

/**
 * Dice's coefficient over the two texts' stems, each stem counted with its `weight`:
 * twice the weight both share, divided by the weight of each added up.
 */
export function textSimilarity(
	a: TextProfile,
	b: TextProfile,
	weight: StemWeight = EVEN_WEIGHT
): TextSimilarity {
	const sharedWords: SharedWord[] = [];
	for (const [stem, wordA] of a) {
		const wordB = b.get(stem);
		if (wordB !== undefined) sharedWords.push({ stem, wordA, wordB });
	}
	const score = similarityScore(a, b, weight, profileWeight(a, weight), profileWeight(b, weight));
	return { score, sharedWords };
}

/**
 * Inverse document frequency over `profiles` (smoothed, so every stem weighs more than 0):
 * a stem found in few of them weighs more than one found in most, and one found in none weighs as
 * much as one found in just one.
 */
export function inverseDocumentFrequency(profiles: readonly TextProfile[]): StemWeight {
	const documentFrequency = new Map<string, number>();
	for (const profile of profiles) {
		for (const stem of profile.keys()) {
			documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
		}
	}
	const count = Math.max(profiles.length, 1);
	// Weighed once per stem: comparing two large maps asks for each weight many times.
	const weights = new Map<string, number>();
	for (const [stem, frequency] of documentFrequency) {
		weights.set(stem, Math.log(1 + count / frequency));
	}
	const unseen = Math.log(1 + count);
	return (stem) => weights.get(stem) ?? unseen;
}

/** The weight of all of a profile's stems, the part of Dice's denominator each text brings. */
export function profileWeight(profile: TextProfile, weight: StemWeight = EVEN_WEIGHT): number {
	let total = 0;
	for (const stem of profile.keys()) total += weight(stem);
	return total;
}

/**
 * textSimilarity's score alone, from the profiles' precomputed weights: ranking many pairs needs
 * the score of each but the shared words of only the few that are shown.
 */
export function similarityScore(
	a: TextProfile,
	b: TextProfile,
	weight: StemWeight,
	weightA: number,
	weightB: number
): number {
	const total = weightA + weightB;
	if (total <= 0) return 0;
	// In A's order, so that the same pair always adds up to the very same score.
	let shared = 0;
	for (const stem of a.keys()) if (b.has(stem)) shared += weight(stem);
	return (2 * shared) / total;
}

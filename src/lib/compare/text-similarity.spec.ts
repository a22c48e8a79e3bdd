import { describe, expect, it } from 'vitest';
import {
	guessLanguage,
	inverseDocumentFrequency,
	textProfile,
	textSimilarity,
	tokenize
} from './text-similarity';

const stems = (text: string, language?: 'de' | 'en' | 'other') =>
	tokenize(text, language).map((token) => token.stem);

describe('tokenize', () => {
	it('folds case, punctuation, „German quotes“ and apostrophes, keeping the written word', () => {
		expect(tokenize('„WAFFENRUHE“ – sofort!', 'de')).toEqual([
			{ word: 'WAFFENRUHE', stem: 'waffenruh' },
			{ word: 'sofort', stem: 'sofort' }
		]);
		expect(tokenize("The ceasefire's terms", 'en')).toEqual([
			{ word: "ceasefire's", stem: 'ceasefir' },
			{ word: 'terms', stem: 'term' }
		]);
		expect(stems('Merkel’s Plan', 'de')).toEqual(stems("Merkel's Plan", 'de'));
	});

	it('normalises to NFKC, so ligatures and full-width letters read as plain letters', () => {
		expect(stems('Ｗａｆｆｅｎｒｕｈｅ', 'de')).toEqual(['waffenruh']);
		expect(stems('ﬁnanziert', 'de')).toEqual(stems('finanziert', 'de'));
	});

	it('drops stop words of the language but keeps negations', () => {
		expect(stems('Die Regierung und der Staat', 'de')).toEqual(['regier', 'staat']);
		expect(stems('The government and the state', 'en')).toEqual(['govern', 'state']);
		expect(stems('Das ist keine Lösung', 'de')).toEqual(['kein', 'losung']);
		expect(stems('This is not a solution', 'en')).toEqual(['not', 'solut']);
	});

	it('keeps numbers and drops single letters', () => {
		expect(stems('3 Prozent, 2 x mehr', 'de')).toEqual(['3', 'prozent', '2']);
	});

	it('guesses the language when the commentary has none of the two', () => {
		expect(guessLanguage('Die Waffenruhe ist das Ziel der Gespräche')).toBe('de');
		expect(guessLanguage('The ceasefire is the aim of the talks')).toBe('en');
		expect(guessLanguage('Waffenruhe')).toBeUndefined();
		expect(stems('Die Waffenruhen sind das Ziel', 'other')).toEqual(['waffenruh', 'ziel']);
		// Without a language to stem by, words are only folded.
		expect(stems('Waffenruhen', 'other')).toEqual(['waffenruhen']);
	});
});

describe('textSimilarity', () => {
	it('matches „Waffenruhe“ with „Waffenruhen“ and names both words as the reason', () => {
		const similarity = textSimilarity(
			textProfile('Die Waffenruhe muss halten.', 'de'),
			textProfile('Waffenruhen halten nie.', 'de')
		);
		expect(similarity.sharedWords).toEqual([
			{ stem: 'waffenruh', wordA: 'Waffenruhe', wordB: 'Waffenruhen' },
			{ stem: 'halt', wordA: 'halten', wordB: 'halten' }
		]);
		// Stems {waffenruh, halt} and {waffenruh, halt, nie}: 2·2 / (2 + 3).
		expect(similarity.score).toBeCloseTo(0.8);
	});

	it('matches "ceasefire" with "ceasefires"', () => {
		const similarity = textSimilarity(
			textProfile('A ceasefire now', 'en'),
			textProfile('Ceasefires now!', 'en')
		);
		expect(similarity.score).toBe(1);
		expect(similarity.sharedWords.map((word) => [word.wordA, word.wordB])).toEqual([
			['ceasefire', 'Ceasefires'],
			['now', 'now']
		]);
	});

	it('ignores stop words: texts sharing only those have nothing in common', () => {
		const similarity = textSimilarity(
			textProfile('Das ist in der Tat so', 'de'),
			textProfile('Das ist in der Stadt so', 'de')
		);
		expect(similarity).toEqual({ score: 0, sharedWords: [] });
	});

	it('gives 0 for empty texts and 1 for the same words in another order', () => {
		expect(textSimilarity(textProfile(''), textProfile('')).score).toBe(0);
		expect(textSimilarity(textProfile('', 'de'), textProfile('Waffenruhe', 'de')).score).toBe(0);
		expect(
			textSimilarity(
				textProfile('Schulden belasten Generationen', 'de'),
				textProfile('Generationen belasten Schulden', 'de')
			).score
		).toBe(1);
	});

	it('weighs a stem every text uses less than a rare one', () => {
		const debts = textProfile('Schulden Brücken', 'de');
		const weight = inverseDocumentFrequency([
			debts,
			textProfile('Schulden Schulen', 'de'),
			textProfile('Schulden Hallen', 'de')
		]);
		expect(weight('schuld')).toBeLessThan(weight('bruck'));
		expect(weight('unbekannt')).toBe(weight('bruck'));

		const sharesRare = textProfile('Brücken Straßen', 'de');
		const sharesCommon = textProfile('Schulden Straßen', 'de');
		expect(textSimilarity(debts, sharesRare).score).toBe(0.5);
		expect(textSimilarity(debts, sharesCommon).score).toBe(0.5);
		expect(textSimilarity(debts, sharesRare, weight).score).toBeGreaterThan(
			textSimilarity(debts, sharesCommon, weight).score
		);
	});
});

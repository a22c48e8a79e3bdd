import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLanguage, type CorpusText, type LanguageEvaluation } from '$lib/suggest/evaluate';
import { readGold } from '$lib/suggest/gold';
import { CORPUS_LANGUAGES, readCorpusLanguage } from '../../scripts/suggest-corpus';

/*
 * Runs the suggester's evaluation (`npm run eval:suggest`) on the arg-microtexts corpus, read from
 * ../shared at run time and never copied into the project (CC BY-NC-SA). It checks that the
 * evaluation covers the whole corpus, not how good the scores are: the rules are still being tuned.
 */
const CORPUS = path.resolve(process.cwd(), '../shared/corpus/microtexts');
const corpusExists = existsSync(CORPUS);

describe.skipIf(!corpusExists)(
	corpusExists
		? 'suggestion evaluation on the arg-microtexts corpus'
		: `suggestion evaluation on the arg-microtexts corpus: skipped, ${CORPUS} does not exist`,
	() => {
		describe.each(CORPUS_LANGUAGES)('%s', (language) => {
			let corpus: CorpusText[] = [];
			let evaluation: LanguageEvaluation;
			beforeAll(() => {
				corpus = readCorpusLanguage(CORPUS, language);
				evaluation = evaluateLanguage(language, corpus);
			});

			it('parses every text of the corpus', () => {
				expect(corpus.length).toBeGreaterThan(0);
				expect(evaluation.structure.texts).toBe(corpus.length);
				for (const text of corpus) expect(readGold(text.xml).ok, text.name).toBe(true);
			});

			it('locates every gold unit in its raw text', () => {
				expect(evaluation.unitsNotLocated).toBe(0);
				for (const text of evaluation.texts) {
					expect(text.units, text.name).toBeGreaterThan(1);
					expect(text.unitsNotLocated, text.name).toBe(0);
				}
				const { truePositives, falseNegatives } = evaluation.boundaries;
				const goldBoundaries = evaluation.texts.reduce((sum, text) => sum + text.units - 1, 0);
				expect(truePositives + falseNegatives).toBe(goldBoundaries);
			});

			it('scores every level as a number between 0 and 1', () => {
				const { structure, boundaries } = evaluation;
				const scores = [
					structure.ccAccuracy,
					structure.cc,
					structure.ro,
					structure.fu,
					structure.at,
					boundaries.precision,
					boundaries.recall,
					boundaries.f1
				];
				for (const score of scores) {
					expect(Number.isFinite(score)).toBe(true);
					expect(score).toBeGreaterThanOrEqual(0);
					expect(score).toBeLessThanOrEqual(1);
				}
			});

			it('reads gold stances that follow from the reduced tree', () => {
				for (const text of corpus) {
					const result = readGold(text.xml);
					if (!result.ok) expect.fail(text.name);
					const { units } = result.gold;
					expect(
						units.filter((unit) => unit.function === 'central_claim'),
						text.name
					).toHaveLength(1);
					const stance = (index: number, depth = 0): string => {
						const unit = units[index];
						if (!unit || unit.target === null || depth > units.length) return 'pro';
						const targetStance = stance(unit.target, depth + 1);
						if (unit.function === 'support') return targetStance;
						return targetStance === 'pro' ? 'opp' : 'pro';
					};
					units.forEach((unit, index) => expect(unit.stance, text.name).toBe(stance(index)));
				}
			});
		});
	}
);

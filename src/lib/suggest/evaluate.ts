import { locateUnits, readGold, type GoldText } from './gold';
import {
	boundaries,
	boundaryScores,
	centralClaimOf,
	structureScores,
	textEnd,
	type BoundaryScores,
	type StructureScores
} from './metrics';
import { segmentText } from './segment';
import { analyseStructure } from './structure';
import type { SuggestLanguage, UnitAnalysis } from './types';

/** A text of a gold corpus: its name, its arggraph XML and its raw text. */
export interface CorpusText {
	name: string;
	xml: string;
	text: string;
}

export interface TextEvaluation {
	name: string;
	units: number;
	centralClaimFound: boolean;
	/** Units whose function, target and stance all match the gold tree. */
	unitsRight: number;
	/** Gold units whose EDUs were not all found in the raw text. */
	unitsNotLocated: number;
	boundaries: { truePositives: number; falsePositives: number; falseNegatives: number };
}

export interface LanguageEvaluation {
	language: SuggestLanguage;
	structure: StructureScores;
	boundaries: BoundaryScores;
	/** Gold units (over all texts) that could not be located in their raw text. */
	unitsNotLocated: number;
	texts: TextEvaluation[];
}

/** What the issue asks of the suggester on the corpus, both languages. */
export const TARGETS = {
	ccAccuracy: 0.9,
	ro: 0.9,
	fu: 0.9,
	at: 0.85,
	boundaryF1: 0.92
} as const;

export type TargetName = keyof typeof TARGETS;

export function scoreOf(evaluation: LanguageEvaluation, target: TargetName): number {
	return target === 'boundaryF1' ? evaluation.boundaries.f1 : evaluation.structure[target];
}

/**
 * Scores the suggester on gold texts of one language: the structure over the gold units (their
 * texts given to analyseStructure) and the segmentation of the raw text against the gold units.
 * Throws, naming the text, when a text's XML cannot be read.
 */
export function evaluateLanguage(
	language: SuggestLanguage,
	corpus: readonly CorpusText[]
): LanguageEvaluation {
	const scored = corpus.map(({ name, xml, text }) => {
		const gold = goldOf(name, xml);
		const predicted = analyse(name, gold, language);
		const located = locateUnits(text, gold);
		const end = textEnd(text);
		const goldBoundaries = boundaries(
			located.filter((span) => span !== null),
			end
		);
		const predictedBoundaries = boundaries(segmentText(text, language), end);
		const boundary = boundaryScores([{ gold: goldBoundaries, predicted: predictedBoundaries }]);
		const evaluation: TextEvaluation = {
			name,
			units: gold.units.length,
			centralClaimFound: centralClaimOf(gold.units) === centralClaimOf(predicted),
			unitsRight: gold.units.filter((unit, index) => {
				const guess = predicted[index];
				return (
					guess?.function === unit.function &&
					guess.target === unit.target &&
					guess.stance === unit.stance
				);
			}).length,
			unitsNotLocated: located.filter((span) => span === null).length,
			boundaries: {
				truePositives: boundary.truePositives,
				falsePositives: boundary.falsePositives,
				falseNegatives: boundary.falseNegatives
			}
		};
		return { gold, predicted, goldBoundaries, predictedBoundaries, evaluation };
	});

	const texts = scored.map(({ evaluation }) => evaluation);
	return {
		language,
		structure: structureScores(
			scored.map(({ gold, predicted }) => ({ gold: gold.units, predicted }))
		),
		boundaries: boundaryScores(
			scored.map(({ goldBoundaries, predictedBoundaries }) => ({
				gold: goldBoundaries,
				predicted: predictedBoundaries
			}))
		),
		unitsNotLocated: texts.reduce((sum, text) => sum + text.unitsNotLocated, 0),
		texts
	};
}

function goldOf(name: string, xml: string): GoldText {
	const parsed = readGold(xml);
	if (!parsed.ok) {
		const { code, detail } = parsed.error;
		throw new Error(`${name}: cannot read the arggraph (${code}${detail ? `: ${detail}` : ''})`);
	}
	return parsed.gold;
}

function analyse(name: string, gold: GoldText, language: SuggestLanguage): UnitAnalysis[] {
	const analyses = analyseStructure(
		gold.units.map((unit) => unit.text),
		language
	);
	if (analyses.length !== gold.units.length) {
		throw new Error(
			`${name}: analyseStructure returned ${analyses.length} analyses for ${gold.units.length} units`
		);
	}
	return analyses;
}

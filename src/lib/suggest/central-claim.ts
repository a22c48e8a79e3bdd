import { firstCue, hasCue, type UnitCues } from './cues';
import type { ReasonCode } from './reasons';
import { isFrontedClause } from './stance';
import type { Reason } from './types';

export interface ClaimChoice {
	index: number;
	reasons: Reason[];
}

interface Evidence {
	weight: number;
	/** What the observation says for the unit, made a Reason only for the chosen unit. */
	code?: ReasonCode;
	connective?: string;
}

/**
 * Chooses the central claim: the unit that says what should be done or concludes, preferably at
 * the start or the end of the text, and that neither gives a reason nor grants an objection.
 */
export function chooseCentralClaim(units: readonly UnitCues[]): ClaimChoice {
	if (units.length <= 1) return { index: 0, reasons: [{ code: 'claim_only_unit' }] };
	let best: { index: number; score: number; evidence: Evidence[] } | undefined;
	units.forEach((unit, index) => {
		const evidence = claimEvidence(unit, index, units);
		const score = evidence.reduce((sum, item) => sum + item.weight, 0);
		if (!best || score > best.score) best = { index, score, evidence };
	});
	const chosen = best!;
	const reasons = chosen.evidence
		.filter((item): item is Evidence & { code: ReasonCode } => item.weight > 0 && !!item.code)
		.sort((a, b) => b.weight - a.weight)
		.map(({ code, connective }): Reason =>
			connective ? { code, params: { connective } } : { code }
		);
	if (!reasons.length) reasons.push({ code: 'claim_no_better_candidate' });
	return { index: chosen.index, reasons };
}

/** How much each observation counts for a unit being the central claim (set on the corpus). */
const claimWeights = {
	conclusion: 2,
	result: 1,
	deontic: 2.5,
	opinion: 2,
	evaluation: 2.5,
	resumption: 1.5,
	first: 1.5,
	last: 1.2,
	reason: -3,
	granted: -4,
	contrast: -2,
	question: -2,
	coordinated: -2,
	continuation: -1
};

function claimEvidence(unit: UnitCues, index: number, units: readonly UnitCues[]): Evidence[] {
	const w = claimWeights;
	const count = units.length;
	const evidence: Evidence[] = [];
	const add = (weight: number, code?: ReasonCode, connective?: string) =>
		evidence.push({ weight, code, connective });
	const conclusion = firstCue(unit, 'conclusion');
	if (conclusion) add(w.conclusion, 'claim_conclusion', conclusion.words);
	const result = firstCue(unit, 'result');
	if (result && !conclusion) add(w.result, 'claim_conclusion', result.words);
	const deontic = firstCue(unit, 'deontic');
	if (deontic) add(w.deontic, 'claim_deontic', deontic.words);
	const opinion = firstCue(unit, 'opinion');
	if (opinion) add(w.opinion, 'claim_opinion', opinion.words);
	const evaluation = firstCue(unit, 'evaluation');
	if (evaluation && !deontic) add(w.evaluation, 'claim_evaluation', evaluation.words);
	const resumption = firstCue(unit, 'resumption');
	if (resumption) add(w.resumption, 'claim_resumption', resumption.words);
	if (index === 0) add(w.first, 'claim_first_unit');
	else if (index === count - 1) add(w.last, 'claim_last_unit');
	if (hasCue(unit, 'reason', 'addition', 'example')) add(w.reason);
	if (hasCue(unit, 'concession', 'opponent')) add(w.granted);
	if (unit.cues.some((cue) => cue.kind === 'contrast' && cue.wordIndex === 0)) add(w.contrast);
	if (unit.coordinated) add(w.coordinated);
	else if (unit.continuesSentence && !isFrontedClause(units[index - 1])) add(w.continuation);
	if (unit.question) add(w.question);
	return evidence;
}

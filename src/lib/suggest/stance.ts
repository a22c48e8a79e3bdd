import { hasCue, type UnitCues } from './cues';
import type { Stance } from './types';

const STANCES: readonly Stance[] = ['pro', 'opp'];

/**
 * Decides whose voice each unit speaks in, as the most coherent reading of the whole text:
 * concessions and reported views speak for the other side, a contrast switches sides, reasons
 * and continuations stay on the side of the unit before. The central claim is the author's.
 */
export function readVoices(units: readonly UnitCues[], claim: number): Stance[] {
	// Viterbi over the two voices: scores[s] is the best reading of the units so far whose last
	// unit speaks in voice s; origins[i][s] is the voice of unit i-1 in that reading
	let scores: Record<Stance, number> = { pro: 0, opp: 0 };
	const origins: Record<Stance, Stance>[] = [];
	units.forEach((unit, index) => {
		const previous = units[index - 1];
		const isClaim = index === claim;
		const next: Record<Stance, number> = { pro: -Infinity, opp: -Infinity };
		const origin: Record<Stance, Stance> = { pro: 'pro', opp: 'pro' };
		const keep = previous ? transitionScore(previous, unit, false, isClaim) : 0;
		const change = previous ? transitionScore(previous, unit, true, isClaim) : 0;
		for (const stance of STANCES) {
			const own = isClaim && stance === 'opp' ? -Infinity : voiceScore(unit, stance);
			if (!previous) {
				next[stance] = own;
				continue;
			}
			for (const before of STANCES) {
				const score = scores[before] + (before === stance ? keep : change) + own;
				if (score > next[stance]) {
					next[stance] = score;
					origin[stance] = before;
				}
			}
		}
		scores = next;
		origins.push(origin);
	});
	const stances: Stance[] = [];
	let stance: Stance = scores.pro >= scores.opp ? 'pro' : 'opp';
	for (let index = units.length - 1; index >= 0; index--) {
		stances[index] = stance;
		stance = origins[index]?.[stance] ?? 'pro';
	}
	return stances;
}

/**
 * How strongly each observation speaks for a reading (log-odds-like, set on the corpus):
 * `…Opp` for a unit in the other side's voice, `…Switch` and `…Same` for a change of voice from
 * the unit before, or none.
 */
const voiceWeights = {
	grantedOpp: 3.5,
	opp: -0.5,
	resumptionOpp: -2,
	answerInSentenceOpp: -3,
	newSentenceContrastOpp: 0.5,
	coordinatedObjection: 1,
	answerToConcession: 3,
	contrastSwitch: 3,
	secondContrastSwitch: 0,
	resumptionSwitch: 1,
	continuationSame: 2,
	additionSame: 0.5,
	plainSame: 1.5,
	concludedFromSame: 1
};

function voiceScore(unit: UnitCues, stance: Stance): number {
	const w = voiceWeights;
	if (stance === 'pro') return 0;
	if (hasCue(unit, 'concession', 'opponent')) return w.grantedOpp;
	let score = w.opp;
	if (hasCue(unit, 'resumption', 'opinion')) score += w.resumptionOpp;
	// "X, but Y": the sentence grants X and goes on in the author's voice
	if (hasCue(unit, 'contrast')) {
		score += unit.continuesSentence ? w.answerInSentenceOpp : w.newSentenceContrastOpp;
	}
	return score;
}

/** How strongly the unit's cues speak for keeping or switching the voice of the unit before. */
function transitionScore(
	previous: UnitCues,
	unit: UnitCues,
	switches: boolean,
	isClaim: boolean
): number {
	const w = voiceWeights;
	// the claim's voice is fixed; only a conclusion says the unit before was on its side
	if (isClaim) return !switches && hasCue(unit, 'conclusion') ? w.concludedFromSame : 0;
	if (hasCue(unit, 'concession', 'opponent')) {
		return unit.coordinated && !switches ? w.coordinatedObjection : 0;
	}
	const continuation = unit.coordinated || hasCue(unit, 'reason', 'example', 'addition');
	if (isConcessiveClause(previous) && unit.continuesSentence && !continuation) {
		return switches ? w.answerToConcession : 0;
	}
	if (hasCue(unit, 'contrast')) {
		// a second "but" in a row rarely turns back to the objection just answered
		const weight = hasCue(previous, 'contrast') ? w.secondContrastSwitch : w.contrastSwitch;
		return switches ? weight : 0;
	}
	if (hasCue(unit, 'resumption')) return switches ? w.resumptionSwitch : 0;
	if (unit.coordinated || unit.continuesSentence || hasCue(unit, 'reason', 'example')) {
		return switches ? 0 : w.continuationSame;
	}
	if (hasCue(unit, 'addition')) return switches ? 0 : w.additionSame;
	return switches ? 0 : w.plainSame;
}

/** A clause granting the other side that the sentence goes on to answer („Zwar …, aber …“). */
export function isConcessiveClause(unit: UnitCues): boolean {
	return unit.sentenceGoesOn && hasCue(unit, 'concession');
}

/** A subordinate clause before its main clause („Da …, sollte …“, "Although …, we …"). */
export function isFrontedClause(unit: UnitCues | undefined): boolean {
	return (
		!!unit &&
		unit.sentenceGoesOn &&
		unit.cues.some((cue) => cue.atStart && (cue.kind === 'reason' || cue.kind === 'concession'))
	);
}

import { firstCue, hasCue, type Cue, type UnitCues } from './cues';
import type { ReasonCode } from './reasons';
import { isConcessiveClause, isFrontedClause } from './stance';
import type { Reason, Stance, UnitFunction } from './types';

export interface Attachment {
	target: number;
	reasons: Reason[];
}

/**
 * Attaches every unit but the central claim to the unit it supports or attacks, given the
 * voices: an objection attacks the claim (or continues the objection before it), an answer
 * attacks the objection before it, reasons attach by their connective, anything else supports
 * the central claim. Returns null for the claim.
 */
export function attachUnits(
	units: readonly UnitCues[],
	claim: number,
	stances: readonly Stance[]
): (Attachment | null)[] {
	const attachments: (Attachment | null)[] = [];
	units.forEach((_, index) => {
		attachments.push(index === claim ? null : attach(units, stances, index, claim, attachments));
	});
	return breakCycles(attachments, claim);
}

function attach(
	units: readonly UnitCues[],
	stances: readonly Stance[],
	index: number,
	claim: number,
	done: readonly (Attachment | null)[]
): Attachment {
	const unit = units[index]!;
	const stance = stances[index] ?? 'pro';
	const previous = index - 1 !== claim ? units[index - 1] : undefined;
	const previousStance = previous ? (stances[index - 1] ?? 'pro') : undefined;
	const next = units[index + 1];
	const nextStance = next ? (stances[index + 1] ?? 'pro') : undefined;
	const previousTarget = done[index - 1]?.target;
	const sameSideBefore = previousStance === stance;
	const to = (target: number, code: ReasonCode, cue?: Cue): Attachment => ({
		target,
		reasons: [reasonOf(code, cue)]
	});

	if (stance === 'opp') {
		const voice = firstCue(unit, 'concession', 'opponent');
		if (previous && previousStance === 'opp') {
			if (
				unit.coordinated &&
				hasCue(previous, 'concession', 'opponent') &&
				previousTarget !== undefined
			) {
				return to(previousTarget, 'coordinated');
			}
			if (!voice) return to(index - 1, 'continues_objection');
		}
		if (voice) return to(claim, voice.kind === 'opponent' ? 'opponent_voice' : 'concession', voice);
		const contrast = firstCue(unit, 'contrast');
		return contrast ? to(claim, 'contrast_objection', contrast) : to(claim, 'answered_objection');
	}

	if (previous && previousStance === 'opp') {
		const answer = firstCue(unit, 'contrast', 'resumption');
		// a point the text grants or reports is answered; one merely stated is outweighed
		if (answer && hasCue(previous, 'concession', 'opponent')) {
			return to(index - 1, 'counter_attack', answer);
		}
		if (answer) return to(claim, 'outweighs_objection', answer);
		if (isConcessiveClause(previous)) return to(index - 1, 'answers_concession');
	}
	const neighbourOrClaim = sameSideBefore ? index - 1 : claim;
	const example = firstCue(unit, 'example');
	if (example && index > 0) return to(neighbourOrClaim, 'connective_example', example);
	const reasonCue = firstCue(unit, 'reason');
	if (reasonCue?.atStart) {
		const frontsNext =
			unit.sentenceGoesOn &&
			next?.continuesSentence &&
			!next.coordinated &&
			!unit.continuesSentence;
		if (frontsNext) return to(index + 1, 'fronted_clause', reasonCue);
		if (index > 0) return to(neighbourOrClaim, 'connective_reason', reasonCue);
	}
	const addition = firstCue(unit, 'addition');
	if (addition && unit.coordinated && previousTarget !== undefined) {
		// "X, and furthermore Y": a further reason beside X, for the same target
		return to(previousTarget, 'connective_addition', addition);
	}
	if (unit.coordinated && unit.continuesSentence && sameSideBefore) {
		// "X, and Y": Y completes the point X makes (a linked premise supports its partner)
		return to(index - 1, 'coordinated');
	}
	const nextConclusion =
		next && !next.coordinated ? firstCue(next, 'conclusion', 'result') : undefined;
	if (nextConclusion && nextStance === stance) {
		return to(index + 1, 'next_concludes', nextConclusion);
	}
	if (previous && sameSideBefore && !isFrontedClause(previous)) {
		if (unit.continuesSentence && !unit.coordinated && unit.cues.length === 0) {
			return to(index - 1, 'same_sentence');
		}
		if (unit.refersBack) return to(index - 1, 'refers_back');
	}
	if (addition) return to(claim, 'connective_addition', addition);
	const conclusion = firstCue(unit, 'conclusion', 'result');
	if (conclusion && index - 1 === claim) return to(claim, 'consequence_of_claim', conclusion);
	if (reasonCue) return to(claim, 'connective_reason', reasonCue);
	return to(claim, 'default_support');
}

function reasonOf(code: ReasonCode, cue?: Cue): Reason {
	return cue ? { code, params: { connective: cue.words } } : { code };
}

/** Rules that point at each other in a circle give way to the central claim. */
function breakCycles(attachments: (Attachment | null)[], claim: number): (Attachment | null)[] {
	// walkOf[i]: the unit whose walk along the targets passed unit i last
	const walkOf = new Array<number>(attachments.length).fill(-1);
	attachments.forEach((attachment, start) => {
		walkOf[start] = start;
		let current = attachment?.target;
		while (current !== undefined && current !== claim) {
			if (walkOf[current] === start) {
				attachments[start] = { target: claim, reasons: [reasonOf('default_support')] };
				break;
			}
			walkOf[current] = start;
			current = attachments[current]?.target;
		}
	});
	return attachments;
}

export function functionOf(stance: Stance, targetStance: Stance): UnitFunction {
	return stance === targetStance ? 'support' : 'attack';
}

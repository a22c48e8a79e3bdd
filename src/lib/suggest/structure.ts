import { attachUnits, functionOf } from './attachment';
import { chooseCentralClaim } from './central-claim';
import { describeUnits } from './cues';
import type { ReasonCode } from './reasons';
import { readVoices } from './stance';
import type { SuggestLanguage, UnitAnalysis } from './types';

/**
 * Chooses the central claim among the units (their texts, in order), decides whose voice each
 * unit speaks in and attaches every other unit to the unit it supports or attacks.
 */
export function analyseStructure(
	units: readonly string[],
	language: SuggestLanguage
): UnitAnalysis[] {
	if (units.length === 0) return [];
	const described = describeUnits(units, language);
	const claim = chooseCentralClaim(described);
	const stances = readVoices(described, claim.index);
	const attachments = attachUnits(described, claim.index, stances);
	return units.map((_, index) => {
		const attachment = attachments[index];
		if (!attachment) {
			return {
				function: 'central_claim',
				target: null,
				stance: 'pro',
				reasons: [...claim.reasons, { code: 'stance_claim' }]
			};
		}
		const stance = stances[index] ?? 'pro';
		const unitFunction = functionOf(stance, stances[attachment.target] ?? 'pro');
		const stanceCode: ReasonCode = `stance_${stance}_${unitFunction === 'support' ? 'support' : 'attack'}`;
		return {
			function: unitFunction,
			target: attachment.target,
			stance,
			reasons: [...attachment.reasons, { code: stanceCode }]
		};
	});
}

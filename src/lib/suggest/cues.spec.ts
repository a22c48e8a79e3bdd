import { describe, expect, it } from 'vitest';
import { describeUnits, findCues } from './cues';
import type { SuggestLanguage } from './types';

function kinds(text: string, language: SuggestLanguage): string[] {
	return findCues(text, language).map((cue) => `${cue.kind}:${cue.words}`);
}

describe('findCues', () => {
	it('prefers the longer connective and keeps the words as written', () => {
		expect(kinds('Auch wenn Radwege Geld kosten,', 'de')).toEqual(['concession:Auch wenn']);
		expect(kinds('Auch Busse sind voll.', 'de')).toEqual(['addition:Auch']);
		expect(kinds('For example, trams are quiet.', 'en')).toEqual(['example:For example']);
	});

	it('counts sentence-initial connectives only at the start', () => {
		expect(kinds('As trams are quiet, people like them.', 'en')).toEqual(['reason:As']);
		expect(kinds('People like trams as much as buses.', 'en')).toEqual([]);
		expect(kinds('Da die Busse voll sind,', 'de')).toEqual(['reason:Da']);
	});

	it('finds sentence adverbs anywhere in the unit', () => {
		expect(kinds('Die Stadt sollte deshalb Radwege bauen.', 'de')).toEqual([
			'deontic:sollte',
			'conclusion:deshalb'
		]);
		expect(kinds('The lanes, however, take space.', 'en')).toEqual(['contrast:however']);
	});

	it('does not read words that merely contain a cue as one', () => {
		expect(kinds('As a rule, trams are quiet.', 'en')).toEqual([]);
		expect(kinds('No one may park here.', 'en')).toEqual([]);
		expect(kinds('Es ist schwer, das zu müssen.', 'de')).toEqual([]);
	});

	it('hears the other side in reported views, but not in the author’s own', () => {
		expect(kinds('My neighbours say that trams are loud.', 'en')).toEqual(['opponent:say']);
		expect(kinds('I think that trams are quiet.', 'en')).toEqual(['opinion:I think']);
		expect(kinds('Meine Nachbarn behaupten, Trams seien laut.', 'de')).toEqual([
			'opponent:behaupten'
		]);
		expect(kinds('They do offer more seats.', 'en')).toEqual(['concession:do offer']);
	});

	it('drops the other side’s markers when the unit answers them', () => {
		expect(kinds('But one could argue the opposite.', 'en')).toEqual(['contrast:But']);
	});
});

describe('describeUnits', () => {
	it('sees sentences that go on and clauses that continue them', () => {
		const [first, second, third] = describeUnits(
			['Trams are quiet,', 'and they are clean.', 'This helps everyone?'],
			'en'
		);
		expect(first).toMatchObject({ sentenceGoesOn: true, continuesSentence: false });
		expect(second).toMatchObject({ continuesSentence: true, coordinated: true });
		expect(third).toMatchObject({ continuesSentence: false, refersBack: true, question: true });
	});
});

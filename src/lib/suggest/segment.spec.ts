import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from './segment';
import { segmentSentences } from './sentence-split';
import type { SuggestLanguage, Unit } from './types';

function texts(text: string, language: SuggestLanguage): string[] {
	return segmentText(text, language).map((unit) => unit.text);
}

function sentences(text: string, language: SuggestLanguage): string[] {
	return segmentSentences(text, language).map((unit) => unit.text);
}

function expectWellFormed(text: string, units: Unit[]): void {
	let previousEnd = 0;
	for (const unit of units) {
		expect(unit.start).toBeGreaterThanOrEqual(previousEnd);
		expect(unit.end).toBeGreaterThan(unit.start);
		expect(unit.end).toBeLessThanOrEqual(text.length);
		expect(unit.text).toBe(text.slice(unit.start, unit.end));
		expect(unit.text).toBe(unit.text.trim());
		previousEnd = unit.end;
	}
}

describe('segmentSentences: where sentences end', () => {
	it('does not end a German sentence after abbreviations', () => {
		expect(
			sentences(
				'Viele Städte, z. B. Ulm und Kiel, testen das bzw. planen es. Dr. Meier und Prof. Lang ' +
					'sind u. a. dafür, d. h. sie werben ca. 3 Jahre dafür. Das Heft Nr. 7 erscheint bald.',
				'de'
			)
		).toEqual([
			'Viele Städte, z. B. Ulm und Kiel, testen das bzw. planen es.',
			'Dr. Meier und Prof. Lang sind u. a. dafür, d. h. sie werben ca. 3 Jahre dafür.',
			'Das Heft Nr. 7 erscheint bald.'
		]);
	});

	it('does not end an English sentence after abbreviations and initials', () => {
		expect(
			sentences(
				'Mr. Smith and Mrs. Jones moved to the U.S. last year. Some towns, e.g. Leeds, ' +
					'i.e. the larger ones, agree. J. R. Miller wrote about it. We need bins, bags, etc. ' +
					'The rest can wait.',
				'en'
			)
		).toEqual([
			'Mr. Smith and Mrs. Jones moved to the U.S. last year.',
			'Some towns, e.g. Leeds, i.e. the larger ones, agree.',
			'J. R. Miller wrote about it.',
			'We need bins, bags, etc.',
			'The rest can wait.'
		]);
	});

	it('keeps German ordinals, dates and initials inside the sentence', () => {
		expect(
			sentences(
				'Am 3. Oktober feiern wir, nicht am 1. Mai. Der 2. Weltkrieg endete 1945. ' +
					'F. W. Maier kam im 19. Jahrhundert zur Welt. Er wurde Dritter auf Platz 3. Die ' +
					'anderen waren langsamer.',
				'de'
			)
		).toEqual([
			'Am 3. Oktober feiern wir, nicht am 1. Mai.',
			'Der 2. Weltkrieg endete 1945.',
			'F. W. Maier kam im 19. Jahrhundert zur Welt.',
			'Er wurde Dritter auf Platz 3.',
			'Die anderen waren langsamer.'
		]);
	});

	it('keeps decimal numbers and ellipses inside the sentence', () => {
		expect(
			sentences('Der Preis stieg um 2.5 Prozent ... und niemand merkte es. Gut so.', 'de')
		).toEqual(['Der Preis stieg um 2.5 Prozent ... und niemand merkte es.', 'Gut so.']);
		expect(sentences('It grew by 3.75 percent… and fell again. Odd.', 'en')).toEqual([
			'It grew by 3.75 percent… and fell again.',
			'Odd.'
		]);
	});

	it('keeps closing quotes and brackets with the sentence they end', () => {
		expect(
			sentences(
				'Sie sagte: „Wir bleiben.“ Er rief: »Nie!« Dann ging er. (Das war klug.) Sie nannte ' +
					'es ‚mutig.‘ Alle schwiegen.',
				'de'
			)
		).toEqual([
			'Sie sagte: „Wir bleiben.“',
			'Er rief: »Nie!«',
			'Dann ging er.',
			'(Das war klug.)',
			'Sie nannte es ‚mutig.‘',
			'Alle schwiegen.'
		]);
		expect(sentences('He said, "We stay." Then he left?! "Why?" she asked.', 'en')).toEqual([
			'He said, "We stay."',
			'Then he left?!',
			'"Why?" she asked.'
		]);
	});

	it('ends a unit at a line break after a heading, not inside a wrapped sentence', () => {
		expect(
			sentences(
				'Mehr Parks für die Stadt\n\nDie Stadt braucht mehr Grün,\nweil es heißer wird.\n' +
					'Zwischentitel ohne Punkt\nDer Rat sollte bald\nentscheiden.',
				'de'
			)
		).toEqual([
			'Mehr Parks für die Stadt',
			'Die Stadt braucht mehr Grün,\nweil es heißer wird.',
			'Zwischentitel ohne Punkt',
			'Der Rat sollte bald\nentscheiden.'
		]);
	});

	it('does not end a sentence at a stop inside an e-mail address or a web address', () => {
		expect(
			sentences('Schreiben Sie an leser@zeitung.de oder www.zeitung.de. Danke.', 'de')
		).toEqual(['Schreiben Sie an leser@zeitung.de oder www.zeitung.de.', 'Danke.']);
	});
});

describe('segmentText: clause splits', () => {
	it('splits German sentences at connectives after a comma', () => {
		expect(
			texts(
				'Die Bahn sollte billiger werden, denn viele Menschen fahren sonst Auto. Ein Ticket ' +
					'kostet viel, aber der Nutzen ist groß. Der Bus fährt selten, da das Geld fehlt.',
				'de'
			)
		).toEqual([
			'Die Bahn sollte billiger werden,',
			'denn viele Menschen fahren sonst Auto.',
			'Ein Ticket kostet viel,',
			'aber der Nutzen ist groß.',
			'Der Bus fährt selten,',
			'da das Geld fehlt.'
		]);
	});

	it('splits English sentences at connectives after a comma', () => {
		expect(
			texts(
				'Trains should be cheaper, because many people drive otherwise. A ticket costs a lot, ' +
					'but the benefit is large. The buses run rarely, since the money is missing.',
				'en'
			)
		).toEqual([
			'Trains should be cheaper,',
			'because many people drive otherwise.',
			'A ticket costs a lot,',
			'but the benefit is large.',
			'The buses run rarely,',
			'since the money is missing.'
		]);
	});

	it('splits at „und“/"and" only when a new clause follows', () => {
		expect(
			texts(
				'Das Angebot ist teuer und unpraktisch. Der Bahnhof ist alt und viele Züge sind ' +
					'verspätet. Wir sollten handeln und Vorbild werden.',
				'de'
			)
		).toEqual([
			'Das Angebot ist teuer und unpraktisch.',
			'Der Bahnhof ist alt',
			'und viele Züge sind verspätet.',
			'Wir sollten handeln und Vorbild werden.'
		]);
		expect(
			texts(
				'The offer is expensive and impractical. The station is old, and many trains are ' +
					'late. Cats and dogs are welcome.',
				'en'
			)
		).toEqual([
			'The offer is expensive and impractical.',
			'The station is old,',
			'and many trains are late.',
			'Cats and dogs are welcome.'
		]);
	});

	it('splits a fronted reason or concession from its main clause, not a condition', () => {
		expect(
			texts(
				'Obwohl die Mieten steigen, sollte der Staat nicht eingreifen. Wenn die Mieten ' +
					'steigen, sollte der Staat eingreifen.',
				'de'
			)
		).toEqual([
			'Obwohl die Mieten steigen,',
			'sollte der Staat nicht eingreifen.',
			'Wenn die Mieten steigen, sollte der Staat eingreifen.'
		]);
		expect(
			texts(
				'Although rents are rising, the state should not step in. If rents are rising, the ' +
					'state should step in.',
				'en'
			)
		).toEqual([
			'Although rents are rising,',
			'the state should not step in.',
			'If rents are rising, the state should step in.'
		]);
	});

	it('leaves relative clauses, short openers and "not …, but" corrections in one unit', () => {
		expect(texts('Ja, das Projekt, das die Stadt plant, ist gut. Klar, es kostet.', 'de')).toEqual([
			'Ja, das Projekt, das die Stadt plant, ist gut.',
			'Klar, es kostet.'
		]);
		expect(texts('The test is not hard, but long and boring.', 'en')).toEqual([
			'The test is not hard, but long and boring.'
		]);
	});

	it('splits at a semicolon between clauses', () => {
		expect(texts('The park must stay open; the city has enough flats.', 'en')).toEqual([
			'The park must stay open;',
			'the city has enough flats.'
		]);
	});

	it('keeps offsets exact in text with emoji and other surrogate pairs', () => {
		const text = '  Wir lieben 🚲 Räder 👍🏽,  denn sie sind leise 😀.\n\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 bleibt. ';
		const units = segmentText(text, 'de');
		expect(units.map((unit) => unit.text)).toEqual([
			'Wir lieben 🚲 Räder 👍🏽,',
			'denn sie sind leise 😀.',
			'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 bleibt.'
		]);
		expect(units[0]!.start).toBe(2);
		expectWellFormed(text, units);
	});

	it('returns no units for empty or blank input', () => {
		expect(segmentText('', 'de')).toEqual([]);
		expect(segmentText(' \n\t\n ', 'en')).toEqual([]);
	});

	it('handles a single very long word', () => {
		const word = 'Donaudampfschifffahrtsgesellschaft'.repeat(300);
		expect(segmentText(word, 'de')).toEqual([{ start: 0, end: word.length, text: word }]);
	});
});

describe('segmentText: invariants', () => {
	const pieces = fc.constantFrom(
		'Das ist gut',
		'the plan works',
		'z. B.',
		'Dr.',
		'3.',
		' ',
		'  ',
		'\n',
		'\n\n',
		', ',
		'. ',
		'! ',
		'? ',
		'…',
		'„',
		'“',
		'"',
		'»',
		'«',
		'(',
		')',
		'; ',
		': ',
		' – ',
		'und ',
		'and ',
		'denn ',
		'but ',
		'weil sie ist ',
		'because it is ',
		'😀',
		'é'
	);
	const commentary = fc.oneof(
		fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
		fc.string({ unit: 'grapheme', maxLength: 80 })
	);

	it('units are ordered, non-overlapping, within bounds, trimmed and equal their slice', () => {
		fc.assert(
			fc.property(commentary, fc.constantFrom<SuggestLanguage>('de', 'en'), (text, language) => {
				expectWellFormed(text, segmentText(text, language));
			}),
			{ numRuns: 500 }
		);
	});

	it('every non-space character belongs to exactly one unit', () => {
		fc.assert(
			fc.property(commentary, fc.constantFrom<SuggestLanguage>('de', 'en'), (text, language) => {
				const covered = segmentText(text, language)
					.map((unit) => unit.text)
					.join('');
				expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
			}),
			{ numRuns: 500 }
		);
	});
});

import { describe, expect, it } from 'vitest';
import { furnitureUnits } from './page-furniture';
import { segmentText } from './segment';

function furnitureTexts(text: string, language: 'de' | 'en') {
	const units = segmentText(text, language);
	const furniture = furnitureUnits(text, units);
	return units.filter((_, index) => furniture.has(index)).map((unit) => unit.text);
}

describe('page furniture', () => {
	it('leaves out a caption with its credit, a subheading and the e-mail address', () => {
		const text =
			'Volle Busse am Morgen – der Takt reicht nicht. Foto: dpa\n\n' +
			'Die Stadt muss mehr Busse bestellen. Denn die Linien sind jeden Morgen überfüllt.\n\n' +
			'Geld ist da – es fehlt am Willen\n\n' +
			'Der Haushalt hat Spielraum, wie der Kämmerer selbst sagt.\n\n' +
			'anna.muster@zeitung.example';
		expect(furnitureTexts(text, 'de')).toEqual([
			'Volle Busse am Morgen – der Takt reicht nicht.',
			'Foto: dpa',
			// The segmenter splits the heading at its dash; both parts go.
			'Geld ist da –',
			'es fehlt am Willen',
			'anna.muster@zeitung.example'
		]);
	});

	it('keeps every sentence of plain running text, and short final sentences', () => {
		const text =
			'The council should fund more buses. The lines are full every morning. ' +
			'Some say the money is lacking. But the budget has room.\n\nThat settles it!';
		expect(furnitureTexts(text, 'en')).toEqual([]);
	});

	it('knows English credits and web addresses', () => {
		const text = 'Commuters wait in the rain.\nPhoto: Reuters\n\nhttps://example.org/bus';
		expect(furnitureTexts(text, 'en')).toEqual([
			'Commuters wait in the rain.',
			'Photo: Reuters',
			'https://example.org/bus'
		]);
	});
});

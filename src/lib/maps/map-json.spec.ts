import { describe, expect, it } from 'vitest';
import { createMapDocument, type ArgumentMap } from '$lib/argument';
import { readMapJson, type MapJson } from './map-json';

const TEXT = 'Die Waffenruhe wird nicht halten. „Niemand traut dem anderen.“';
const MAP: ArgumentMap = {
	statements: [
		{
			id: 'claim',
			text: 'Die Waffenruhe wird nicht halten.',
			role: 'main_claim',
			implicit: false,
			anchors: [{ start: 0, end: 33, quote: TEXT.slice(0, 33) }],
			note: ''
		}
	],
	relations: []
};

function mapJson(overrides: Partial<MapJson> = {}): MapJson {
	return {
		...createMapDocument(MAP),
		id: 'm1',
		title: 'Aleppo',
		revision: 3,
		commentary: {
			id: 'c1',
			title: 'Feuerpause',
			author: 'M. S.',
			outlet: 'StZ',
			language: 'de',
			publishedOn: null,
			sourceUrl: null,
			body: TEXT
		},
		...overrides
	};
}

describe('readMapJson', () => {
	it('reads the map JSON into the map the editor opens', () => {
		const json = mapJson();
		expect(readMapJson(JSON.parse(JSON.stringify(json)))).toEqual({
			id: 'm1',
			title: 'Aleppo',
			revision: 3,
			map: MAP,
			commentary: json.commentary
		});
	});

	it.each([
		['not an object', 'map'],
		['no id', { ...mapJson(), id: undefined }],
		['a fractional revision', mapJson({ revision: 1.5 })],
		[
			'an unknown language',
			mapJson({ commentary: { ...mapJson().commentary, language: 'fr' as 'de' } })
		],
		['no text', { ...mapJson(), commentary: { ...mapJson().commentary, body: undefined } }],
		[
			'an anchor beyond the text',
			mapJson({ commentary: { ...mapJson().commentary, body: 'kurz' } })
		],
		['another format', mapJson({ format: 'argdown' as 'argumap-map' })]
	])('refuses an answer with %s', (_, json) => {
		expect(readMapJson(json)).toBeUndefined();
	});
});

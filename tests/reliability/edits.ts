import type { ArgumentMap } from '../../src/lib/argument';

/** The map as edit `edit` leaves it: its one statement names the edit. */
export function editedMap(edit: number): ArgumentMap {
	return {
		statements: [
			{
				id: 'claim',
				text: `edit ${edit}`,
				role: 'main_claim',
				implicit: true,
				anchors: [],
				note: ''
			}
		],
		relations: []
	};
}

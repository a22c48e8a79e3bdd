import type { ArgumentMap } from '$lib/argument';
import { shortLabel } from '$lib/editor/graph-elements';

/** A statement's text, shortened for a list; empty if the map has no such statement. */
export function statementText(map: ArgumentMap, id: string): string {
	const statement = map.statements.find((candidate) => candidate.id === id);
	return statement ? shortLabel(statement.text) : '';
}

/** Limits every stored map respects; the schema enforces them and the operations refuse to break them. */
export const MAP_LIMITS = {
	/** Lengths are counted in UTF-16 code units, as `string.length` counts them. */
	statementTextLength: 5_000,
	noteLength: 5_000,
	quoteLength: 20_000,
	anchorsPerStatement: 100,
	premisesPerSupport: 100,
	statements: 20_000,
	relations: 20_000,
	textOffset: 10_000_000
} as const;

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidId(id: string): boolean {
	return ID_PATTERN.test(id);
}

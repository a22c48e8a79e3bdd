import type { Unit } from './types';

/**
 * Newspaper text copied from a web page brings its furniture along: picture captions and
 * credits, subheadings, the author's e-mail address. None of it argues, so the suggester
 * leaves it out. A unit is furniture when it is
 * - a credit line („Foto: AFP“, "Photo: Reuters", „Quelle: …“),
 * - the caption line right before a credit line,
 * - an e-mail address or web address on its own,
 * - (part of) a heading: a line of at most HEADING_MAX_WORDS words without closing punctuation.
 */
const CREDIT =
	/^(foto|fotos|bild|bilder|grafik|quelle|photo|photos|picture|image|source|credit)s?\s*:/iu;
const ADDRESS_ONLY = /^(\S+@\S+\.\S+|https?:\/\/\S+|www\.\S+)$/iu;
const CLOSING_PUNCTUATION = /[.!?…:;"“”»«’)]$/u;
const HEADING_MAX_WORDS = 12;

function lineOf(text: string, unit: Unit): string {
	const start = text.lastIndexOf('\n', unit.start - 1) + 1;
	const newline = text.indexOf('\n', unit.end);
	return text.slice(start, newline === -1 ? text.length : newline).trim();
}

function isCredit(unit: Unit): boolean {
	return CREDIT.test(unit.text) && unit.text.split(/\s+/u).length <= 6;
}

/** A short line with no closing punctuation, in a text of several lines. */
function isHeading(text: string, unit: Unit): boolean {
	const line = lineOf(text, unit);
	return (
		line.length < text.trim().length &&
		!CLOSING_PUNCTUATION.test(line) &&
		line.split(/\s+/u).length <= HEADING_MAX_WORDS
	);
}

/** The indexes of the units that are page furniture rather than argument. */
export function furnitureUnits(text: string, units: readonly Unit[]): Set<number> {
	const furniture = new Set<number>();
	units.forEach((unit, index) => {
		if (ADDRESS_ONLY.test(unit.text) || isCredit(unit) || isHeading(text, unit)) {
			furniture.add(index);
		}
		// A caption is the line a credit follows, often on the same line („… Foto: AFP“).
		const next = units[index + 1];
		if (next && isCredit(next) && lineOf(text, next).endsWith(next.text)) {
			const captionLine = lineOf(text, unit);
			if (captionLine.startsWith(unit.text) || captionLine.endsWith(unit.text)) {
				furniture.add(index);
			}
		}
	});
	return furniture;
}

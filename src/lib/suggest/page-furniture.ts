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

/** The offsets of the text's line breaks, in order. */
function lineBreaks(text: string): number[] {
	const breaks: number[] = [];
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks.push(at);
	return breaks;
}

/** The lines of a text: a unit's line start is found by bisecting the line breaks, found once. */
class Lines {
	private readonly breaks: number[];

	constructor(private readonly text: string) {
		this.breaks = lineBreaks(text);
	}

	/** The line(s) holding the unit, trimmed. */
	of(unit: Unit): string {
		const start = this.lastBreakAtOrBefore(Math.max(0, unit.start - 1)) + 1;
		const newline = this.text.indexOf('\n', unit.end);
		return this.text.slice(start, newline === -1 ? this.text.length : newline).trim();
	}

	private lastBreakAtOrBefore(offset: number): number {
		let low = 0;
		let high = this.breaks.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.breaks[middle]! <= offset) low = middle + 1;
			else high = middle;
		}
		return low > 0 ? this.breaks[low - 1]! : -1;
	}
}

function isCredit(unit: Unit): boolean {
	return CREDIT.test(unit.text) && unit.text.split(/\s+/u).length <= 6;
}

/** A short line with no closing punctuation, in a text of several lines. */
function isHeading(line: string, textLength: number): boolean {
	return (
		line.length < textLength &&
		!CLOSING_PUNCTUATION.test(line) &&
		line.split(/\s+/u).length <= HEADING_MAX_WORDS
	);
}

/** The indexes of the units that are page furniture rather than argument. */
export function furnitureUnits(text: string, units: readonly Unit[]): Set<number> {
	const furniture = new Set<number>();
	const lines = new Lines(text);
	const textLength = text.trim().length;
	const credits = units.map(isCredit);
	units.forEach((unit, index) => {
		if (ADDRESS_ONLY.test(unit.text) || credits[index] || isHeading(lines.of(unit), textLength)) {
			furniture.add(index);
		}
		// A caption is the line a credit follows, often on the same line („… Foto: AFP“).
		const next = units[index + 1];
		if (next && credits[index + 1] && lines.of(next).endsWith(next.text)) {
			const captionLine = lines.of(unit);
			if (captionLine.startsWith(unit.text) || captionLine.endsWith(unit.text)) {
				furniture.add(index);
			}
		}
	});
	return furniture;
}

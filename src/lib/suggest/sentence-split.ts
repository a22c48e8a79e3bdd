import { classifyStop, isSentenceOpener } from './abbreviations';
import type { SuggestLanguage, Unit } from './types';

/** Closing quotes and brackets that belong to the sentence they follow („…“, "…", ‚…‘, »…«). */
const CLOSERS = new Set(['"', "'", '”', '“', '’', '‘', '»', '«', '›', '‹', ')', ']', '}']);
const OPENERS = new Set(['"', "'", '„', '“', '‚', '‘', '»', '«', '›', '‹', '(', '[', '{']);
const BREAK_CANDIDATE = /[.!?…]+|\n/g;

/**
 * The sentences of a text: abbreviations, initials, ordinals, dates and numbers do not end
 * one; a stop with its closing quotes or brackets and a line break after a heading do.
 */
export function segmentSentences(text: string, language: SuggestLanguage): Unit[] {
	const units: Unit[] = [];
	for (const { start, end } of sentenceRanges(text, language)) pushTrimmed(units, text, start, end);
	return units;
}

/** Each sentence as an untrimmed range; together they cover the whole text. */
export function* sentenceRanges(text: string, language: SuggestLanguage) {
	let start = 0;
	for (const end of sentenceBreaks(text, language)) {
		yield { start, end };
		start = end;
	}
	yield { start, end: text.length };
}

/** Adds text[start, end) to `units` without its surrounding whitespace, if anything is left. */
export function pushTrimmed(units: Unit[], text: string, start: number, end: number): void {
	while (start < end && /\s/.test(text.charAt(start))) start++;
	while (end > start && /\s/.test(text.charAt(end - 1))) end--;
	if (start < end) units.push({ start, end, text: text.slice(start, end) });
}

/** The offsets where a sentence ends (just after its stop and closing quotes), in order. */
function sentenceBreaks(text: string, language: SuggestLanguage): number[] {
	const breaks: number[] = [];
	BREAK_CANDIDATE.lastIndex = 0;
	for (let match = BREAK_CANDIDATE.exec(text); match; match = BREAK_CANDIDATE.exec(text)) {
		const breakAt =
			match[0] === '\n'
				? lineBreak(text, match.index)
				: stopBreak(text, match.index, match.index + match[0].length, language);
		if (breakAt !== null) breaks.push(breakAt);
	}
	return breaks;
}

/**
 * A line break ends a unit (headings, captions, lines without a stop) unless the line was
 * wrapped inside a sentence: it ends in a comma or hyphen, or the next line goes on in lower case.
 */
function lineBreak(text: string, newline: number): number | null {
	const before = lastNonSpace(text, newline);
	const after = firstNonSpace(text, newline + 1);
	if (before < 0 || after >= text.length) return null;
	if (text.slice(newline + 1, after).includes('\n')) return newline;
	const lastChar = text.charAt(before);
	if (lastChar === ',' || (lastChar === '-' && /\p{L}/u.test(text.charAt(before - 1) ?? ''))) {
		return null;
	}
	return /\p{Ll}/u.test(text.charAt(after)) ? null : newline;
}

/** Decides whether the stop run [start, end) ends a sentence; returns where, or null. */
function stopBreak(text: string, start: number, end: number, language: SuggestLanguage) {
	let after = end;
	while (after < text.length && CLOSERS.has(text.charAt(after))) after++;
	if (after < text.length && !/\s/.test(text.charAt(after))) return null;
	if (text.charAt(start - 1) === '(' && text.charAt(end) === ')') return null;
	const next = nextWord(text, after);
	if (next === null) return after;
	if (/^\p{Ll}/u.test(next)) return null;
	const stop = text.slice(start, end);
	if (stop !== '.') return after;
	const word = wordBefore(text, start);
	if (/^\d+$/.test(word) && startsLine(text, start - word.length)) return null;
	const kind = classifyStop(word, language);
	if (kind === 'never') return null;
	if (kind === 'if_opener_follows' && !isSentenceOpener(next, language)) return null;
	return after;
}

/** The word that follows `from` after spaces and opening quotes or brackets, or null at the end. */
function nextWord(text: string, from: number): string | null {
	let index = from;
	while (
		index < text.length &&
		(/\s/.test(text.charAt(index)) || OPENERS.has(text.charAt(index)))
	) {
		index++;
	}
	if (index >= text.length) return null;
	const match = /^[\p{L}\p{M}\p{N}]+|^\S/u.exec(text.slice(index, index + 40));
	return match ? match[0] : null;
}

/** The word (with inner full stops: „z.B“, "U.S") that stands right before `end`. */
function wordBefore(text: string, end: number): string {
	let start = end;
	while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
	while (start < end && OPENERS.has(text.charAt(start))) start++;
	return text.slice(start, end);
}

function startsLine(text: string, index: number): boolean {
	const before = lastNonSpace(text, index);
	return before < 0 || text.slice(before, index).includes('\n');
}

function lastNonSpace(text: string, before: number): number {
	let index = before - 1;
	while (index >= 0 && /\s/.test(text.charAt(index))) index--;
	return index;
}

function firstNonSpace(text: string, from: number): number {
	let index = from;
	while (index < text.length && /\s/.test(text.charAt(index))) index++;
	return index;
}

import type { ArgumentMap, Statement } from '$lib/argument';
import type { CommentaryLanguage } from '$lib/commentary/rules';
import { intersectSpans, mergeAnchors, spanLength, type Span } from './spans';
import {
	inverseDocumentFrequency,
	textProfile,
	textSimilarity,
	type SharedWord,
	type StemWeight,
	type TextProfile
} from './text-similarity';

/** Two statements of the same commentary are aligned when they share this much of the shorter span. */
export const ALIGNMENT_THRESHOLD = 0.5;

/** Suggestions scoring lower than this are not worth a reader's time. */
export const MIN_SUGGESTION_SCORE = 0.25;

export interface AnchorOverlap {
	/** The length both statements' anchors cover, divided by the shorter of the two; 0 to 1. */
	ratio: number;
	/** The stretches of text both cover, in text order. */
	shared: Span[];
}

/** How far the anchors of two statements of the same commentary cover the same text. */
export function anchorOverlap(a: Statement, b: Statement): AnchorOverlap {
	return spanOverlap(mergeAnchors(a.anchors), mergeAnchors(b.anchors));
}

function spanOverlap(a: readonly Span[], b: readonly Span[]): AnchorOverlap {
	const shorter = Math.min(spanLength(a), spanLength(b));
	if (shorter === 0) return { ratio: 0, shared: [] };
	const shared = intersectSpans(a, b);
	return { ratio: spanLength(shared) / shorter, shared };
}

interface Prepared {
	statement: Statement;
	index: number;
	spans: Span[];
	/** Where the spans begin and end, to skip pairs that cannot overlap without comparing spans. */
	bounds: [number, number];
	profile: TextProfile;
}

function prepare(map: ArgumentMap, language: CommentaryLanguage | undefined): Prepared[] {
	return map.statements.map((statement, index) => {
		const spans = mergeAnchors(statement.anchors);
		return {
			statement,
			index,
			spans,
			bounds: spanBounds(spans),
			profile: textProfile(statement.text, language)
		};
	});
}

function weightOver(a: readonly Prepared[], b: readonly Prepared[]): StemWeight {
	return inverseDocumentFrequency([...a, ...b].map((prepared) => prepared.profile));
}

export interface AlignedPair {
	aId: string;
	bId: string;
	/**
	 * `anchors` for statements aligned by the text they mark; `text` for two statements without
	 * anchors (implicit premises) whose wording is alike, so relations through them can be matched.
	 */
	basis: 'anchors' | 'text';
	overlap: number;
	sharedSpans: Span[];
	textScore: number;
}

/**
 * Pairs the statements of two maps of one commentary, each statement in at most one pair.
 * Anchored statements pair when their anchors overlap by at least ALIGNMENT_THRESHOLD: the largest
 * overlap first, on a tie the more similar texts, then map order. Statements without anchors pair
 * when their texts are at least that similar, the most similar first. The pairs come in the order
 * of map A.
 */
export function alignMaps(
	a: ArgumentMap,
	b: ArgumentMap,
	options: { language?: CommentaryLanguage } = {}
): AlignedPair[] {
	const preparedA = prepare(a, options.language);
	const preparedB = prepare(b, options.language);
	const weight = weightOver(preparedA, preparedB);

	const candidates: (AlignedPair & { indexA: number; indexB: number })[] = [];
	for (const statementA of preparedA) {
		for (const statementB of preparedB) {
			const unanchored = statementA.spans.length === 0 && statementB.spans.length === 0;
			if (!unanchored && !boundsMeet(statementA.bounds, statementB.bounds)) continue;
			const { ratio, shared } = spanOverlap(statementA.spans, statementB.spans);
			if (!unanchored && ratio < ALIGNMENT_THRESHOLD) continue;
			const textScore = textSimilarity(statementA.profile, statementB.profile, weight).score;
			if (unanchored && textScore < ALIGNMENT_THRESHOLD) continue;
			candidates.push({
				aId: statementA.statement.id,
				bId: statementB.statement.id,
				basis: unanchored ? 'text' : 'anchors',
				overlap: ratio,
				sharedSpans: shared,
				textScore,
				indexA: statementA.index,
				indexB: statementB.index
			});
		}
	}
	// Anchored and unanchored statements never compete for a partner, so one ranking serves both.
	candidates.sort(
		(x, y) =>
			y.overlap - x.overlap ||
			y.textScore - x.textScore ||
			x.indexA - y.indexA ||
			x.indexB - y.indexB
	);

	const usedA = new Set<string>();
	const usedB = new Set<string>();
	const chosen: typeof candidates = [];
	for (const candidate of candidates) {
		if (usedA.has(candidate.aId) || usedB.has(candidate.bId)) continue;
		usedA.add(candidate.aId);
		usedB.add(candidate.bId);
		chosen.push(candidate);
	}
	return chosen
		.sort((x, y) => x.indexA - y.indexA)
		.map(({ aId, bId, basis, overlap, sharedSpans, textScore }) => ({
			aId,
			bId,
			basis,
			overlap,
			sharedSpans,
			textScore
		}));
}

/** Why two statements may make the same claim. */
export type SuggestionReason =
	{ kind: 'shared_words'; words: SharedWord[] } | ({ kind: 'shared_span' } & Span);

export interface SameClaimSuggestion {
	aId: string;
	bId: string;
	/** Text similarity and anchor overlap combined; 0 to 1. */
	score: number;
	textScore: number;
	/** 0 unless both maps are of the same commentary. */
	overlap: number;
	reasons: SuggestionReason[];
}

export interface StatementPair {
	aId: string;
	bId: string;
}

export interface SuggestionOptions {
	languageA?: CommentaryLanguage;
	languageB?: CommentaryLanguage;
	/** Both maps are of one commentary, so their anchors can be compared. */
	sameCommentary?: boolean;
	/** Pairs the reader has linked already; they are not suggested again. */
	linked?: readonly StatementPair[];
	minScore?: number;
	/** At most this many, the best; all of them when absent. */
	limit?: number;
}

/**
 * Pairs of statements, one from each map, that may make the same claim, best first. The score
 * is 1 − (1 − text similarity) × (1 − anchor overlap): either signal alone can raise it, and a
 * pair with both ranks above a pair with one. Ties go to the more similar texts, then map order.
 */
export function suggestSameClaims(
	a: ArgumentMap,
	b: ArgumentMap,
	options: SuggestionOptions = {}
): SameClaimSuggestion[] {
	const preparedA = prepare(a, options.languageA);
	const preparedB = prepare(b, options.languageB);
	const weight = weightOver(preparedA, preparedB);
	const linked = new Set((options.linked ?? []).map((pair) => pairKey(pair.aId, pair.bId)));
	const minScore = options.minScore ?? MIN_SUGGESTION_SCORE;

	const limit = options.limit ?? Infinity;
	const vectorsA = stemVectors(preparedA, weight);
	const vectorsB = stemVectors(preparedB, weight, vectorsA.stemIds);

	// Large maps make many pairs: rank them by numbers alone, keeping only the best `limit`, and
	// spell out the reasons only for those.
	type Ranked = { indexA: number; indexB: number; score: number; textScore: number };
	const rank = (x: Ranked, y: Ranked) =>
		y.score - x.score || y.textScore - x.textScore || x.indexA - y.indexA || x.indexB - y.indexB;
	let ranked: Ranked[] = [];
	for (let indexA = 0; indexA < preparedA.length; indexA++) {
		for (let indexB = 0; indexB < preparedB.length; indexB++) {
			if (
				linked.size > 0 &&
				linked.has(pairKey(preparedA[indexA]!.statement.id, preparedB[indexB]!.statement.id))
			) {
				continue;
			}
			const textScore = vectorSimilarity(vectorsA, indexA, vectorsB, indexB);
			const overlap =
				options.sameCommentary && boundsMeet(preparedA[indexA]!.bounds, preparedB[indexB]!.bounds)
					? spanOverlap(preparedA[indexA]!.spans, preparedB[indexB]!.spans).ratio
					: 0;
			const score = 1 - (1 - textScore) * (1 - overlap);
			if (score <= 0 || score < minScore) continue;
			ranked.push({ indexA, indexB, score, textScore });
			if (ranked.length > 4 * limit + 1000) ranked = ranked.sort(rank).slice(0, limit);
		}
	}

	return ranked
		.sort(rank)
		.slice(0, limit)
		.map(({ indexA, indexB, score, textScore }) => {
			const statementA = preparedA[indexA]!;
			const statementB = preparedB[indexB]!;
			const { sharedWords } = textSimilarity(statementA.profile, statementB.profile, weight);
			const anchors = options.sameCommentary
				? spanOverlap(statementA.spans, statementB.spans)
				: { ratio: 0, shared: [] };
			const reasons: SuggestionReason[] = [];
			if (sharedWords.length > 0) reasons.push({ kind: 'shared_words', words: sharedWords });
			for (const span of anchors.shared) reasons.push({ kind: 'shared_span', ...span });
			return {
				aId: statementA.statement.id,
				bId: statementB.statement.id,
				score,
				textScore,
				overlap: anchors.ratio,
				reasons
			};
		});
}

/**
 * The statements' stems as sorted numbers with their weights, so that comparing two statements
 * is a merge of two short arrays rather than string lookups: comparing maps of a thousand
 * statements each compares a million pairs.
 */
interface StemVectors {
	stemIds: Map<string, number>;
	/** Per statement: its stems' numbers, ascending. */
	stems: Int32Array[];
	/** The weight of each stem number. */
	weights: number[];
	/** Per statement: the weight of all its stems. */
	totals: number[];
}

function stemVectors(
	prepared: readonly Prepared[],
	weight: StemWeight,
	stemIds = new Map<string, number>()
): StemVectors {
	const stems = prepared.map(({ profile }) => {
		const ids = [...profile.keys()].map((stem) => {
			let id = stemIds.get(stem);
			if (id === undefined) {
				id = stemIds.size;
				stemIds.set(stem, id);
			}
			return id;
		});
		return Int32Array.from(ids).sort();
	});
	const weights: number[] = [];
	for (const [stem, id] of stemIds) weights[id] = weight(stem);
	const totals = stems.map((ids) => ids.reduce((sum, id) => sum + weights[id]!, 0));
	return { stemIds, stems, weights, totals };
}

/** Dice's coefficient of two statements' weighted stems, as textSimilarity computes it. */
function vectorSimilarity(a: StemVectors, indexA: number, b: StemVectors, indexB: number): number {
	const total = a.totals[indexA]! + b.totals[indexB]!;
	if (total <= 0) return 0;
	const stemsA = a.stems[indexA]!;
	const stemsB = b.stems[indexB]!;
	let shared = 0;
	let i = 0;
	let j = 0;
	while (i < stemsA.length && j < stemsB.length) {
		const x = stemsA[i]!;
		const y = stemsB[j]!;
		if (x === y) {
			shared += b.weights[x]!;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return (2 * shared) / total;
}

/** Where a statement's spans begin and end; statements without anchors cover nothing. */
function spanBounds(spans: readonly Span[]): [number, number] {
	return spans.length === 0 ? [0, 0] : [spans[0]!.start, spans[spans.length - 1]!.end];
}

function boundsMeet([startA, endA]: [number, number], [startB, endB]: [number, number]): boolean {
	return startA < endB && startB < endA;
}

function pairKey(aId: string, bId: string): string {
	// Ids cannot contain a space (ID_PATTERN), so the key is unambiguous.
	return `${aId} ${bId}`;
}

import type { Span, TreeNode } from './gold';

/*
 * The evaluation of Peldszus & Stede (2015): per unit, whether it is the central claim (cc), its
 * role pro/opp (ro) and its function central claim/support/attack (fu); per ordered pair of distinct
 * units of a text, whether the first attaches to the second (at). Each level is scored as the
 * macro-average of the per-class F1, with the units (or pairs) of all texts of a language pooled.
 */

/** One text's gold tree and the suggested tree over the same units, in the same order. */
export interface ScoredText {
	gold: readonly TreeNode[];
	predicted: readonly TreeNode[];
}

export interface StructureScores {
	texts: number;
	/** Share of texts whose central claim was found. */
	ccAccuracy: number;
	cc: number;
	ro: number;
	fu: number;
	at: number;
}

export interface BoundaryScores {
	precision: number;
	recall: number;
	f1: number;
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
}

/**
 * Macro-averaged F1 over the classes of gold/predicted label pairs. A class that occurs neither in
 * the gold labels nor in the predicted ones has no F1 and is left out of the average; without any
 * pair the score is NaN.
 */
export function macroF1<Label>(pairs: Iterable<readonly [gold: Label, predicted: Label]>): number {
	const counts = new Map<Label, { tp: number; fp: number; fn: number }>();
	const count = (label: Label) => {
		let entry = counts.get(label);
		if (!entry) counts.set(label, (entry = { tp: 0, fp: 0, fn: 0 }));
		return entry;
	};
	for (const [gold, predicted] of pairs) {
		if (gold === predicted) {
			count(gold).tp++;
		} else {
			count(gold).fn++;
			count(predicted).fp++;
		}
	}
	if (counts.size === 0) return NaN;
	let sum = 0;
	for (const { tp, fp, fn } of counts.values()) sum += f1(tp, fp, fn);
	return sum / counts.size;
}

function f1(tp: number, fp: number, fn: number): number {
	return 2 * tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
}

/** The index of the first unit marked as the central claim, or -1. */
export function centralClaimOf(tree: readonly TreeNode[]): number {
	return tree.findIndex((node) => node.function === 'central_claim');
}

export function structureScores(texts: readonly ScoredText[]): StructureScores {
	for (const [index, { gold, predicted }] of texts.entries()) {
		if (gold.length !== predicted.length) {
			throw new Error(
				`text ${index}: ${predicted.length} predicted units for ${gold.length} gold units`
			);
		}
	}
	const unitPairs = function* <Label>(label: (node: TreeNode) => Label) {
		for (const { gold, predicted } of texts) {
			for (const [index, node] of gold.entries()) {
				yield [label(node), label(predicted[index] as TreeNode)] as const;
			}
		}
	};
	const attachmentPairs = function* () {
		for (const { gold, predicted } of texts) {
			for (let from = 0; from < gold.length; from++) {
				for (let to = 0; to < gold.length; to++) {
					if (from === to) continue;
					yield [gold[from]?.target === to, predicted[from]?.target === to] as const;
				}
			}
		}
	};
	const claimsFound = texts.filter(
		({ gold, predicted }) => centralClaimOf(gold) === centralClaimOf(predicted)
	).length;

	return {
		texts: texts.length,
		ccAccuracy: texts.length === 0 ? NaN : claimsFound / texts.length,
		cc: macroF1(unitPairs((node) => node.function === 'central_claim')),
		ro: macroF1(unitPairs((node) => node.stance)),
		fu: macroF1(unitPairs((node) => node.function)),
		at: macroF1(attachmentPairs())
	};
}

/** A text's unit boundaries: the ends of its units, except those at the end of the text. */
export function boundaries(spans: readonly Span[], textEnd: number): Set<number> {
	return new Set(spans.map((span) => span.end).filter((end) => end < textEnd));
}

/** Where a text's words end, so trailing whitespace or a final newline is not a boundary. */
export function textEnd(text: string): number {
	return text.trimEnd().length;
}

/**
 * Boundary precision, recall and F1, pooled over texts: a predicted boundary counts when a gold
 * unit ends at exactly the same offset. With nothing to find and nothing found, all are 1.
 */
export function boundaryScores(
	texts: readonly { gold: ReadonlySet<number>; predicted: ReadonlySet<number> }[]
): BoundaryScores {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const { gold, predicted } of texts) {
		for (const offset of predicted) {
			if (gold.has(offset)) tp++;
			else fp++;
		}
		for (const offset of gold) if (!predicted.has(offset)) fn++;
	}
	return {
		precision: tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp),
		recall: tp + fn === 0 ? 1 : tp / (tp + fn),
		f1: f1(tp, fp, fn),
		truePositives: tp,
		falsePositives: fp,
		falseNegatives: fn
	};
}

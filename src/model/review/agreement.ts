// Agreement figures between two annotators (issue #5), for one image and summed for a case.
// B is measured against A, the reference.
//
// - sameLabelPairs are pass-1 matches (the true positives), labelDisagreements pass-2 matches,
//   matchedPairs both. Every A box is exactly one of: in a same-label pair, in a label
//   disagreement, A-only; likewise every B box.
// - meanIoU is over same-label pairs only: it says how closely the two drew the objects they agree
//   on. A label disagreement is already counted as one, and its IoU is in the difference list.
// - precision = TP / B boxes, recall = TP / A boxes, F1 = 2·TP / (A boxes + B boxes): a label
//   disagreement counts against both.
// - kappa is Cohen's kappa over the (A label, B label) of every matched pair, both passes.
// Every ratio is null when its denominator is zero rather than a made-up 0 or 1; see `kappa`.
import type { MatchResult, ReviewBox } from './matchBoxes';

export interface LabelCount {
  label: string;
  a: number;
  b: number;
  /** b − a: positive when B counted more. */
  difference: number;
}

/** One cell of the confusion table of matched pairs. */
export interface LabelPairCount {
  aLabel: string;
  bLabel: string;
  pairs: number;
}

/** Counts that add up across images; case figures are recomputed from their sums. */
export interface AgreementTallies {
  sameLabelPairs: number;
  labelDisagreements: number;
  aOnly: number;
  bOnly: number;
  /** Sum of the IoUs of the same-label pairs. */
  sameLabelIoUSum: number;
  /** Every label used on either side, in code-unit order. */
  labelCounts: LabelCount[];
  /** Sorted by A label, then B label. */
  labelPairs: LabelPairCount[];
}

/**
 * Why kappa is null: 'no-pairs' when nothing was matched; 'one-label' when every matched pair
 * carries one and the same label on both sides, so chance agreement is already 1 and kappa is
 * 0/0 (agreement is perfect, but kappa cannot say so).
 */
export type KappaUndefined = 'no-pairs' | 'one-label';

export interface AgreementFigures extends AgreementTallies {
  matchedPairs: number;
  meanIoU: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  kappa: number | null;
  kappaUndefined: KappaUndefined | null;
}

export function agreementFigures(a: readonly ReviewBox[], b: readonly ReviewBox[], result: MatchResult): AgreementFigures {
  const counts = new Map<string, { a: number; b: number }>();
  const countOf = (label: string) => {
    let entry = counts.get(label);
    if (!entry) counts.set(label, (entry = { a: 0, b: 0 }));
    return entry;
  };
  for (const box of a) countOf(box.label).a += 1;
  for (const box of b) countOf(box.label).b += 1;
  const same = result.matches.filter((m) => m.aLabel === m.bLabel);
  return figuresFromTallies({
    sameLabelPairs: same.length,
    labelDisagreements: result.matches.length - same.length,
    aOnly: result.aOnly.length,
    bOnly: result.bOnly.length,
    sameLabelIoUSum: same.reduce((sum, m) => sum + m.iou, 0),
    labelCounts: [...counts].map(([label, c]) => ({ label, a: c.a, b: c.b, difference: c.b - c.a })),
    labelPairs: result.matches.map((m) => ({ aLabel: m.aLabel, bLabel: m.bLabel, pairs: 1 })),
  });
}

/** Case figures: the tallies of every image summed, and the ratios recomputed from the sums. */
export function sumAgreement(perImage: readonly AgreementTallies[]): AgreementFigures {
  return figuresFromTallies({
    sameLabelPairs: total(perImage, (t) => t.sameLabelPairs),
    labelDisagreements: total(perImage, (t) => t.labelDisagreements),
    aOnly: total(perImage, (t) => t.aOnly),
    bOnly: total(perImage, (t) => t.bOnly),
    sameLabelIoUSum: total(perImage, (t) => t.sameLabelIoUSum),
    labelCounts: perImage.flatMap((t) => t.labelCounts),
    labelPairs: perImage.flatMap((t) => t.labelPairs),
  });
}

const total = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((sum, item) => sum + of(item), 0);

const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Merges repeated labels and label pairs, sorts them, and derives every ratio. */
function figuresFromTallies(t: AgreementTallies): AgreementFigures {
  const counts = new Map<string, { a: number; b: number }>();
  for (const c of t.labelCounts) {
    const entry = counts.get(c.label) ?? { a: 0, b: 0 };
    counts.set(c.label, { a: entry.a + c.a, b: entry.b + c.b });
  }
  const labelCounts = [...counts]
    .map(([label, c]) => ({ label, a: c.a, b: c.b, difference: c.b - c.a }))
    .sort((x, y) => byCodeUnits(x.label, y.label));
  const cells = new Map<string, LabelPairCount>();
  for (const cell of t.labelPairs) {
    const key = JSON.stringify([cell.aLabel, cell.bLabel]);
    const entry = cells.get(key);
    if (entry) entry.pairs += cell.pairs;
    else cells.set(key, { ...cell });
  }
  const labelPairs = [...cells.values()].sort((x, y) => byCodeUnits(x.aLabel, y.aLabel) || byCodeUnits(x.bLabel, y.bLabel));

  const tp = t.sameLabelPairs;
  const aBoxes = tp + t.labelDisagreements + t.aOnly;
  const bBoxes = tp + t.labelDisagreements + t.bOnly;
  const ratio = (num: number, den: number) => (den === 0 ? null : num / den);
  const { kappa, kappaUndefined } = cohensKappa(labelPairs);
  return {
    ...t,
    labelCounts,
    labelPairs,
    matchedPairs: tp + t.labelDisagreements,
    meanIoU: ratio(t.sameLabelIoUSum, tp),
    precision: ratio(tp, bBoxes),
    recall: ratio(tp, aBoxes),
    f1: ratio(2 * tp, aBoxes + bBoxes),
    kappa,
    kappaUndefined,
  };
}

/**
 * Cohen's kappa, (po − pe) / (1 − pe), from a confusion table. Computed as
 * (N·agree − Σ rowₖ·colₖ) / (N² − Σ rowₖ·colₖ) so that the undefined case (pe = 1) is an exact
 * integer test.
 */
export function cohensKappa(table: readonly LabelPairCount[]): { kappa: number | null; kappaUndefined: KappaUndefined | null } {
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  let n = 0;
  let agree = 0;
  for (const cell of table) {
    n += cell.pairs;
    if (cell.aLabel === cell.bLabel) agree += cell.pairs;
    rows.set(cell.aLabel, (rows.get(cell.aLabel) ?? 0) + cell.pairs);
    cols.set(cell.bLabel, (cols.get(cell.bLabel) ?? 0) + cell.pairs);
  }
  if (n === 0) return { kappa: null, kappaUndefined: 'no-pairs' };
  let chance = 0;
  for (const [label, row] of rows) chance += row * (cols.get(label) ?? 0);
  if (chance === n * n) return { kappa: null, kappaUndefined: 'one-label' };
  return { kappa: (n * agree - chance) / (n * n - chance), kappaUndefined: null };
}

// Pairs two annotators' boxes on one image for the reviewer (issue #5). Pass 1 pairs boxes that
// carry the same label; pass 2 pairs what is left across labels, at the same threshold, so that
// "A saw a ship where B saw a tug" is reported as one label disagreement instead of an A-only
// and a B-only box. Both passes use the optimal assignment of ./assignment.ts.
import type { BoxGeometry } from '../geometry';
import { overlappingPairs } from './candidatePairs';
import { assignByComponents } from './componentAssignment';

export interface ReviewBox {
  id: string;
  label: string;
  geometry: BoxGeometry;
}

export interface BoxMatch {
  aId: string;
  bId: string;
  iou: number;
  aLabel: string;
  /** Equal to aLabel for a pass-1 match; different for a label disagreement (pass 2). */
  bLabel: string;
}

export interface MatchResult {
  threshold: number;
  /** In A's order. */
  matches: BoxMatch[];
  /** Ids of boxes left unpaired, each in its side's order. */
  aOnly: string[];
  bOnly: string[];
}

export interface MatchOptions {
  /** Least IoU for two boxes to be paired, in (0, 1]; a pair exactly at it is paired. */
  threshold?: number;
}

export const DEFAULT_MATCH_THRESHOLD = 0.5;

export function matchBoxes(a: readonly ReviewBox[], b: readonly ReviewBox[], options: MatchOptions = {}): MatchResult {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(`The matching threshold must be an IoU above 0 and at most 1 (it was ${threshold}); nothing was compared.`);
  }
  const candidates = overlappingPairs(
    a.map((box) => box.geometry),
    b.map((box) => box.geometry),
    threshold,
  );
  const sameLabel = candidates.filter((p) => a[p.a]!.label === b[p.b]!.label);
  const firstPass = assignByComponents(a.length, b.length, sameLabel);
  const pairedA = new Set(firstPass.map((p) => p.a));
  const pairedB = new Set(firstPass.map((p) => p.b));
  const crossLabel = candidates.filter((p) => !pairedA.has(p.a) && !pairedB.has(p.b) && a[p.a]!.label !== b[p.b]!.label);
  const secondPass = assignByComponents(a.length, b.length, crossLabel);
  for (const p of secondPass) {
    pairedA.add(p.a);
    pairedB.add(p.b);
  }
  const matches = [...firstPass, ...secondPass]
    .sort((x, y) => x.a - y.a)
    .map((p): BoxMatch => {
      const boxA = a[p.a]!;
      const boxB = b[p.b]!;
      return { aId: boxA.id, bId: boxB.id, iou: p.iou, aLabel: boxA.label, bLabel: boxB.label };
    });
  return {
    threshold,
    matches,
    aOnly: a.filter((_, i) => !pairedA.has(i)).map((box) => box.id),
    bOnly: b.filter((_, j) => !pairedB.has(j)).map((box) => box.id),
  };
}

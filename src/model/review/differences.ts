// The reviewer's list of differences between two annotators on one image (issue #5), each with
// the rectangle to centre the view on.
//
// Severity order, most severe first:
//   1. 'a-only'          A (the reference) saw an object that B did not: a miss.
//   2. 'b-only'          B saw an object that A did not.
//   3. 'label-mismatch'  both saw it but named it differently.
//   4. 'low-iou'         both saw it and named it alike, but drew it differently (same-label
//                        pair with IoU below the low-IoU level).
// Within a kind: lower IoU first (for pairs), then reading order of the rectangle (top, then
// left), then A id, then B id. That is a total order on the differences themselves, so the list
// does not depend on the order of the input boxes.
import { boxBounds, type Rect } from '../geometry';
import type { DIFFERENCE_KINDS } from '../records';
import type { MatchResult, ReviewBox } from './matchBoxes';

export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface ReviewDifference {
  kind: DifferenceKind;
  aId: string | null;
  bId: string | null;
  aLabel: string | null;
  bLabel: string | null;
  /** IoU of the pair; null for a box on one side only. */
  iou: number | null;
  /** Image pixels: the bounds of the box, or of both boxes of a pair. */
  bounds: Rect;
}

export interface DifferenceOptions {
  /** Same-label pairs with IoU below this are listed as 'low-iou'; in [0, 1]. */
  lowIoU?: number;
}

export const DEFAULT_LOW_IOU = 0.7;

const SEVERITY: Record<DifferenceKind, number> = { 'a-only': 0, 'b-only': 1, 'label-mismatch': 2, 'low-iou': 3 };

export function listDifferences(
  a: readonly ReviewBox[],
  b: readonly ReviewBox[],
  result: MatchResult,
  options: DifferenceOptions = {},
): ReviewDifference[] {
  const lowIoU = options.lowIoU ?? DEFAULT_LOW_IOU;
  if (!(lowIoU >= 0 && lowIoU <= 1)) {
    throw new RangeError(`The low-IoU level must be between 0 and 1 (it was ${lowIoU}); no differences were listed.`);
  }
  const boxA = byId(a, 'A');
  const boxB = byId(b, 'B');
  const list: ReviewDifference[] = [];
  for (const id of result.aOnly) {
    const box = boxA(id);
    list.push({ kind: 'a-only', aId: id, bId: null, aLabel: box.label, bLabel: null, iou: null, bounds: boxBounds(box.geometry) });
  }
  for (const id of result.bOnly) {
    const box = boxB(id);
    list.push({ kind: 'b-only', aId: null, bId: id, aLabel: null, bLabel: box.label, iou: null, bounds: boxBounds(box.geometry) });
  }
  for (const m of result.matches) {
    const kind = m.aLabel !== m.bLabel ? 'label-mismatch' : m.iou < lowIoU ? 'low-iou' : null;
    if (!kind) continue;
    const bounds = unionRect(boxBounds(boxA(m.aId).geometry), boxBounds(boxB(m.bId).geometry));
    list.push({ kind, aId: m.aId, bId: m.bId, aLabel: m.aLabel, bLabel: m.bLabel, iou: m.iou, bounds });
  }
  return list.sort(bySeverity);
}

function bySeverity(x: ReviewDifference, y: ReviewDifference): number {
  return (
    SEVERITY[x.kind] - SEVERITY[y.kind] ||
    (x.iou ?? 0) - (y.iou ?? 0) ||
    x.bounds.minY - y.bounds.minY ||
    x.bounds.minX - y.bounds.minX ||
    byCodeUnits(x.aId ?? '', y.aId ?? '') ||
    byCodeUnits(x.bId ?? '', y.bId ?? '')
  );
}

const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function byId(boxes: readonly ReviewBox[], side: string): (id: string) => ReviewBox {
  const map = new Map(boxes.map((box) => [box.id, box]));
  return (id) => {
    const box = map.get(id);
    if (!box) throw new Error(`Box ${id} is in the match result but not among side ${side}'s boxes: the result belongs to other boxes.`);
    return box;
  };
}

function unionRect(p: Rect, q: Rect): Rect {
  return { minX: Math.min(p.minX, q.minX), minY: Math.min(p.minY, q.minY), maxX: Math.max(p.maxX, q.maxX), maxY: Math.max(p.maxY, q.maxY) };
}

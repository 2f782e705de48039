// The pairs worth solving for: every A box against the B boxes whose bounds meet its own (found
// with a spatial index, not all 4 million combinations), kept when their IoU reaches the threshold.
import Flatbush from 'flatbush';
import { boxBounds, type BoxGeometry } from '../geometry';
import type { CandidatePair } from './componentAssignment';
import { boxIoU } from './polygonOverlap';

/** Pairs with IoU >= threshold (threshold > 0), sorted by A index then B index. */
export function overlappingPairs(a: readonly BoxGeometry[], b: readonly BoxGeometry[], threshold: number): CandidatePair[] {
  if (a.length === 0 || b.length === 0) return [];
  const index = new Flatbush(b.length);
  for (const box of b) {
    const r = boxBounds(box);
    index.add(r.minX, r.minY, r.maxX, r.maxY);
  }
  index.finish();
  const areaB = b.map((box) => box.width * box.height);
  const pairs: CandidatePair[] = [];
  a.forEach((boxA, i) => {
    const r = boxBounds(boxA);
    const areaA = boxA.width * boxA.height;
    const near = index.search(r.minX, r.minY, r.maxX, r.maxY).sort((x, y) => x - y);
    for (const j of near) {
      // IoU is at most the smaller area over the larger: skip the polygon work when that is
      // clearly short of the threshold (the slack keeps pairs exactly at it).
      const bArea = areaB[j]!;
      if (Math.min(areaA, bArea) / Math.max(areaA, bArea) < threshold - 1e-12) continue;
      const iou = boxIoU(boxA, b[j]!);
      if (iou >= threshold) pairs.push({ a: i, b: j, iou });
    }
  });
  return pairs;
}

import { describe, expect, test } from 'vitest';
import type { BoxGeometry } from '../../../src/model/geometry';
import { denseAssignment } from '../../../src/model/review/assignment';
import { overlappingPairs } from '../../../src/model/review/candidatePairs';
import { assignByComponents, type CandidatePair } from '../../../src/model/review/componentAssignment';
import { boxIoU } from '../../../src/model/review/polygonOverlap';
import { pick, seededRandom } from '../../fixtures/seededRandom';

type Point = { x: number; y: number };
const someCentres = (random: () => number): Point[] => Array.from({ length: 8 }, () => ({ x: random() * 300, y: random() * 300 }));

/** `count` boxes crowded around a few centres, some turned, so that components are large. */
function crowdedBoxes(random: () => number, centres: readonly Point[], count: number): BoxGeometry[] {
  return Array.from({ length: count }, () => {
    const c = pick(random, centres);
    const width = 20 + random() * 20;
    const height = 20 + random() * 20;
    return {
      x: c.x + (random() - 0.5) * 16 - width / 2,
      y: c.y + (random() - 0.5) * 16 - height / 2,
      width,
      height,
      rotation: pick(random, [0, 0, 90, (random() - 0.5) * 60]),
    };
  });
}

const iouMatrix = (a: readonly BoxGeometry[], b: readonly BoxGeometry[]) => a.map((p) => b.map((q) => boxIoU(p, q)));

describe('solving component by component', () => {
  test('finds the same candidate pairs as comparing every box with every box', () => {
    const random = seededRandom(3);
    const centres = someCentres(random);
    const a = crowdedBoxes(random, centres, 60);
    const b = crowdedBoxes(random, centres, 55);
    const every: CandidatePair[] = [];
    iouMatrix(a, b).forEach((row, i) => row.forEach((iou, j) => iou >= 0.3 && every.push({ a: i, b: j, iou })));
    expect(every.length).toBeGreaterThan(a.length);
    expect(overlappingPairs(a, b, 0.3)).toEqual(every);
  });

  test('equals the dense solution on crowded random boxes', () => {
    const random = seededRandom(17);
    for (let run = 0; run < 20; run += 1) {
      const centres = someCentres(random);
      const a = crowdedBoxes(random, centres, 40 + Math.floor(random() * 20));
      const b = crowdedBoxes(random, centres, 40 + Math.floor(random() * 20));
      const threshold = pick(random, [0.2, 0.3, 0.5]);
      const candidates = overlappingPairs(a, b, threshold);
      // The check means something only if boxes compete: some A box has several candidates.
      const perA = new Map<number, number>();
      for (const p of candidates) perA.set(p.a, (perA.get(p.a) ?? 0) + 1);
      expect(Math.max(0, ...perA.values())).toBeGreaterThan(2);
      expect(assignByComponents(a.length, b.length, candidates)).toEqual(denseAssignment(iouMatrix(a, b), threshold));
    }
  });

  test('equals the dense solution when ties are everywhere', () => {
    const random = seededRandom(23);
    for (let run = 0; run < 20; run += 1) {
      const rows = 50;
      const cols = 45;
      const iou = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (random() < 0.06 ? pick(random, [0.5, 0.6, 0.8, 1]) : 0)),
      );
      const candidates: CandidatePair[] = [];
      iou.forEach((row, i) => row.forEach((value, j) => value >= 0.5 && candidates.push({ a: i, b: j, iou: value })));
      expect(assignByComponents(rows, cols, candidates)).toEqual(denseAssignment(iou, 0.5));
    }
  });

  test('lone pairs and no pairs', () => {
    expect(assignByComponents(0, 0, [])).toEqual([]);
    expect(assignByComponents(3, 2, [{ a: 2, b: 0, iou: 0.7 }])).toEqual([{ a: 2, b: 0, iou: 0.7 }]);
    expect(() => assignByComponents(1, 1, [{ a: 0, b: 1, iou: 0.7 }])).toThrow(RangeError);
  });
});

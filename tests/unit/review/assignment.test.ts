import { describe, expect, test } from 'vitest';
import { denseAssignment, type AssignedPair } from '../../../src/model/review/assignment';
import { pick, seededRandom } from '../../fixtures/seededRandom';

const pairsOf = (pairs: AssignedPair[]) => pairs.map((p) => [p.a, p.b]);

describe('optimal assignment, by hand', () => {
  test('empty inputs give no pairs', () => {
    expect(denseAssignment([], 0.5)).toEqual([]);
    expect(denseAssignment([[], []], 0.5)).toEqual([]);
  });

  test('more pairs beat a larger IoU total', () => {
    // Chain B0–A0–B1–A1–B2–A2: the IoU sum alone keeps A0–B1 and A1–B2 (1.9) and leaves A2 and
    // B0 unpaired; three pairs at 0.5 each (1.5) leave nobody out.
    const iou = [
      [0.5, 0.95, 0],
      [0, 0.5, 0.95],
      [0, 0, 0.5],
    ];
    expect(pairsOf(denseAssignment(iou, 0.5))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  test('among equally many pairs, the larger IoU total wins', () => {
    // Straight 0.9 + 0.6 = 1.5; crossed 0.8 + 0.8 = 1.6.
    expect(pairsOf(denseAssignment([[0.9, 0.8], [0.8, 0.6]], 0.5))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  test('pairs below the threshold are never made, even to pair more boxes', () => {
    // Straight would pair both, but 0.2 is below 0.5.
    expect(pairsOf(denseAssignment([[0.9, 0.6], [0.6, 0.2]], 0.5))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(denseAssignment([[0.49]], 0.5)).toEqual([]);
  });

  test('a pair exactly at the threshold is made', () => {
    expect(denseAssignment([[0.5]], 0.5)).toEqual([{ a: 0, b: 0, iou: 0.5 }]);
    expect(denseAssignment([[0.5]], 0.5000001)).toEqual([]);
  });

  test('rectangular inputs', () => {
    expect(pairsOf(denseAssignment([[0.6, 0.9, 0.7]], 0.5))).toEqual([[0, 1]]);
    expect(pairsOf(denseAssignment([[0.6], [0.9], [0.7]], 0.5))).toEqual([[1, 0]]);
    expect(pairsOf(denseAssignment([[0.9, 0.8, 0], [0.85, 0, 0]], 0.5))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  test('ties go to the lower indices', () => {
    // Straight 0.9 + 0.5 = 1.4 ties crossed 0.7 + 0.7: A0 takes B0.
    expect(pairsOf(denseAssignment([[0.9, 0.7], [0.7, 0.5]], 0.5))).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // Identical boxes on both sides: any pairing is as good; the earliest take the earliest.
    const same = Array.from({ length: 4 }, () => [0.8, 0.8, 0.8, 0.8]);
    expect(pairsOf(denseAssignment(same, 0.5))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // One B box wanted equally by two A boxes: the first A box has it.
    expect(pairsOf(denseAssignment([[0.6], [0.6]], 0.5))).toEqual([[0, 0]]);
    expect(pairsOf(denseAssignment([[0.6, 0.6]], 0.5))).toEqual([[0, 0]]);
    // The rule only chooses among optimal pairings: A0 would prefer B0, but only A0 can take B1.
    expect(pairsOf(denseAssignment([[0.6, 0.6], [0.6, 0]], 0.5))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

/** Every partial one-to-one pairing of allowed cells; the best by (pairs, IoU total in 1e-9 units), ties by the rule. */
function bruteForce(iou: readonly (readonly number[])[], threshold: number): { partners: number[]; pairs: number; units: number } {
  const rows = iou.length;
  const cols = iou[0]?.length ?? 0;
  const none = cols; // "no partner" sorts after every B index
  let best = { partners: [] as number[], pairs: -1, units: -1 };
  const partners: number[] = [];
  const taken = new Array<boolean>(cols).fill(false);
  const visit = (a: number, pairs: number, units: number) => {
    if (a === rows) {
      const better =
        pairs > best.pairs ||
        (pairs === best.pairs && units > best.units) ||
        (pairs === best.pairs && units === best.units && lexLess(partners, best.partners));
      if (better) best = { partners: [...partners], pairs, units };
      return;
    }
    for (let b = 0; b < cols; b += 1) {
      const value = iou[a]![b]!;
      if (taken[b] || value < threshold) continue;
      taken[b] = true;
      partners.push(b);
      visit(a + 1, pairs + 1, units + Math.round(value * 1e9));
      partners.pop();
      taken[b] = false;
    }
    partners.push(none);
    visit(a + 1, pairs, units);
    partners.pop();
  };
  visit(0, 0, 0);
  return best;
}

function lexLess(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
}

function randomMatrix(rows: number, cols: number, values: () => number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, values));
}

describe('optimal assignment against every possible assignment', () => {
  const check = (iou: number[][], threshold: number) => {
    const cols = iou[0]?.length ?? 0;
    const solved = denseAssignment(iou, threshold);
    const expected = bruteForce(iou, threshold);
    const partners = iou.map(() => cols);
    for (const p of solved) partners[p.a] = p.b;
    expect(solved.length).toBe(expected.pairs);
    expect(solved.reduce((sum, p) => sum + Math.round(p.iou * 1e9), 0)).toBe(expected.units);
    expect(partners).toEqual(expected.partners);
  };

  test('random IoUs, up to 6 × 6', () => {
    const random = seededRandom(5);
    for (let run = 0; run < 400; run += 1) {
      const rows = Math.floor(random() * 7);
      const cols = Math.floor(random() * 7);
      const density = random();
      const iou = randomMatrix(rows, cols, () => (random() < density ? random() : 0));
      check(iou, pick(random, [0.1, 0.3, 0.5, 0.7]));
    }
  });

  test('IoUs from a few values, so that ties are everywhere, up to 6 × 6', () => {
    const random = seededRandom(11);
    for (let run = 0; run < 400; run += 1) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 6);
      const iou = randomMatrix(rows, cols, () => pick(random, [0, 0, 0.4, 0.5, 0.6, 0.75, 0.9, 1]));
      check(iou, 0.5);
    }
  });
});

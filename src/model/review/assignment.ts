// Optimal one-to-one pairing of A's boxes with B's boxes by IoU (issue #5).
//
// Objective: the most pairs first, then the largest total IoU among those pairings. The IoU sum
// alone can leave boxes unpaired to raise the IoU of others (along a chain B0–A1–B1–A2–B2–A3 where
// A1–B1 and A2–B2 overlap at 0.95 and the links between them at 0.5, it keeps 2 pairs (1.9) rather
// than 3 (1.5)), and every box it leaves out becomes an A-only or B-only difference that a reviewer
// must adjudicate although a pairing above the threshold existed. So the number of unpaired boxes
// is always the fewest possible.
//
// Pairs below the threshold are forbidden outright (not merely given a low weight), so the best
// pairing of the allowed pairs is found. A pair exactly at the threshold is allowed.
//
// IoUs are compared in whole units of 1e-9 so that sums are exact integers: totals closer than that
// are a tie. Tie rule, which makes the result independent of the solver's path: among optimal
// pairings, the one whose list of B partners read in A's order is lexicographically smallest, "no
// partner" counting after every B box. In words: A's earlier boxes get B's earlier boxes.
import { solveSquareAssignment, type SquareAssignment } from './hungarian';

export interface AssignedPair {
  /** Row (A) index. */
  a: number;
  /** Column (B) index. */
  b: number;
  iou: number;
}

/** The IoU of an allowed pair, or null when the pair may not be matched. */
export type AllowedIoU = (a: number, b: number) => number | null;

const IOU_UNITS = 1e9;

/**
 * Dense solver for `rows` A boxes against `cols` B boxes, in O((rows + cols)³). Pairs come back
 * sorted by A index.
 *
 * The rectangular problem becomes a square one of side rows + cols: each A box has its own
 * "no partner" column, and `cols` spare rows take the B boxes left unpaired and the unused
 * "no partner" columns.
 */
export function optimalAssignment(rows: number, cols: number, iouOf: AllowedIoU): AssignedPair[] {
  if (rows === 0 || cols === 0) return [];
  const n = rows + cols;
  const most = Math.min(rows, cols);
  // Keeps every potential well inside 2^53 so the integer arithmetic stays exact; only a
  // component of thousands of mutually overlapping boxes would compare IoUs more coarsely.
  const units = Math.min(IOU_UNITS, Math.floor(2 ** 50 / (n * (most + 2))));
  // Worth more than any possible IoU total, so one more pair always beats a better IoU sum.
  const pairWorth = (most + 1) * units;
  const cost = new Float64Array(n * n).fill(Infinity);
  const ious = new Float64Array(rows * cols);
  for (let a = 0; a < rows; a += 1) {
    for (let b = 0; b < cols; b += 1) {
      const iou = iouOf(a, b);
      if (iou === null) continue;
      ious[a * cols + b] = iou;
      cost[a * n + b] = -(pairWorth + Math.round(Math.min(Math.max(iou, 0), 1) * units));
    }
    cost[a * n + cols + a] = 0;
  }
  cost.fill(0, rows * n);
  const colOfRow = preferLowerIndices(rows, cols, cost, solveSquareAssignment(n, cost));
  const pairs: AssignedPair[] = [];
  for (let a = 0; a < rows; a += 1) {
    const b = colOfRow[a]!;
    if (b < cols) pairs.push({ a, b, iou: ious[a * cols + b]! });
  }
  return pairs;
}

/** Dense solver over a full IoU matrix (rows A, columns B): pairs below `threshold` are forbidden. */
export function denseAssignment(iou: readonly (readonly number[])[], threshold: number): AssignedPair[] {
  return optimalAssignment(iou.length, iou[0]?.length ?? 0, (a, b) => {
    const value = iou[a]![b]!;
    return value >= threshold ? value : null;
  });
}

/**
 * Turns an optimal assignment into the one the tie rule names. The optimal assignments are
 * exactly the perfect assignments on tight cells (complementary slackness), so for each A row in
 * turn we take the smallest tight column that the rows not yet settled can make room for by
 * moving along a chain of tight cells, and rotate that chain.
 */
function preferLowerIndices(rows: number, cols: number, cost: Float64Array, solved: SquareAssignment): Int32Array {
  const n = rows + cols;
  const { rowPotential: u, colPotential: v } = solved;
  const colOf = Int32Array.from(solved.colOfRow);
  const rowOf = new Int32Array(n);
  colOf.forEach((c, r) => (rowOf[c] = r));
  const tight = (r: number, c: number) => {
    const value = cost[r * n + c]!;
    return value !== Infinity && u[r]! + v[c]! === value;
  };
  const settled = new Uint8Array(n);
  const canFree = new Uint8Array(n);
  const moveTo = new Int32Array(n); // the column the owner of a column would move to
  const queue = new Int32Array(n);
  for (let a = 0; a < rows; a += 1) {
    const current = colOf[a]!;
    // Columns whose owner can move, chain by chain, into `current` once row `a` leaves it.
    canFree.fill(0);
    canFree[current] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = current;
    while (head < tail) {
      const target = queue[head++]!;
      for (let r = 0; r < n; r += 1) {
        const held = colOf[r]!;
        if (settled[r] || r === a || canFree[held] || !tight(r, target)) continue;
        canFree[held] = 1;
        moveTo[held] = target;
        queue[tail++] = held;
      }
    }
    // `current` always qualifies, so when no lower B box does, row `a` keeps it (a B box, or
    // its own "no partner" column when no B box is possible).
    let chosen = current;
    for (let c = 0; c < cols; c += 1) {
      if (canFree[c] && tight(a, c)) {
        chosen = c;
        break;
      }
    }
    let row = a;
    let col = chosen;
    while (col !== current) {
      const displaced = rowOf[col]!;
      rowOf[col] = row;
      colOf[row] = col;
      row = displaced;
      col = moveTo[col]!;
    }
    rowOf[current] = row;
    colOf[row] = current;
    settled[a] = 1;
  }
  return colOf;
}

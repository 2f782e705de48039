// The same optimal assignment as `optimalAssignment`, fast on real images: two authors' 2,000
// boxes each would make a dense solve cost about 10^10 steps, but a box only competes with the
// boxes it overlaps. The bipartite graph of allowed pairs falls apart into small connected
// components; the objective (pairs, then IoU total) and the tie rule both decompose over them,
// so solving each component alone and keeping each side's order inside it gives exactly the dense
// answer (tests/unit/review/componentAssignment.test.ts checks this).
import { optimalAssignment, type AssignedPair } from './assignment';

/** A pair that may be matched: each (a, b) at most once. */
export interface CandidatePair {
  a: number;
  b: number;
  iou: number;
}

/** Optimal pairs of `aCount` A boxes with `bCount` B boxes, sorted by A index. */
export function assignByComponents(aCount: number, bCount: number, candidates: readonly CandidatePair[]): AssignedPair[] {
  const pairs: AssignedPair[] = [];
  for (const edges of splitIntoComponents(aCount, bCount, candidates)) {
    // A lone pair needs no solver; that is most of them on a real image.
    if (edges.length === 1) pairs.push({ ...edges[0]! });
    else pairs.push(...solveComponent(edges));
  }
  return pairs.sort((x, y) => x.a - y.a);
}

/** Candidate pairs grouped by connected component (union–find; B box j is node aCount + j). */
function splitIntoComponents(aCount: number, bCount: number, candidates: readonly CandidatePair[]): CandidatePair[][] {
  const parent = Int32Array.from({ length: aCount + bCount }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!; // path halving
      x = parent[x]!;
    }
    return x;
  };
  for (const { a, b } of candidates) {
    if (!(a >= 0 && a < aCount && b >= 0 && b < bCount)) {
      throw new RangeError(`Candidate pair (${a}, ${b}) is outside ${aCount} A boxes and ${bCount} B boxes.`);
    }
    const ra = find(a);
    const rb = find(aCount + b);
    if (ra !== rb) parent[rb] = ra;
  }
  const byRoot = new Map<number, CandidatePair[]>();
  for (const edge of candidates) {
    const root = find(edge.a);
    const list = byRoot.get(root);
    if (list) list.push(edge);
    else byRoot.set(root, [edge]);
  }
  return [...byRoot.values()];
}

function solveComponent(edges: readonly CandidatePair[]): AssignedPair[] {
  // Local indices keep each side's global order, which the tie rule depends on.
  const aIndices = [...new Set(edges.map((e) => e.a))].sort((x, y) => x - y);
  const bIndices = [...new Set(edges.map((e) => e.b))].sort((x, y) => x - y);
  const localB = new Map(bIndices.map((b, i) => [b, i]));
  const localA = new Map(aIndices.map((a, i) => [a, i]));
  const iou = new Map<number, number>();
  for (const e of edges) iou.set(localA.get(e.a)! * bIndices.length + localB.get(e.b)!, e.iou);
  return optimalAssignment(aIndices.length, bIndices.length, (a, b) => iou.get(a * bIndices.length + b) ?? null).map((p) => ({
    a: aIndices[p.a]!,
    b: bIndices[p.b]!,
    iou: p.iou,
  }));
}

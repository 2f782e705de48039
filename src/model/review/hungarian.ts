// Kuhn–Munkres (the Hungarian algorithm) for a square cost matrix, minimising the total cost in
// O(n³): rows are added one at a time and each is joined by a shortest augmenting path, with row
// and column potentials keeping the reduced costs non-negative.

export interface SquareAssignment {
  /** colOfRow[i] is the column given to row i. */
  colOfRow: Int32Array;
  /**
   * Dual potentials: rowPotential[i] + colPotential[j] <= cost(i, j) for every cell, with equality
   * on every assigned cell. Any perfect assignment that uses only cells where equality holds
   * ("tight" cells) is optimal too, which is how callers choose among ties.
   */
  rowPotential: Float64Array;
  colPotential: Float64Array;
}

/**
 * `cost` is n×n, row-major. Infinity marks a forbidden cell; the caller guarantees that an
 * assignment using only finite cells exists. With integer costs every potential is an integer,
 * so tightness can be tested exactly.
 */
export function solveSquareAssignment(n: number, cost: Float64Array): SquareAssignment {
  // 1-based internally: index 0 is the virtual column the new row starts from.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOfCol = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i += 1) {
    rowOfCol[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0]!;
      const base = (i0 - 1) * n - 1;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j += 1) {
        if (used[j]) continue;
        const reduced = cost[base + j]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      if (j1 === 0) throw new Error('Assignment has no solution using only allowed cells (internal error: the caller must guarantee one).');
      for (let j = 0; j <= n; j += 1) {
        if (used[j]) {
          const row = rowOfCol[j]!;
          u[row] = u[row]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOfCol[j0] = rowOfCol[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(n);
  for (let j = 1; j <= n; j += 1) colOfRow[rowOfCol[j]! - 1] = j - 1;
  return { colOfRow, rowPotential: u.subarray(1), colPotential: v.subarray(1) };
}

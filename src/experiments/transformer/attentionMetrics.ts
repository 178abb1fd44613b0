/**
 * Scalars that summarise an attention map, so a test (or a student) can read "the map is an anti-diagonal" as a
 * number. Maps are row-major [rows, cols] Float32Arrays whose rows are softmax weights (each row sums to 1).
 */

/**
 * Mean over the first `n` query rows of the weight on one line of the map: for row i, the key column `col(i)`.
 * Rows whose column falls outside the map contribute 0.
 */
function lineMass(map: ArrayLike<number>, cols: number, n: number, col: (row: number) => number): number {
  if (n <= 0) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = col(i);
    if (j >= 0 && j < cols) total += map[i * cols + j];
  }
  return total / n;
}

/**
 * Share of the attention mass of output rows 0…n−1 on the anti-diagonal (key n−1−i for query i), where n is the
 * number of real source tokens. For a model that reverses perfectly this is 1; for uniform attention it is 1/n.
 */
export function antiDiagonalMass(map: ArrayLike<number>, cols: number, n: number): number {
  return lineMass(map, cols, n, (i) => n - 1 - i);
}

/** Share of the mass of rows 0…n−1 on the main diagonal (key i for query i): the copy pattern. */
export function diagonalMass(map: ArrayLike<number>, cols: number, n: number): number {
  return lineMass(map, cols, n, (i) => i);
}

/**
 * The largest share on any other straight line through the map (diagonals and anti-diagonals shifted by
 * k ≠ 0, and the main diagonal): what the anti-diagonal must beat to be "the largest share".
 */
export function largestOtherLineMass(map: ArrayLike<number>, cols: number, n: number): number {
  let best = 0;
  for (let k = -(n - 1); k <= n - 1; k++) {
    best = Math.max(
      best,
      lineMass(map, cols, n, (i) => i + k),
    );
    if (k !== 0)
      best = Math.max(
        best,
        lineMass(map, cols, n, (i) => n - 1 - i + k),
      );
  }
  return best;
}

/** Average of several equally-shaped maps (e.g. the heads of one layer). */
export function meanMap(maps: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(maps[0]?.length ?? 0);
  for (const m of maps) for (let i = 0; i < out.length; i++) out[i] += m[i] / maps.length;
  return out;
}

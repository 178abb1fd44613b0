/**
 * Step 2's small grey-scale images: a digit drawn procedurally on a SIZE×SIZE grid (values in [0, 1], 1 = ink),
 * and the same digit shifted sideways, so the per-pixel squared difference shows where the two disagree.
 */
export const IMAGE_SIZE = 12;

/** Strokes of a "7" in pixel coordinates (x right, y down): the top bar and the diagonal. */
const SEVEN: readonly (readonly [number, number, number, number])[] = [
  [2.5, 2, 8.5, 2],
  [8.5, 2, 4.5, 10],
];

function distanceToSegment(px: number, py: number, [x0, y0, x1, y1]: readonly number[]): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/**
 * The digit shifted right by `shift` pixels (may be fractional or negative), row-major [IMAGE_SIZE²]. Ink fades
 * over one pixel from the stroke's centre line, so shifts by a fraction of a pixel change the image smoothly.
 */
export function digitImage(shift = 0): Float32Array {
  const out = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      const d = Math.min(...SEVEN.map((s) => distanceToSegment(c - shift, r, s)));
      out[r * IMAGE_SIZE + c] = Math.max(0, Math.min(1, 1.5 - d));
    }
  }
  return out;
}

/** Per-pixel squared differences (yᵢ − hᵢ)², same layout as the images. */
export function squaredDifferences(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  const n = Math.min(a.length, b.length);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] - b[i]) ** 2;
  return out;
}

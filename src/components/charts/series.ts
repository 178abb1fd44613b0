/** [x0, y0, x1, y1, …] → separate x and y arrays for LineChart. */
export function deinterleave(points: Float32Array | undefined): { x: Float32Array; y: Float32Array } {
  const n = points ? Math.floor(points.length / 2) : 0;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = points![2 * i];
    y[i] = points![2 * i + 1];
  }
  return { x, y };
}

/**
 * The path up to and including its first point outside the window: a diverging run is shown leaving the map
 * instead of flooding it with lines far outside.
 */
export function untilExit(
  points: Float32Array,
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
): Float32Array {
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < xDomain[0] || x > xDomain[1] || y < yDomain[0] || y > yDomain[1])
      return points.subarray(0, i + 2);
  }
  return points;
}

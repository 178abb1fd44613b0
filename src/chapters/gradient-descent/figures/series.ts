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

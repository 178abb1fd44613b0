/**
 * A scalar field sampled on a regular grid, as experiments send it to figures (loss surfaces and slices: descent,
 * backprop, loss), and read by the charts' `useGridView`.
 */

/** A grid of values over a rectangle, row-major: values[j * nx + i] is at (x0 + i·dx, y0 + j·dy). */
export type GridFields = {
  values: Float32Array;
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
};

/** A grid view as figures read it: the grid's fields, and any other numbers or arrays an experiment adds. */
export interface GridView extends GridFields {
  [key: string]: Float32Array | number;
}

/** The shape check figures use for a grid view (a frame may carry another experiment's view of the same name). */
export function isGridView(v: unknown): v is GridView {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Partial<GridView>;
  return (
    g.values instanceof Float32Array &&
    typeof g.nx === 'number' &&
    typeof g.ny === 'number' &&
    g.values.length === g.nx * g.ny &&
    [g.x0, g.x1, g.y0, g.y1].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Evaluates f on an nx × ny grid spanning [x0, x1] × [y0, y1]. */
export function sampleGrid(
  f: (x: number, y: number) => number,
  nx: number,
  ny: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): GridView {
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((y1 - y0) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x0 + ((x1 - x0) * i) / (nx - 1), y);
  }
  return { values, nx, ny, x0, x1, y0, y1 };
}

import { sampleGrid, type GridView } from './recorder';

/**
 * Analytic test surfaces for the optimiser race, each with its gradient, window and a start that makes the point.
 * `floor` is the global minimum value, so `f − floor` is a non-negative "loss above the minimum" for log plots.
 */
export interface Surface {
  id: SurfaceId;
  title: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  window: { x0: number; x1: number; y0: number; y1: number };
  start: { x: number; y: number };
  floor: number;
  /** Where the minima are, for markers. */
  minima: readonly (readonly [number, number])[];
  tex: string;
}

export type SurfaceId = 'valley' | 'saddle';

/**
 * Ill-conditioned valley f = ½(0.1x² + 20y²): curvatures 0.1 and 20 (condition number 200). Plain gradient descent
 * must keep α < 2/20 for the steep direction, and then crawls along the shallow one.
 */
const valley: Surface = {
  id: 'valley',
  title: 'Ill-conditioned valley',
  f: (x, y) => 0.5 * (0.1 * x * x + 20 * y * y),
  grad: (x, y) => [0.1 * x, 20 * y],
  window: { x0: -5, x1: 5, y0: -2, y1: 2 },
  start: { x: -4.5, y: 1.2 },
  floor: 0,
  minima: [[0, 0]],
  tex: 'f(x, y) = \\tfrac12\\,(0.1\\,x^2 + 20\\,y^2)',
};

/**
 * A saddle between two valleys, f = ½x² + ¼y⁴ − ½y²: a saddle point at the origin, minima at (0, ±1) with
 * f = −¼. The start lies just off the ridge y = 0, where the gradient barely points away from it.
 */
const saddle: Surface = {
  id: 'saddle',
  title: 'Saddle',
  f: (x, y) => 0.5 * x * x + 0.25 * y ** 4 - 0.5 * y * y,
  grad: (x, y) => [x, y ** 3 - y],
  window: { x0: -3, x1: 3, y0: -2, y1: 2 },
  start: { x: -2.6, y: 1e-4 },
  floor: -0.25,
  minima: [
    [0, 1],
    [0, -1],
  ],
  tex: 'f(x, y) = \\tfrac12 x^2 + \\tfrac14 y^4 - \\tfrac12 y^2',
};

export const SURFACES: Record<SurfaceId, Surface> = { valley, saddle };

export function surfaceGrid(s: Surface, nx = 81, ny = 61): GridView {
  const { x0, x1, y0, y1 } = s.window;
  return sampleGrid((x, y) => s.f(x, y) - s.floor, nx, ny, x0, x1, y0, y1);
}

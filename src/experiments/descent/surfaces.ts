import { sampleGrid, type GridView } from '../gridView';

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

/** The valley's steep curvature: plain gradient descent must keep α < 2/20 = 0.1. */
const VALLEY_STEEP = 20;

/**
 * Ill-conditioned valley f = ½(λ_min u² + λ_max v²) in coordinates (u, v) rotated by `angleDeg` from (x, y), with
 * λ_max = 20 and λ_min = λ_max / `condition`. The default (angle 0, condition 200) is the axis-aligned
 * f = ½(0.1x² + 20y²). Rotating it matters for Adam, which rescales each coordinate x, y separately: along the axes
 * that rescaling is exactly the valley's own directions, at 45° it is not (Goh, "Why Momentum Really Works", 2017).
 */
export function makeValley(angleDeg = 0, condition = 200): Surface {
  const a = (angleDeg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const steep = VALLEY_STEEP;
  const shallow = steep / Math.max(1, condition);
  const u = (x: number, y: number) => x * c + y * s; // along the valley floor
  const v = (x: number, y: number) => -x * s + y * c; // across it
  const fmtNum = (n: number) => String(Number(n.toPrecision(3)));
  return {
    id: 'valley',
    title: angleDeg === 0 ? 'Ill-conditioned valley' : `Ill-conditioned valley, turned ${fmtNum(angleDeg)}°`,
    f: (x, y) => 0.5 * (shallow * u(x, y) ** 2 + steep * v(x, y) ** 2),
    grad: (x, y) => {
      const gu = shallow * u(x, y);
      const gv = steep * v(x, y);
      return [gu * c - gv * s, gu * s + gv * c];
    },
    window: { x0: -5, x1: 5, y0: -2, y1: 2 },
    start: { x: -4.5, y: 1.2 },
    floor: 0,
    minima: [[0, 0]],
    tex:
      angleDeg === 0
        ? `f(x, y) = \\tfrac12\\,(${fmtNum(shallow)}\\,x^2 + ${steep}\\,y^2)`
        : `f = \\tfrac12\\,(${fmtNum(shallow)}\\,u^2 + ${steep}\\,v^2),\\ (u, v) = (x, y)\\text{ turned by }${fmtNum(angleDeg)}^\\circ`,
  };
}

const valley = makeValley();

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

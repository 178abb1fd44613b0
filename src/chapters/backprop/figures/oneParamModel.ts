import { scaleLinear, type ScaleLinear } from 'd3';
import type { OneParamStateView } from '../../../experiments/descent/views';

/** The chart's size in viewBox units: wide and low so the figure with its controls fits one laptop screen. */
export const W = 560;
export const H = 250;
export const M = { top: 16, right: 16, bottom: 40, left: 52 };

/** The latest numbers of the descent-theta experiment (empty while its `state` view is missing). */
export type DescentState = Partial<OneParamStateView>;

export interface OneParamGeometry {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Scales clamped to the plot area, so a diverging θ stays drawn at the edge. */
  clampX(v: number): number;
  clampY(v: number): number;
  /** The L(θ) curve and the trail of visited (θ, L) pairs as SVG paths. */
  curve: string;
  trail: string;
  /** Ends of the tangent at θ (±1.2 around it), or null while θ is off the chart. */
  tangent: (readonly [number, number])[] | null;
}

/** Scales and paths for the L(θ) chart from the sampled curve, the path (θ, L pairs) and the current state. */
export function oneParamGeometry(
  thetas: Float32Array,
  losses: Float32Array,
  path: Float32Array | undefined,
  { theta, loss, grad }: DescentState,
): OneParamGeometry {
  let maxLoss = 0;
  for (const v of losses) if (Number.isFinite(v)) maxLoss = Math.max(maxLoss, v);
  const first = thetas[0];
  const last = thetas[thetas.length - 1];
  const x = scaleLinear()
    .domain([first, last])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, maxLoss * 1.05])
    .range([H - M.bottom, M.top]);
  const clampX = (v: number) => Math.max(M.left, Math.min(W - M.right, x(v)));
  const clampY = (v: number) => Math.max(M.top, Math.min(H - M.bottom, y(v)));
  let curve = '';
  for (let i = 0; i < thetas.length; i++)
    curve += `${i ? 'L' : 'M'}${x(thetas[i]).toFixed(1)},${y(losses[i]).toFixed(1)}`;
  let trail = '';
  if (path)
    for (let i = 0; i + 1 < path.length; i += 2)
      trail += `${i ? 'L' : 'M'}${clampX(path[i]).toFixed(1)},${clampY(path[i + 1]).toFixed(1)}`;
  const onChart = theta !== undefined && theta >= first && theta <= last;
  const tangent =
    theta !== undefined && loss !== undefined && grad !== undefined && onChart
      ? [theta - 1.2, theta + 1.2].map((t) => [clampX(t), clampY(loss + grad * (t - theta))] as const)
      : null;
  return { x, y, clampX, clampY, curve, trail, tangent };
}

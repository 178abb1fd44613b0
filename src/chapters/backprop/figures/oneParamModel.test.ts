import { describe, expect, it } from 'vitest';
import { H, M, W, oneParamGeometry } from './oneParamModel';

const thetas = Float32Array.from({ length: 9 }, (_, i) => i - 4); // −4 … 4
const losses = thetas.map((t) => t * t);

describe('oneParamGeometry', () => {
  it('spans the plot area with the curve, headroom above the largest loss', () => {
    const g = oneParamGeometry(thetas, losses, undefined, {});
    expect(g.x(-4)).toBe(M.left);
    expect(g.x(4)).toBe(W - M.right);
    expect(g.y(0)).toBe(H - M.bottom);
    expect(g.y(16 * 1.05)).toBeCloseTo(M.top, 9);
    expect(g.curve.startsWith(`M${M.left.toFixed(1)},`)).toBe(true);
    expect(g.curve.match(/L/g)).toHaveLength(8);
    expect(g.trail).toBe('');
    expect(g.tangent).toBeNull();
  });

  it('clamps a diverging trail to the edges and drops the tangent once θ leaves the chart', () => {
    const path = Float32Array.from([1, 1, -9, 81]);
    const g = oneParamGeometry(thetas, losses, path, { theta: -9, loss: 81, grad: -18 });
    expect(g.trail).toBe(
      `M${g.x(1).toFixed(1)},${g.y(1).toFixed(1)}L${M.left.toFixed(1)},${M.top.toFixed(1)}`,
    );
    expect(g.tangent).toBeNull();
  });

  it('draws the tangent through (θ, L) with the slope ∂L/∂θ', () => {
    const g = oneParamGeometry(thetas, losses, undefined, { theta: 1, loss: 1, grad: 2 });
    expect(g.tangent).toEqual([
      [g.clampX(-0.2), g.clampY(1 - 2.4)],
      [g.clampX(2.2), g.clampY(1 + 2.4)],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { excessLossCurve, surfacePaths } from './descentModel';

describe('descent figure model', () => {
  it('subtracts the minimum and floors the loss for a log axis', () => {
    const { x, y } = excessLossCurve(Float32Array.of(0, 3, 1, 2, 2, 1.5), 2);
    expect([...x]).toEqual([0, 1, 2]);
    expect([...y]).toEqual([1, 1e-12, 1e-12].map((v) => Math.fround(v)));
  });

  it('keeps the colour of each run by its place, leaving out runs without a path', () => {
    const colour = (i: number) => `c${i}`;
    const paths = surfacePaths(
      [
        { label: 'a', path: undefined },
        { label: 'b', path: Float32Array.of(0, 0, 5, 5) },
      ],
      colour,
      (p) => p.subarray(0, 2),
    );
    expect(paths).toEqual([{ label: 'b', points: Float32Array.of(0, 0), color: 'c1' }]);
  });
});

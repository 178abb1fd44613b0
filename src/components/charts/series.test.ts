import { describe, expect, it } from 'vitest';
import { deinterleave, untilExit } from './series';

describe('series helpers', () => {
  it('deinterleaves points', () => {
    const { x, y } = deinterleave(Float32Array.of(1, 2, 3, 4));
    expect([...x]).toEqual([1, 3]);
    expect([...y]).toEqual([2, 4]);
    expect(deinterleave(undefined).x.length).toBe(0);
  });

  it('cuts a path after its first point outside the window', () => {
    const p = Float32Array.of(0, 0, 1, 1, 9, 0, 50, 50);
    expect([...untilExit(p, [-2, 2], [-2, 2])]).toEqual([0, 0, 1, 1, 9, 0]);
    expect(untilExit(Float32Array.of(0, 0, 1, 1), [-2, 2], [-2, 2]).length).toBe(4);
  });
});

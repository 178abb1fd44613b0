import { describe, expect, it } from 'vitest';
import { deinterleave, untilExit } from './series';
import { countParameters, parseSizes } from './ParamPanel';

describe('figure helpers', () => {
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

  it('counts MLP parameters and rejects bad layer lists', () => {
    expect(countParameters([2, 8, 8, 1])).toBe(105);
    expect(countParameters([784, 100, 10])).toBe(79510);
    expect(parseSizes('2, x')).toHaveProperty('problem');
    expect(parseSizes('5')).toHaveProperty('problem');
    expect(parseSizes('0, 3')).toHaveProperty('problem');
    expect(parseSizes(' 3 ,4 ')).toEqual({ sizes: [3, 4] });
  });
});

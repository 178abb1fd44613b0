import { describe, expect, it } from 'vitest';
import { forward } from './ForwardFigure';
import { parameterCount } from './LiveFigure';
import { layerOutput } from './MatrixFigure';

describe('neurons figures', () => {
  it('the worked 2×3 example gives (4.5, −6)', () => {
    expect(layerOutput([2, 1, -1])).toEqual([4.5, -6]);
  });

  it('counts parameters as the lesson text does', () => {
    expect(parameterCount([4])).toBe(17);
    expect(parameterCount([24])).toBe(97);
    expect(parameterCount([8, 8])).toBe(105);
    expect(parameterCount([])).toBe(3);
  });

  it('the forward pass has one activation vector per layer, tanh-bounded hidden and a probability out', () => {
    const acts = forward([0.5, -1]);
    expect(acts.map((a) => a.length)).toEqual([2, 3, 2, 1]);
    for (const a of acts.slice(1, 3)) for (const v of a) expect(Math.abs(v)).toBeLessThan(1);
    expect(acts[3][0]).toBeGreaterThan(0);
    expect(acts[3][0]).toBeLessThan(1);
    // hand check of the first hidden neuron: tanh(0.1 + 1.2·0.5 − 0.8·(−1)) = tanh(1.5)
    expect(acts[1][0]).toBeCloseTo(Math.tanh(1.5), 12);
  });
});

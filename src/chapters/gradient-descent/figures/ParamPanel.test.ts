import { describe, expect, it } from 'vitest';
import { countParameters, parseSizes } from './ParamPanel';

describe('parameter panel helpers', () => {
  it('counts MLP parameters and rejects bad layer lists', () => {
    expect(countParameters([2, 8, 8, 1])).toBe(105);
    expect(countParameters([784, 100, 10])).toBe(79510);
    expect(parseSizes('2, x')).toHaveProperty('problem');
    expect(parseSizes('5')).toHaveProperty('problem');
    expect(parseSizes('0, 3')).toHaveProperty('problem');
    expect(parseSizes(' 3 ,4 ')).toEqual({ sizes: [3, 4] });
  });
});

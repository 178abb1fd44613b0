import { describe, expect, it } from 'vitest';
import { readFigureParams, type FigureParamSpecs } from './figureParams';

const specs: FigureParamSpecs = {
  x1: { kind: 'number', default: 1, min: -2, max: 2 },
  f: { kind: 'option', default: 'sigmoid', options: ['sigmoid', 'relu'] },
};

describe('readFigureParams', () => {
  it('reads valid values and defaults the rest', () => {
    expect(readFigureParams(specs, new URLSearchParams('x1=-1.5&f=relu'))).toEqual({
      values: { x1: -1.5, f: 'relu' },
      ignored: [],
    });
    expect(readFigureParams(specs, new URLSearchParams('')).values).toEqual({ x1: 1, f: 'sigmoid' });
  });

  it('clamps out-of-range numbers and ignores garbage, saying so', () => {
    for (const raw of ['NaN', 'Infinity', '1e999', '', 'abc', '<b>']) {
      const r = readFigureParams(specs, new URLSearchParams({ x1: raw }));
      expect(r.values.x1, raw).toBe(1);
      expect(r.ignored[0], raw).toMatch(/^x1=/);
    }
    const r = readFigureParams(specs, new URLSearchParams('x1=9&f=toString'));
    expect(r.values).toEqual({ x1: 2, f: 'sigmoid' });
    expect(r.ignored).toHaveLength(2);
  });

  it('never reads inherited names', () => {
    const r = readFigureParams(specs, new URLSearchParams('__proto__=1&constructor=2'));
    expect(r.values).toEqual({ x1: 1, f: 'sigmoid' });
    expect(r.ignored).toEqual([]);
  });
});

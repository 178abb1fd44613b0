// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../platform/router';

describe('hash router', () => {
  it('splits path and query', () => {
    const r = parseHash('#/transformer?task=reverse&lr=0.001&seed=7');
    expect(r.path).toBe('transformer');
    expect(r.query.get('task')).toBe('reverse');
    expect(r.query.get('seed')).toBe('7');
  });

  it('treats empty and bare hashes as home', () => {
    expect(parseHash('').path).toBe('');
    expect(parseHash('#').path).toBe('');
    expect(parseHash('#/').path).toBe('');
  });

  it('survives malformed escapes and very long hashes', () => {
    expect(parseHash('#/%E0%A4%A').path).toBe('%E0%A4%A');
    const long = '#/lstm?x=' + 'a'.repeat(100_000);
    const r = parseHash(long);
    expect(r.path).toBe('lstm');
    expect((r.query.get('x') ?? '').length).toBeLessThan(10_000);
  });

  it('formats a route back to a readable hash', () => {
    expect(formatHash('backprop', { lr: '0.1', seed: '3' })).toBe('#/backprop?lr=0.1&seed=3');
    expect(formatHash('')).toBe('#/');
  });
});

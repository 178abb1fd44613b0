import { describe, expect, it } from 'vitest';
import { TARGETS, bumpNetwork, isTargetName, maxError } from './bumps';

describe('bump construction', () => {
  it('two steep units make a bump of the target height on its interval', () => {
    const net = bumpNetwork(() => 0.7, 2, 400);
    expect(net.units).toBe(2);
    expect(net.predict(0.5)).toBeCloseTo(0.7, 3);
    expect(net.predict(-0.2)).toBeCloseTo(0, 3);
    expect(net.predict(1.2)).toBeCloseTo(0, 3);
  });

  it('more units approximate every target more closely (with steep enough sigmoids)', () => {
    for (const { f } of Object.values(TARGETS)) {
      const errors = [4, 16, 64].map((n) => maxError(f, bumpNetwork(f, n, 2000).predict));
      expect(errors[1]).toBeLessThan(errors[0]);
      expect(errors[2]).toBeLessThan(errors[1]);
      expect(errors[2]).toBeLessThan(0.06);
    }
  });

  it('a gentle slope blurs the staircase: error grows as k falls', () => {
    const f = TARGETS.wave.f;
    expect(maxError(f, bumpNetwork(f, 40, 20).predict)).toBeGreaterThan(
      maxError(f, bumpNetwork(f, 40, 2000).predict),
    );
  });

  it('rounds odd unit counts down and never builds an empty layer', () => {
    expect(bumpNetwork(TARGETS.kink.f, 7, 50).units).toBe(6);
    expect(bumpNetwork(TARGETS.kink.f, 0, 50).units).toBe(2);
    expect(Number.isFinite(bumpNetwork(TARGETS.kink.f, 2, 1e6).predict(0.3))).toBe(true);
  });

  it('recognises target names safely', () => {
    expect(isTargetName('wave')).toBe(true);
    expect(isTargetName('toString')).toBe(false);
    expect(isTargetName('__proto__')).toBe(false);
  });
});

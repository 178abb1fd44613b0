import { describe, expect, it } from 'vitest';
import { SPEED_STOPS, formatSpeed, nearestStop, parseSpeed, sameSpeed, speedLabel } from './speed';

describe('speed parameter', () => {
  it('reads steps per second and "max"', () => {
    expect(parseSpeed('10', null)).toEqual({ speed: 10, problem: null });
    expect(parseSpeed('2.555', null)).toEqual({ speed: 2.56, problem: null });
    expect(parseSpeed('MAX', 5)).toEqual({ speed: null, problem: null });
  });

  it('falls back on garbage and clamps out-of-range values, saying so', () => {
    for (const bad of ['', 'fast', 'NaN', 'Infinity', '-3', '0', '1e999', 'x'.repeat(300)]) {
      const r = parseSpeed(bad, 30);
      expect(r.speed, bad).toBe(30);
      expect(r.problem, bad).toMatch(/^not a speed .* — using 30 steps\/s$/);
    }
    expect(parseSpeed('0.01', null)).toEqual({ speed: 0.25, problem: 'too slow — using 0.25 steps/s' });
    expect(parseSpeed('1e7', null)).toEqual({
      speed: 1_000_000,
      problem: 'too fast — using 1000000 steps/s',
    });
    expect(parseSpeed('junk', null).problem).toMatch(/using full speed/);
  });

  it('round-trips through the URL text', () => {
    for (const s of SPEED_STOPS) expect(parseSpeed(formatSpeed(s), 1).speed).toBe(s);
  });

  it('labels speeds by steps per frame above one step per frame', () => {
    expect(speedLabel(null)).toBe('full speed');
    expect(speedLabel(10)).toBe('10 steps/s');
    expect(speedLabel(60)).toBe('60 steps/s · 1 per frame');
    expect(speedLabel(300)).toBe('300 steps/s · 5 per frame');
    expect(speedLabel(60_000)).toBe('60000 steps/s · 1000 per frame');
  });

  it('finds the nearest stop of the control for any speed', () => {
    expect(SPEED_STOPS[nearestStop(null)]).toBeNull();
    expect(SPEED_STOPS[nearestStop(10)]).toBe(10);
    expect(SPEED_STOPS[nearestStop(45)]).toBe(60);
    expect(SPEED_STOPS[nearestStop(0.25)]).toBe(1);
    expect(SPEED_STOPS[nearestStop(1e6)]).toBe(60_000);
    expect(sameSpeed(10, 10.001)).toBe(true);
    expect(sameSpeed(null, 10)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AWAY_DISTANCE, TOWER_RADIUS, largestAway, tower } from './towers';

describe('towers: one hidden layer of sigmoids along M directions, thresholded', () => {
  const centre = [0.4, 0.6] as const;

  it('is high at the centre and low far away, for every M', () => {
    for (const m of [2, 3, 6, 16]) {
      const t = tower(m, centre);
      expect(t.at(...centre), `M = ${m}`).toBeGreaterThan(0.95);
      expect(t.at(0.95, 0.05), `M = ${m}`).toBeLessThan(0.05); // off every ridge
    }
  });

  it('moves with its centre', () => {
    const t = tower(8, [0.2, 0.3]);
    expect(t.at(0.2, 0.3)).toBeGreaterThan(0.95);
    expect(t.at(0.7, 0.7)).toBeLessThan(0.05);
  });

  it('with M = 2 leaves half-height arms along the two ridges', () => {
    const t = tower(2, centre);
    const arm = t.at(centre[0] + 0.45, centre[1]); // on the ridge across direction (0, 1), far from the centre
    expect(arm).toBeGreaterThan(0.3);
    expect(arm).toBeLessThan(0.7);
  });

  it('gets sharper as M grows: the tallest point well away from the centre drops', () => {
    const away = [2, 3, 4, 8, 16].map((m) => largestAway(tower(m, centre), AWAY_DISTANCE));
    for (let i = 1; i < away.length; i++) expect(away[i], `step ${i}`).toBeLessThan(away[i - 1]);
    expect(away[0]).toBeGreaterThan(0.3);
    expect(away[away.length - 1]).toBeLessThan(0.01);
  });

  it('has a round top for large M: equal height at equal distance in any direction', () => {
    const t = tower(16, [0.5, 0.5]);
    const d = 1.2 * TOWER_RADIUS;
    const values = [0, 1, 2, 3, 4, 5].map((i) => {
      const a = (i * Math.PI) / 7;
      return t.at(0.5 + d * Math.cos(a), 0.5 + d * Math.sin(a));
    });
    expect(Math.max(...values) - Math.min(...values)).toBeLessThan(0.1);
  });
});

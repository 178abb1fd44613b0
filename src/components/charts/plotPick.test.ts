import { describe, expect, it } from 'vitest';
import type { KeyboardEvent } from 'react';
import { pickHandlers } from './plotPick';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => {
  let prevented = false;
  const e = {
    key: k,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...mods,
    preventDefault: () => (prevented = true),
  };
  return { e: e as unknown as KeyboardEvent<SVGSVGElement>, prevented: () => prevented };
};

describe('plot picking by keyboard', () => {
  const picks: [number, number][] = [];
  const make = (x: number, y: number) =>
    pickHandlers({ point: { x, y }, onPick: (px, py) => picks.push([px, py]) }, () => null, [0, 1], [0, 3]);

  it('moves the point by 1/30 of the domain and takes the key from the page', () => {
    picks.length = 0;
    const right = key('ArrowRight');
    make(0.5, 1.5).onKeyDown!(right.e);
    const up = key('ArrowUp');
    make(0.5, 1.5).onKeyDown!(up.e);
    expect(picks[0][0]).toBeCloseTo(0.5 + 1 / 30);
    expect(picks[0][1]).toBeCloseTo(1.5);
    expect(picks[1][1]).toBeCloseTo(1.6);
    expect(right.prevented()).toBe(true);
  });

  it('stays inside the domain, and leaves other keys and modified arrows alone', () => {
    picks.length = 0;
    make(0, 3).onKeyDown!(key('ArrowLeft').e);
    make(0, 3).onKeyDown!(key('ArrowUp').e);
    expect(picks).toEqual([
      [0, 3],
      [0, 3],
    ]);
    const other = key('Enter');
    make(0.5, 1).onKeyDown!(other.e);
    const alt = key('ArrowLeft', { altKey: true });
    make(0.5, 1).onKeyDown!(alt.e);
    expect(picks.length).toBe(2);
    expect(other.prevented() || alt.prevented()).toBe(false);
  });

  it('gives a plot without a pick no handlers at all', () => {
    expect(pickHandlers(undefined, () => null, [0, 1], [0, 1])).toEqual({});
  });
});

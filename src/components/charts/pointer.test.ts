// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { localPoint } from './pointer';

/** A div whose layout box is w × h CSS px, rendered at `zoom` (as under a zoomed ancestor) from (left, top). */
function zoomedBox(w: number, h: number, zoom: number, left: number, top: number) {
  const el = document.createElement('div');
  Object.defineProperty(el, 'offsetWidth', { value: w });
  Object.defineProperty(el, 'offsetHeight', { value: h });
  el.getBoundingClientRect = () =>
    ({ left, top, width: w * zoom, height: h * zoom, x: left, y: top }) as DOMRect;
  return el;
}

describe('localPoint', () => {
  it('is the offset from the box when nothing is zoomed', () => {
    expect(localPoint(150, 90, zoomedBox(400, 300, 1, 100, 50))).toEqual({ x: 50, y: 40 });
  });

  it('undoes an ancestor zoom, so the same spot of the plot maps to the same local point', () => {
    // the box's local point (200, 150) is drawn at 100 + 200·1.5, 50 + 150·1.5
    expect(localPoint(400, 275, zoomedBox(400, 300, 1.5, 100, 50))).toEqual({ x: 200, y: 150 });
    expect(localPoint(100 + 200 * 0.75, 50 + 150 * 0.75, zoomedBox(400, 300, 0.75, 100, 50))).toEqual({
      x: 200,
      y: 150,
    });
  });

  it('falls back to no zoom where there is no layout (size 0)', () => {
    expect(localPoint(30, 40, zoomedBox(0, 0, 1, 10, 10))).toEqual({ x: 20, y: 30 });
  });
});

import { describe, expect, it } from 'vitest';
import { edgeValue, networkCaption, networkGeometry, nextEdge } from './networkLayout';

describe('networkLayout', () => {
  it('places layers left to right and caps the neurons drawn', () => {
    const geo = networkGeometry([2, 30, 1], 10, 400, 300, 12);
    expect(geo.shown).toEqual([2, 10, 1]);
    expect(geo.gaps).toBe(2);
    expect(geo.colX(0)).toBeLessThan(geo.colX(1));
    expect(geo.colX(1)).toBeLessThan(geo.colX(2));
    expect(geo.rowY(1, 0)).toBeLessThan(geo.rowY(1, 9));
    expect(networkGeometry([NaN, -1], 10, 400, 300, 12).sizes).toEqual([0, 0]);
  });

  it('reads edges in row-major [out, in] layout, NaN when missing', () => {
    const w = [Float32Array.of(1, 2, 3, 4, 5, 6)]; // 2 inputs → 3 outputs
    expect(edgeValue(w, { l: 0, o: 2, i: 1 }, [2, 3])).toBe(6);
    expect(edgeValue(w, { l: 1, o: 0, i: 0 }, [2, 3])).toBeNaN();
  });

  it('arrow keys walk the edges of a gap and wrap around', () => {
    const shown = [2, 3];
    expect(nextEdge('ArrowDown', { l: 0, o: 0, i: 0 }, shown, 1)).toEqual({ l: 0, o: 0, i: 1 });
    expect(nextEdge('ArrowUp', { l: 0, o: 0, i: 0 }, shown, 1)).toEqual({ l: 0, o: 2, i: 1 });
    expect(nextEdge('ArrowRight', { l: 0, o: 1, i: 1 }, shown, 1)).toEqual({ l: 0, o: 0, i: 0 });
    expect(nextEdge('a', { l: 0, o: 0, i: 0 }, shown, 1)).toBeNull();
  });

  it('the caption says what the edges show', () => {
    const scales = { w: 2, g: 0.5 };
    expect(networkCaption({ sizes: [2, 1], revealLayer: null, gradients: false, scales })).toContain(
      'Edges show weights',
    );
    expect(networkCaption({ sizes: [2, 1], revealLayer: null, gradients: true, scales })).toContain(
      'gradients',
    );
    expect(networkCaption({ sizes: [2, 1], revealLayer: 'hidden', gradients: true, scales })).toContain(
      'Backward pass',
    );
  });
});

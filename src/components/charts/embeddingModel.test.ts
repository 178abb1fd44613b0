import { describe, expect, it } from 'vitest';
import { embeddingCaption, placeLabels, selectionText, stepSelection } from './embeddingModel';

const p = (x: number, label: string) => ({ x, y: 0, label });

describe('stepSelection', () => {
  const valid = [
    { p: p(0, 'a'), i: 0 },
    { p: p(1, 'c'), i: 2 },
    { p: p(2, 'd'), i: 3 },
  ];
  it('starts at the first point and wraps both ways, skipping left-out indices', () => {
    expect(stepSelection(valid, null, true)).toBe(0);
    expect(stepSelection(valid, 0, true)).toBe(2);
    expect(stepSelection(valid, 3, true)).toBe(0);
    expect(stepSelection(valid, 0, false)).toBe(3);
  });
});

describe('placeLabels', () => {
  it('drops a label that would overlap one already placed unless it must show', () => {
    const items = [
      { i: 0, px: 50, py: 50, text: 'alpha' },
      { i: 1, px: 50, py: 50, text: 'beta' },
      { i: 2, px: 50, py: 50, text: 'gamma' },
      { i: 3, px: 50, py: 50, text: 'delta' },
      { i: 4, px: 50, py: 50, text: 'omega' },
    ];
    expect(placeLabels(items, () => false, 10, 200, 200)).toHaveLength(4);
    expect(placeLabels(items, (i) => i === 4, 10, 200, 200).map((l) => l.i)).toContain(4);
  });
});

describe('caption texts', () => {
  it('counts the points left out and names the selection and its neighbours', () => {
    const points = [p(0, 'king'), p(1, 'queen')];
    const selText = selectionText(points, 0, [1]);
    expect(selText).toBe('Selected “king”; nearest: “queen”.');
    expect(embeddingCaption({ total: 3, valid: 2, selText, zoom: 2 })).toBe(
      '2 points (1 with non-finite coordinates left out). Selected “king”; nearest: “queen”. Zoom ×2.',
    );
    expect(embeddingCaption({ caption: 'Words.', total: 2, valid: 2, selText: '', zoom: 1 })).toBe(
      'Words. 2 points. Select a point to highlight its nearest neighbours.',
    );
  });
});

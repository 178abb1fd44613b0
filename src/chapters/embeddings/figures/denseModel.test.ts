import { describe, expect, it } from 'vitest';
import { rowNorms } from '../../../experiments/embeddings/vectors';
import { logCounts, nearestWords, projectedNeighbours, projectionPoints } from './denseModel';
import type { ProjectionView } from '../../../experiments/embeddings/views';
import type { VectorTable } from './liveViews';

function table(words: string[], rows: number[][]): VectorTable {
  const data = Float32Array.from(rows.flat());
  return { dim: 2, data, words, norms: rowNorms(data, 2), index: new Map(words.map((w, i) => [w, i])) };
}

describe('dense figure model', () => {
  const vectors = table(
    ['a', 'b', 'c', 'd'],
    [
      [1, 0],
      [0.9, 0.1],
      [0, 1],
      [0.8, 0.3],
    ],
  );
  const projection: ProjectionView = {
    coords: Float32Array.from([0, 1, 2, 3, 4, 5]),
    words: ['a', 'b', 'c'],
    groups: Int32Array.from([0, 0, 1]),
  };

  it('pairs the coordinates into points with their word and group', () => {
    expect(projectionPoints(projection)[2]).toEqual({ x: 4, y: 5, label: 'c', group: 1 });
    expect(projectionPoints(undefined)).toEqual([]);
  });

  it('keeps only the neighbours that are projected, nearest first', () => {
    // a's neighbours by cosine: b, d, c; d is not projected.
    expect(projectedNeighbours(vectors, projection, 0)).toEqual([1, 2]);
    expect(projectedNeighbours(undefined, projection, 0)).toEqual([]);
  });

  it('lists the nearest words with similarities, none for an unknown word', () => {
    expect(nearestWords(vectors, 'a').map((s) => s.word)).toEqual(['b', 'd', 'c']);
    expect(nearestWords(vectors, 'zebra')).toEqual([]);
  });

  it('shows counts as log(1 + X)', () => {
    const cells = logCounts({ n: 1, values: Float32Array.from([Math.E - 1]), words: ['a'] });
    expect(cells?.[0]).toBeCloseTo(1, 5);
    expect(logCounts(undefined)).toBeNull();
  });
});

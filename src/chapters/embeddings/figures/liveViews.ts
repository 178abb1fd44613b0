import { useMemo } from 'react';
import { rowNorms } from '../../../experiments/embeddings/vectors';
import { isWordVectorsView } from '../../../experiments/embeddings/views';
import { useView } from '../../../state/useView';

/** The `vectors` view of embeddings-glove (w + w̃ for every vocabulary word, [V, dim] row-major) with its row norms. */
export interface VectorTable {
  dim: number;
  data: Float32Array;
  words: readonly string[];
  norms: Float32Array;
  index: ReadonlyMap<string, number>;
}

/** The newest trained vectors as a table, ≤ `hz` updates a second (re-derived only when a new view arrived). */
export function useVectorTable(hz: number): VectorTable | undefined {
  const vectors = useView('vectors', { accept: isWordVectorsView, hz });
  return useMemo(
    () =>
      vectors && {
        dim: vectors.dim,
        data: vectors.data,
        words: vectors.words,
        norms: rowNorms(vectors.data, vectors.dim),
        index: new Map(vectors.words.map((w, i) => [w, i])),
      },
    [vectors],
  );
}

import { useMemo } from 'react';
import { useViews, viewWith, isNumbers } from '../../activations/figures/live';
import { rowNorms } from '../../../experiments/embeddings/vectors';

/** The `vectors` view of embeddings-glove: w + w̃ for every vocabulary word, [V, dim] row-major. */
export interface VectorTable {
  dim: number;
  data: Float32Array;
  words: readonly string[];
  norms: Float32Array;
  index: ReadonlyMap<string, number>;
}

function asVectorTable(v: unknown): VectorTable | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.dim !== 'number' || !(o.data instanceof Float32Array) || !Array.isArray(o.words))
    return undefined;
  const words = o.words as string[];
  if (o.data.length !== words.length * o.dim) return undefined;
  return {
    dim: o.dim,
    data: o.data,
    words,
    norms: rowNorms(o.data, o.dim),
    index: new Map(words.map((w, i) => [w, i])),
  };
}

/** The newest trained vectors and whatever other views the figure needs, ≤ `hz` updates a second. */
export function useGloveViews(extra: readonly string[], hz = 8) {
  const names = useMemo(() => ['vectors', ...extra], [extra]);
  const { views, frame, tick } = useViews(names, hz);
  // re-derive the table only when a new frame arrived
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const table = useMemo(() => asVectorTable(views.vectors), [tick, views.vectors]);
  return { views, frame, table };
}

export { viewWith, isNumbers };

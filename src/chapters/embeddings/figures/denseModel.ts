import { neighboursOf } from '../../../experiments/embeddings/vectors';
import type { CoocView, ProjectionView } from '../../../experiments/embeddings/views';
import type { VectorTable } from './liveViews';

/** Scatter points of a projection (none before the first frame). */
export function projectionPoints(projection: ProjectionView | undefined) {
  return projection
    ? projection.words.map((label, i) => ({
        x: projection.coords[2 * i],
        y: projection.coords[2 * i + 1],
        label,
        group: projection.groups[i],
      }))
    : [];
}

/**
 * Indices (into the projection's words) of the 3 nearest neighbours of projected word `i`, measured on the full
 * vectors; neighbours that are not projected are left out (the scatter can only draw lines to its own points).
 */
export function projectedNeighbours(
  table: VectorTable | undefined,
  projection: ProjectionView | undefined,
  i: number,
): number[] {
  if (!table || !projection) return [];
  const id = table.index.get(projection.words[i]);
  if (id === undefined) return [];
  return neighboursOf(table.data, table.dim, table.norms, id, 3)
    .map((s) => projection.words.indexOf(table.words[s.index]))
    .filter((j) => j >= 0);
}

/** The 5 nearest neighbours of `word` with their cosine similarity (none while the word has no vector). */
export function nearestWords(table: VectorTable | undefined, word: string) {
  if (!table || !table.index.has(word)) return [];
  return neighboursOf(table.data, table.dim, table.norms, table.index.get(word)!, 5).map((s) => ({
    word: table.words[s.index],
    similarity: s.similarity,
  }));
}

/** Counts on a log(1 + X) scale: a few frequent pairs would otherwise leave every other cell blank. */
export function logCounts(cooc: CoocView | undefined): Float32Array | null {
  return cooc && cooc.values instanceof Float32Array
    ? Float32Array.from(cooc.values, (v) => Math.log1p(v))
    : null;
}

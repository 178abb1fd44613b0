/**
 * Questions asked of a table of word vectors (trained here or loaded from a GloVe file): cosine neighbours,
 * analogies (3CosAdd) and a 2-D PCA projection. Pure functions over a row-major [n, dim] Float32Array.
 */

export interface Scored {
  index: number;
  similarity: number;
}

/** Row norms ‖v_i‖ of [n, dim]. */
export function rowNorms(vectors: Float32Array, dim: number): Float32Array {
  const n = dim > 0 ? Math.floor(vectors.length / dim) : 0;
  const norms = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += vectors[i * dim + k] ** 2;
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/**
 * The k rows most similar (cosine) to `query` [dim], best first, skipping `exclude`. One pass with a small sorted
 * buffer, so it stays fast on a 100,000-word table. `limit` searches only the first `limit` rows.
 */
export function mostSimilar(
  vectors: Float32Array,
  dim: number,
  norms: Float32Array,
  query: ArrayLike<number>,
  k: number,
  exclude: ReadonlySet<number> = new Set(),
  limit = norms.length,
): Scored[] {
  let qn = 0;
  for (let t = 0; t < dim; t++) qn += query[t] * query[t];
  qn = Math.sqrt(qn);
  const best: Scored[] = [];
  if (qn === 0 || k <= 0) return best;
  const n = Math.min(limit, norms.length);
  for (let i = 0; i < n; i++) {
    if (exclude.has(i) || norms[i] === 0) continue;
    let dot = 0;
    const o = i * dim;
    for (let t = 0; t < dim; t++) dot += vectors[o + t] * query[t];
    const s = dot / (norms[i] * qn);
    if (best.length === k && s <= best[k - 1].similarity) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].similarity < s) at--;
    best.splice(at, 0, { index: i, similarity: s });
    if (best.length > k) best.pop();
  }
  return best;
}

/** Row i as a unit vector (zeros stay zeros). */
function unitRow(vectors: Float32Array, dim: number, norms: Float32Array, i: number): Float32Array {
  const out = new Float32Array(dim);
  if (norms[i] > 0) for (let t = 0; t < dim; t++) out[t] = vectors[i * dim + t] / norms[i];
  return out;
}

/** Nearest neighbours of row i by cosine similarity (i itself excluded). */
export function neighboursOf(vectors: Float32Array, dim: number, norms: Float32Array, i: number, k: number) {
  return mostSimilar(vectors, dim, norms, unitRow(vectors, dim, norms, i), k, new Set([i]));
}

/**
 * "a is to b as c is to ?": the rows closest to b̂ − â + ĉ (unit vectors), excluding a, b and c — the usual
 * 3CosAdd rule. E.g. a = man, b = woman, c = king → queen.
 */
export function analogy(
  vectors: Float32Array,
  dim: number,
  norms: Float32Array,
  a: number,
  b: number,
  c: number,
  k: number,
  limit?: number,
): Scored[] {
  const [ua, ub, uc] = [a, b, c].map((i) => unitRow(vectors, dim, norms, i));
  const q = new Float32Array(dim);
  for (let t = 0; t < dim; t++) q[t] = ub[t] - ua[t] + uc[t];
  return mostSimilar(vectors, dim, norms, q, k, new Set([a, b, c]), limit);
}

/**
 * The first two principal components of rows 0…n−1 (centred), by power iteration on the covariance with
 * deflation. `previous` (the last components) fixes each component's sign, so a live projection does not flip.
 * Returns the 2-D coordinates [n, 2] and the components [2, dim].
 */
export function pca2(
  vectors: Float32Array,
  dim: number,
  n: number,
  previous?: Float32Array,
): { coords: Float32Array; components: Float32Array } {
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) mean[t] += vectors[i * dim + t] / n;
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < dim; t++) row[t] = vectors[i * dim + t] - mean[t];
    for (let r = 0; r < dim; r++) for (let c = 0; c < dim; c++) cov[r * dim + c] += row[r] * row[c];
  }
  const components = new Float32Array(2 * dim);
  for (let comp = 0; comp < 2; comp++) {
    let v = new Float64Array(dim).map((_, t) => 1 + ((t * 7919 + comp * 104729) % 13) / 13);
    let lambda = 0;
    for (let iter = 0; iter < 100; iter++) {
      const next = new Float64Array(dim);
      for (let r = 0; r < dim; r++) for (let c = 0; c < dim; c++) next[r] += cov[r * dim + c] * v[c];
      const norm = Math.hypot(...next);
      if (norm === 0) break;
      lambda = norm;
      v = next.map((x) => x / norm);
    }
    const prev = previous?.subarray(comp * dim, comp * dim + dim);
    const dot = prev ? v.reduce((s, x, t) => s + x * prev[t], 0) : v.reduce((s, x) => s + x, 0);
    if (dot < 0) v = v.map((x) => -x);
    components.set(v, comp * dim);
    // deflate: cov −= λ v vᵀ
    for (let r = 0; r < dim; r++) for (let c = 0; c < dim; c++) cov[r * dim + c] -= lambda * v[r] * v[c];
  }
  const coords = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    for (let comp = 0; comp < 2; comp++) {
      let s = 0;
      for (let t = 0; t < dim; t++) s += (vectors[i * dim + t] - mean[t]) * components[comp * dim + t];
      coords[i * 2 + comp] = s;
    }
  }
  return { coords, components };
}

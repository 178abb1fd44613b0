/**
 * View models for the explanatory figures of lesson steps 1–4 (tokens → vectors, attention by hand, multi-head,
 * the block). They are tiny (n ≤ 10 tokens, d ≤ 16), computed from seeded random weights with the core's ops under
 * noGrad, and deterministic: the page calls them on the main thread so hover and toggles respond instantly (a few
 * microseconds of work — no reason to round-trip through the worker, and it works while the worker trains).
 *
 * Every matrix is returned as { data: Float32Array, rows, cols } row-major.
 */
import { noGrad } from '../../core/autograd';
import { add, scale } from '../../core/ops/elementwise';
import { matmul } from '../../core/ops/matmul';
import { softmax } from '../../core/ops/activations';
import { concat, gather } from '../../core/ops/shape';
import { Rng } from '../../core/random';
import { initTensor, tensor, type Tensor } from '../../core/tensor';
import { makeTask, parseSource, tokenLabels, type TaskId } from '../../core/data/seq2seq';

export interface Matrix {
  data: Float32Array;
  rows: number;
  cols: number;
}

const asMatrix = (t: Tensor): Matrix => ({ data: t.data.slice(), rows: t.shape[0], cols: t.shape[1] });

/**
 * Sinusoidal positional encoding [positions, d]: PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(same angle).
 */
export function sinusoidalEncoding(positions: number, d: number): Matrix {
  const data = new Float32Array(positions * d);
  for (let p = 0; p < positions; p++) {
    for (let j = 0; j < d; j++) {
      const i2 = j - (j % 2); // 2i
      const angle = p / Math.pow(10000, i2 / d);
      data[p * d + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return { data, rows: positions, cols: d };
}

/** Cosine similarity between every pair of rows → [rows, rows]. */
export function rowCosineSimilarity(m: Matrix): Matrix {
  const { rows, cols, data } = m;
  const norms = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += data[r * cols + c] ** 2;
    norms[r] = Math.sqrt(s) || 1;
  }
  const out = new Float32Array(rows * rows);
  for (let a = 0; a < rows; a++) {
    for (let b = 0; b < rows; b++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += data[a * cols + c] * data[b * cols + c];
      out[a * rows + b] = s / (norms[a] * norms[b]);
    }
  }
  return { data: out, rows, cols: rows };
}

export interface TokensView {
  /** The tokens of the text that are in the vocabulary. */
  tokens: string[];
  ids: number[];
  /** Characters that are not in the vocabulary (dropped), for a notice. */
  unknown: string[];
  /** The whole vocabulary (itos). */
  vocab: string[];
  /** Embedding table W_E [V, d]. */
  table: Matrix;
  /** Picked rows X [n, d]. */
  embedded: Matrix;
  /** √d · X [n, d]. */
  scaled: Matrix;
  /** PE [n, d]. */
  positional: Matrix;
  /** E = √d · X + PE [n, d]. */
  input: Matrix;
  scaleFactor: number;
}

/** Step 1: text → tokens → ids → embeddings (scaled) + positional encoding, for one task's vocabulary. */
export function tokensToVectors(
  text: string,
  options: { task?: TaskId; d?: number; seed?: number } = {},
): TokensView {
  const task = makeTask(options.task ?? 'reverse', { maxLen: 10 });
  const d = Math.max(2, Math.min(64, Math.round(options.d ?? 16)));
  const parsed = parseSource(task, text);
  const ids = parsed.ids.length > 0 ? parsed.ids : parseSource(task, task.exampleText).ids;
  return noGrad(() => {
    // A small init (std 1/√d) so that √d·X has entries of order 1, like the positional encoding.
    const table = initTensor(
      [task.vocab.size, d],
      'normal',
      new Rng(options.seed ?? 1),
      d,
      d,
      1 / Math.sqrt(d),
    );
    const embedded = gather(table, ids); // [n, d]
    const scaleFactor = Math.sqrt(d);
    const scaled = scale(embedded, scaleFactor); // [n, d]
    const pe = sinusoidalEncoding(ids.length, d);
    const input = add(scaled, tensor(pe.data, [ids.length, d])); // [n, d]
    return {
      tokens: tokenLabels(task.vocab, ids),
      ids,
      unknown: parsed.unknown,
      vocab: [...task.vocab.itos],
      table: asMatrix(table),
      embedded: asMatrix(embedded),
      scaled: asMatrix(scaled),
      positional: pe,
      input: asMatrix(input),
      scaleFactor,
    };
  });
}

export interface AttentionStages {
  /** X [n, d]. */
  x: Matrix;
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  /** Q, K, V [n, d_k]. */
  q: Matrix;
  k: Matrix;
  v: Matrix;
  /** QKᵀ/√d_k [n, n]; masked entries are −Infinity. */
  scores: Matrix;
  /** softmax rows [n, n]. */
  weights: Matrix;
  /** weights · V [n, d_k]. */
  output: Matrix;
  dk: number;
  causal: boolean;
}

function projection(rng: Rng, d: number, dk: number): Tensor {
  return initTensor([d, dk], 'xavierNormal', rng, d, dk);
}

/** Upper-triangle −∞ mask [n, n] (key j > query i is hidden). */
function causalMask(n: number): Tensor {
  const m = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i * n + j] = -Infinity;
  return tensor(m, [n, n]);
}

/** One attention head from explicit weights, every intermediate kept (noGrad; figures only). */
function headStages(x: Tensor, wq: Tensor, wk: Tensor, wv: Tensor, causal: boolean): AttentionStages {
  const n = x.shape[0];
  const dk = wq.shape[1];
  const q = matmul(x, wq); // [n, dk]
  const k = matmul(x, wk); // [n, dk]
  const v = matmul(x, wv); // [n, dk]
  let scores = scale(matmul(q, k, { transB: true }), 1 / Math.sqrt(dk)); // [n, n]
  if (causal) scores = add(scores, causalMask(n));
  const weights = softmax(scores); // [n, n]
  const output = matmul(weights, v); // [n, dk]
  return {
    x: asMatrix(x),
    wq: asMatrix(wq),
    wk: asMatrix(wk),
    wv: asMatrix(wv),
    q: asMatrix(q),
    k: asMatrix(k),
    v: asMatrix(v),
    scores: asMatrix(scores),
    weights: asMatrix(weights),
    output: asMatrix(output),
    dk,
    causal,
  };
}

/** Step 2: self-attention of one head over the input E of `tokensToVectors`, with seeded W_Q, W_K, W_V. */
export function attentionByHand(
  input: Matrix,
  options: { dk?: number; seed?: number; causal?: boolean } = {},
): AttentionStages {
  const dk = Math.max(1, Math.min(input.cols, Math.round(options.dk ?? 4)));
  return noGrad(() => {
    const rng = new Rng(options.seed ?? 2);
    const x = tensor(input.data, [input.rows, input.cols]);
    return headStages(
      x,
      projection(rng, input.cols, dk),
      projection(rng, input.cols, dk),
      projection(rng, input.cols, dk),
      options.causal ?? false,
    );
  });
}

export interface MultiHeadView {
  heads: AttentionStages[];
  /** Concat(head₁ … head_h) [n, h·d_k]. */
  concat: Matrix;
  wo: Matrix;
  /** Concat · W_O [n, d]. */
  output: Matrix;
}

/** Step 3: h heads of width d/h side by side, concatenated and projected by W_O. */
export function multiHeadByHand(
  input: Matrix,
  options: { heads?: number; seed?: number; causal?: boolean } = {},
): MultiHeadView {
  const h = Math.max(1, Math.min(8, Math.round(options.heads ?? 2)));
  const d = input.cols;
  const dk = Math.max(1, Math.floor(d / h));
  return noGrad(() => {
    const rng = new Rng(options.seed ?? 3);
    const x = tensor(input.data, [input.rows, d]);
    const heads = Array.from({ length: h }, () =>
      headStages(
        x,
        projection(rng, d, dk),
        projection(rng, d, dk),
        projection(rng, d, dk),
        options.causal ?? false,
      ),
    );
    const cat = concat(
      heads.map((s) => tensor(s.output.data, [s.output.rows, s.output.cols])),
      1,
    ); // [n, h·dk]
    const wo = initTensor([h * dk, d], 'xavierNormal', rng, h * dk, d);
    const output = matmul(cat, wo); // [n, d]
    return { heads, concat: asMatrix(cat), wo: asMatrix(wo), output: asMatrix(output) };
  });
}

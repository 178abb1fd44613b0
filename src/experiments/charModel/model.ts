/**
 * The char-level language model: one recurrent cell (the core's RNNCell or LSTMCell) reading one-hot characters and
 * predicting the next one, plus what the pages do with a trained cell — trace a line (logits and hidden states),
 * generate text, and measure how the gradient of the last step's loss fades or grows through time.
 *
 *   const cell = createCell({ cell: 'rnn', vocabSize: V, hidden: 64 }, seed);
 *   const out = runCell(cell, xs, state);                 // xs [B, T, V] → outputs [B, T, V], hiddens [B, T, H]
 *   const trace = traceSequence(cell, ids, V);             // no tape: logits [T·V], hiddens [T·H]
 *   const gen = generate(cell, V, promptIds, 200, { temperature: 0.8 }, rng);
 *   const g = gradientThroughTime(cell, ids, V);           // ‖∂L_T/∂h_{T−k}‖ for k = 0 … T−1
 */
import { noGrad } from '../../core/autograd';
import { oneHotSequence } from '../../core/data/text';
import { crossEntropy } from '../../core/losses';
import { Capture, l2norm } from '../../core/nn/capture';
import { LSTMCell, RNNCell, type SequenceOutput } from '../../core/nn/rnn';
import { slice } from '../../core/ops/shape';
import { toRng, type Rng, type SeedOrRng } from '../../core/random';
import { argmax, softmaxValues } from '../../core/sampling';
import { zeros, type Tensor } from '../../core/tensor';

export type CellKind = 'rnn' | 'lstm';
export type CharCell = RNNCell | LSTMCell;

export interface CharModelConfig {
  cell: CellKind;
  /** Distinct characters V: the one-hot input size and the number of logits. */
  vocabSize: number;
  /** Hidden size H. */
  hidden: number;
  /**
   * RNN cell only: 0 keeps the core's Xavier initialisation; r > 0 starts W_hh as a random orthogonal matrix times r,
   * so its spectral radius (and its largest singular value) is exactly r.
   */
  radius?: number;
}

/** Recurrent state carried between chunks: h [B, H] (and the LSTM's cell state c [B, H]). */
export interface RecurrentState {
  h: Tensor;
  c?: Tensor;
}

export function createCell(config: CharModelConfig, seed: SeedOrRng): CharCell {
  const rng = toRng(seed);
  const sizes = { inputSize: config.vocabSize, hiddenSize: config.hidden, outputSize: config.vocabSize };
  if (config.cell === 'lstm') return new LSTMCell(sizes, rng);
  const cell = new RNNCell(sizes, rng);
  const r = config.radius ?? 0;
  if (r > 0) cell.W_hh.data.set(orthogonal(config.hidden, rng).map((v) => v * r));
  return cell;
}

/** A random n×n orthogonal matrix (Gram–Schmidt on Gaussian rows), row-major. */
export function orthogonal(n: number, rng: Rng): Float32Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      for (let j = 0; j < n; j++) q[i * n + j] = rng.normal();
      for (let k = 0; k < i; k++) {
        let dot = 0;
        for (let j = 0; j < n; j++) dot += q[i * n + j] * q[k * n + j];
        for (let j = 0; j < n; j++) q[i * n + j] -= dot * q[k * n + j];
      }
      let norm = 0;
      for (let j = 0; j < n; j++) norm += q[i * n + j] ** 2;
      norm = Math.sqrt(norm);
      if (norm > 1e-6) {
        for (let j = 0; j < n; j++) q[i * n + j] /= norm;
        break;
      }
    }
  }
  return Float32Array.from(q);
}

/** Largest singular value of a rows×cols matrix (power iteration on WᵀW): an upper bound on the spectral radius. */
export function largestSingularValue(
  w: ArrayLike<number>,
  rows: number,
  cols: number,
  iterations = 60,
): number {
  let v = new Float64Array(cols).fill(1 / Math.sqrt(cols));
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    const u = new Float64Array(rows); // W v
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) u[i] += w[i * cols + j] * v[j];
    const next = new Float64Array(cols); // Wᵀ u
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) next[j] += w[i * cols + j] * u[i];
    const norm = Math.hypot(...next);
    if (!(norm > 0) || !Number.isFinite(norm)) return Number.isFinite(norm) ? 0 : Infinity;
    sigma = Math.sqrt(norm);
    v = next.map((x) => x / norm);
  }
  return sigma;
}

/** One forward pass over xs [B, T, V] from a state (zeros when omitted), whatever the cell type. */
export function runCell(cell: CharCell, xs: Tensor, state?: RecurrentState | null): SequenceOutput {
  if (cell instanceof LSTMCell)
    return cell.forward(xs, state && state.c ? { h: state.h, c: state.c } : undefined);
  return cell.forward(xs, state?.h);
}

/** The final state of a pass, cut from the graph (truncated BPTT: the next chunk's gradients stop here). */
export function detachState(out: SequenceOutput): RecurrentState {
  return out.c ? { h: out.h.detach(), c: out.c.detach() } : { h: out.h.detach() };
}

export interface Trace {
  /** Logits per position: [T, V] row-major. */
  logits: Float32Array;
  /** Hidden states per position: [T, H] row-major. */
  hiddens: Float32Array;
  /** State after the last character (to continue from). */
  state: RecurrentState | null;
}

/** Run one sequence of ids (B = 1) without recording anything. */
export function traceSequence(
  cell: CharCell,
  ids: ArrayLike<number>,
  V: number,
  state?: RecurrentState | null,
): Trace {
  if (ids.length === 0)
    return { logits: new Float32Array(0), hiddens: new Float32Array(0), state: state ?? null };
  return noGrad(() => {
    const out = runCell(cell, oneHotSequence(ids, [1, ids.length], V), state); // [1, T, V]
    return { logits: out.outputs.data.slice(), hiddens: out.hiddens.data.slice(), state: detachState(out) };
  });
}

/** −ln p(next character) at every position of a traced line (nats): [T − 1] for ids of length T. */
export function lossPerPosition(logits: Float32Array, ids: ArrayLike<number>, V: number): Float64Array {
  const out = new Float64Array(Math.max(0, ids.length - 1));
  for (let t = 0; t < out.length; t++) {
    const p = softmaxValues(logits, 1, t * V, V);
    out[t] = -Math.log(Math.max(p[ids[t + 1]], 1e-12));
  }
  return out;
}

export interface GenerateOptions {
  /** Softmax temperature τ (logits / τ); ignored when greedy. */
  temperature?: number;
  /** Always take the most probable character. */
  greedy?: boolean;
}

export interface Generation {
  /** The generated ids (the prompt not included). */
  ids: Int32Array;
  /** The distribution each generated id was drawn from (after temperature): one Float64Array [V] per id. */
  probs: Float64Array[];
}

/**
 * Feed the prompt, then n times: softmax(y / τ) → pick the next character (argmax when greedy, else a seeded draw) →
 * feed it back in. An empty prompt starts from h₀ = 0 with the first character drawn from the model's output at h₀.
 */
export function generate(
  cell: CharCell,
  V: number,
  prompt: ArrayLike<number>,
  n: number,
  options: GenerateOptions,
  rng: Rng,
): Generation {
  const temperature = options.greedy ? 1 : (options.temperature ?? 1);
  const ids = new Int32Array(n);
  const probs: Float64Array[] = [];
  let trace = traceSequence(cell, prompt, V);
  let last: ArrayLike<number> = trace.logits.subarray(trace.logits.length - V);
  if (prompt.length === 0) last = noGrad(() => cell.output(zeros([1, cell.hiddenSize])).data.slice()); // y at h₀ = 0
  for (let i = 0; i < n; i++) {
    const p = softmaxValues(last, temperature);
    const next = options.greedy ? argmax(p) : rng.categorical(p);
    ids[i] = next;
    probs.push(p);
    if (i === n - 1) break;
    trace = traceSequence(cell, [next], V, trace.state);
    last = trace.logits;
  }
  return { ids, probs };
}

export interface GradientThroughTime {
  /** norms[k] = ‖∂L_T/∂h_{T−k}‖ for k = 0 … T−1 (k = 0 is the last step). */
  norms: Float64Array;
  /** The last step's loss L_T (nats). */
  loss: number;
}

/**
 * How far back the loss of the LAST position reaches: run ids[0 … T−1] from h₀ = 0, take L_T = −ln p(ids[T]), and
 * read ∂L_T/∂h_t for every t from the backward pass. The gradient reaching h_{T−k} has been multiplied by k Jacobians
 * ∂h_{t}/∂h_{t−1} = diag(1 − h_t²) W_hh, so it shrinks or grows roughly geometrically in k.
 * Leaves gradients in the cell's parameters: call the optimiser's zeroGrad() before the next training step.
 */
export function gradientThroughTime(cell: CharCell, ids: ArrayLike<number>, V: number): GradientThroughTime {
  const T = ids.length - 1;
  const capture = new Capture();
  capture.filter = (name) => name === 'h';
  capture.maxPerName = T + 1;
  cell.setCapture(capture);
  try {
    const inputs = Array.from({ length: T }, (_, t) => ids[t]);
    const out = runCell(cell, oneHotSequence(inputs, [1, T], V)); // outputs [1, T, V]
    const last = slice(out.outputs, 1, T - 1, T); // [1, 1, V]
    const loss = crossEntropy(last, [ids[T]]);
    const value = loss.item();
    loss.backward();
    const hs = capture.tensors('h'); // T entries [1, H]
    const norms = new Float64Array(T);
    for (let k = 0; k < T; k++) norms[k] = l2norm(hs[T - 1 - k]?.grad ?? null);
    return { norms, loss: value };
  } finally {
    cell.setCapture(null);
  }
}

/**
 * The notes' worked example, number by number: hidden size 5, a one-hot vocabulary of the nine distinct characters
 * of "hello world!", h₀ = 0, random weights from a fixed seed. Every product of every time step is kept so the page
 * can show it as a small matrix. Computed on the main thread in float64 from the core cell's float32 weights.
 */
import { RNNCell } from '../../../core/nn/rnn';
import { softmaxValues } from '../../../core/sampling';
import { charVocab } from '../../../experiments/charModel/text';

export const EXAMPLE_TEXT = 'hello world!';
export const EXAMPLE_HIDDEN = 5;
export const EXAMPLE_SEED = 1;

export interface ExampleStep {
  char: string;
  /** One-hot xₜ [V]. */
  x: Float64Array;
  hPrev: Float64Array; // [H]
  /** W_hh hₜ₋₁ [H]. */
  recurrent: Float64Array;
  /** W_xh xₜ [H] (a column of W_xh, since xₜ is one-hot). */
  input: Float64Array;
  h: Float64Array; // [H]
  /** yₜ = W_hy hₜ [V]. */
  y: Float64Array;
  /** softmax(yₜ) [V]: the predicted distribution of the next character. */
  p: Float64Array;
}

export interface WorkedExample {
  vocab: readonly string[];
  cell: RNNCell;
  H: number;
  V: number;
  /** Parameters counted from the cell's tensors. */
  parameterCount: number;
  steps: ExampleStep[];
  /** Characters of the input that are not in the vocabulary (skipped). */
  ignored: string[];
}

/** The example's vocabulary: the distinct characters of "hello world!", most frequent first. */
export const EXAMPLE_VOCAB: readonly string[] = charVocab(EXAMPLE_TEXT, 96).itos;

let cachedCell: RNNCell | null = null;
function exampleCell(): RNNCell {
  cachedCell ??= new RNNCell({ inputSize: EXAMPLE_VOCAB.length, hiddenSize: EXAMPLE_HIDDEN }, EXAMPLE_SEED);
  return cachedCell;
}

/** y = W v for a row-major rows×cols matrix. */
function matVec(w: Float32Array, rows: number, cols: number, v: Float64Array): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i] += w[i * cols + j] * v[j];
  return out;
}

/** Run the example cell over `text` (characters outside the vocabulary are skipped and listed). */
export function workedExample(text: string): WorkedExample {
  const cell = exampleCell();
  const vocab = EXAMPLE_VOCAB;
  const V = vocab.length;
  const H = EXAMPLE_HIDDEN;
  const ignored: string[] = [];
  const steps: ExampleStep[] = [];
  let h: Float64Array = new Float64Array(H); // h₀ = 0
  for (const char of text) {
    const id = vocab.indexOf(char);
    if (id < 0) {
      if (!ignored.includes(char)) ignored.push(char);
      continue;
    }
    const x = new Float64Array(V);
    x[id] = 1;
    const recurrent = matVec(cell.W_hh.data, H, H, h);
    const input = matVec(cell.W_xh.data, H, V, x);
    const next = recurrent.map((r, i) => Math.tanh(r + input[i]));
    const y = matVec(cell.W_hy!.data, V, H, next);
    steps.push({ char, x, hPrev: h, recurrent, input, h: next, y, p: softmaxValues(y) });
    h = next;
  }
  const parameterCount = cell.parameters().reduce((n, p) => n + p.size, 0);
  return { vocab, cell, H, V, parameterCount, steps, ignored };
}

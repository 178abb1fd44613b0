/**
 * What the LSTM chapter's figures look inside the models at: the gate trace of one sequence and the gradient
 * flowing back through time. Both run outside training (the trace under noGrad, the gradient probe with its own
 * backward whose parameter gradients the next training step clears).
 */
import { Capture, LSTMCell, noGrad, softmax, type CapturedValue } from '../../core';
import type { RecallModel } from './recallModel';
import type { RecallSplit } from './recallTask';
import type { GateTraceView } from './views';

/** Captured per-step values [1, H] → one [H, T] array. */
function unitsByTime(entries: readonly CapturedValue[], H: number): Float32Array {
  const T = entries.length;
  const out = new Float32Array(H * T);
  entries.forEach((e, t) => {
    for (let j = 0; j < H; j++) out[j * T + t] = e.value[j];
  });
  return out;
}

/** zₜ = W_x xₜ + W_h hₜ₋₁ + b for every step, from the weights (xₜ one-hot, h₀ = 0): [4, H, T]. */
function preActivations(cell: LSTMCell, tokens: Int32Array, h: Float32Array): Float32Array {
  const H = cell.hiddenSize;
  const T = tokens.length;
  const I = cell.W_x.shape[1];
  const Wx = cell.W_x.data; // [4H, I]
  const Wh = cell.W_h.data; // [4H, H]
  const b = cell.b.data; // [4H]
  const out = new Float32Array(4 * H * T);
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < 4 * H; r++) {
      let z = b[r] + Wx[r * I + tokens[t]];
      if (t > 0) for (let k = 0; k < H; k++) z += Wh[r * H + k] * h[k * T + t - 1];
      out[r * T + t] = z;
    }
  }
  return out;
}

/** Runs the LSTM model on validation sequence `index` and returns its gates, states and prediction. */
export function gateTrace(model: RecallModel, split: RecallSplit, index: number): GateTraceView | null {
  if (!(model.cell instanceof LSTMCell) || split.valCount === 0) return null;
  const cell = model.cell;
  const n = Math.min(Math.max(0, Math.floor(index)), split.valCount - 1);
  const T = split.length;
  const H = cell.hiddenSize;
  const tokens = split.val.slice(n * T, (n + 1) * T);
  const capture = new Capture();
  capture.filter = (name) => 'ifgoch'.includes(name) && name.length === 1;
  model.attach(capture);
  const probs = noGrad(() => softmax(model.logits(tokens, 1, T)).toArray()); // [4]
  model.attach(null);
  const snap = capture.snapshot();
  const get = (name: string) => unitsByTime(snap[name] ?? [], H);
  const h = get('h');
  return {
    tokens,
    i: get('i'),
    f: get('f'),
    g: get('g'),
    o: get('o'),
    c: get('c'),
    h,
    pre: preActivations(cell, tokens, h),
    probs: Float32Array.from(probs),
    target: split.valTargets[n],
    hidden: H,
    steps: T,
  };
}

/**
 * Mean over a batch of ‖∂L/∂sₜ‖ for the state s the gradient travels along (the cell state c for the LSTM, the
 * hidden state h for the RNN), indexed by steps back from the last step: out[k] belongs to t = T − k.
 */
export function gradientThroughTime(model: RecallModel, split: RecallSplit, batch = 32): Float32Array {
  const B = Math.min(batch, split.valCount);
  const T = split.length;
  const out = new Float32Array(T);
  if (B === 0) return out;
  const state = model.kind === 'lstm' ? 'c' : 'h';
  const capture = new Capture();
  capture.filter = (name) => name === state;
  model.attach(capture);
  model.loss(split.val.subarray(0, B * T), split.valTargets.subarray(0, B), B, T).backward();
  model.attach(null);
  const entries = capture.snapshot()[state] ?? [];
  entries.forEach((e, t) => {
    const H = e.shape[1];
    let total = 0;
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let j = 0; j < H; j++) s += (e.grad?.[b * H + j] ?? 0) ** 2;
      total += Math.sqrt(s);
    }
    out[T - 1 - t] = total / B;
  });
  for (const p of model.parameters()) p.grad?.fill(0);
  return out;
}

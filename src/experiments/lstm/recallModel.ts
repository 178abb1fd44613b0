/**
 * The two contestants of the recall task: a plain RNN and an LSTM (the core's RNNCell / LSTMCell, no output layer of
 * their own) each followed by one Linear readout that turns the last hidden state into four payload logits.
 * Hidden sizes are chosen so both have about the same number of parameters.
 */
import {
  Linear,
  LSTMCell,
  Module,
  RNNCell,
  crossEntropy,
  oneHotSequence,
  type Capture,
  type Tensor,
} from '../../core';
import { PAYLOAD_COUNT, RECALL_VOCAB } from './recallTask';

export type CellKind = 'rnn' | 'lstm';

export interface RecallModelConfig {
  cell: CellKind;
  hiddenSize: number;
  /** LSTM only: initial forget-gate bias. */
  forgetBias?: number;
}

export class RecallModel extends Module {
  readonly cell: RNNCell | LSTMCell;
  readonly readout: Linear;
  readonly kind: CellKind;

  constructor(config: RecallModelConfig, seed: number) {
    super();
    this.kind = config.cell;
    const I = RECALL_VOCAB;
    const H = config.hiddenSize;
    this.cell =
      config.cell === 'lstm'
        ? new LSTMCell(
            { inputSize: I, hiddenSize: H, outputSize: 0, forgetBias: config.forgetBias ?? 1 },
            seed,
          )
        : new RNNCell({ inputSize: I, hiddenSize: H, outputSize: 0, bias: true }, seed);
    this.readout = new Linear({ inFeatures: H, outFeatures: PAYLOAD_COUNT }, seed + 0x9e37);
  }

  /** tokens: B sequences of T ids, row-major → payload logits [B, 4] from the last hidden state. */
  logits(tokens: ArrayLike<number>, B: number, T: number): Tensor {
    const xs = oneHotSequence(tokens, [B, T], RECALL_VOCAB); // [B, T, V]
    const { h } = this.cell.forward(xs); // h: [B, H]
    return this.readout.forward(h); // [B, 4]
  }

  loss(tokens: ArrayLike<number>, targets: ArrayLike<number>, B: number, T: number): Tensor {
    return crossEntropy(this.logits(tokens, B, T), targets); // scalar
  }

  /** Captures record inside the recurrent cell only (gates, states per time step). */
  attach(capture: Capture | null): void {
    this.cell.setCapture(capture);
  }
}

/** Parameter count of a model (weights and biases). */
export function countParameters(model: Module): number {
  return model.parameters().reduce((n, p) => n + p.size, 0);
}

/** Hidden sizes chosen so both models have about the same number of parameters (the page counts them). */
export const LSTM_HIDDEN = 16;
export const RNN_HIDDEN = 37;

/** Largest singular value ‖W‖₂ of a square row-major matrix [n, n], by power iteration on WᵀW (float64). */
export function spectralNorm(w: Float32Array, n: number, iterations = 60): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    const wv = new Float64Array(n); // W v
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) wv[r] += w[r * n + c] * v[c];
    const next = new Float64Array(n); // Wᵀ (W v)
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) next[c] += w[r * n + c] * wv[r];
    const norm = Math.hypot(...next);
    if (!(norm > 0)) return 0;
    sigma = Math.sqrt(norm);
    v = next.map((x) => x / norm);
  }
  return sigma;
}

/**
 * Rescales an RNN's recurrent matrix so that ‖W_hh‖₂ = target. With ‖W_hh‖₂ ≤ 1 and tanh′ ≤ 1, every step back
 * through time can only shrink the gradient: the regime of the RNN chapter's vanishing-gradient curve.
 */
export function setRecurrentNorm(cell: RNNCell, target: number): number {
  const H = cell.hiddenSize;
  const w = cell.W_hh.data; // [H, H]
  const now = spectralNorm(w, H);
  if (now > 0) for (let k = 0; k < w.length; k++) w[k] *= target / now;
  return spectralNorm(w, H);
}

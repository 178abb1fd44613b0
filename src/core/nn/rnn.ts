/**
 * Recurrent cells in the lesson's notation.
 *
 * RNNCell:  hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ (+ b_h)),   yₜ = W_hy hₜ (+ b_y)
 * LSTMCell: [iₜ; fₜ; gₜ; oₜ] = W_x xₜ + W_h hₜ₋₁ + b       (one fused product, rows in that order)
 *           iₜ = σ(·) input gate, fₜ = σ(·) forget gate, gₜ = tanh(·) candidate, oₜ = σ(·) output gate
 *           cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ,   hₜ = oₜ ⊙ tanh(cₜ),   yₜ = W_hy hₜ + b_y
 *
 * Both run a whole sequence with `forward(xs)`, xs [B, T, I] (or one-hot / embedded inputs), and return every
 * output, every hidden state and the final state. Captures (when attached), one entry per time step:
 * RNN: 'h' [B, H], 'y' [B, O]; LSTM: 'i', 'f', 'g', 'o', 'c', 'h' [B, H], 'y' [B, O].
 */
import { add, mul } from '../ops/elementwise';
import { sigmoid, tanh } from '../ops/activations';
import { linear } from '../ops/matmul';
import { lstmCellState, lstmHidden } from '../ops/recurrent';
import { reshape, slice, stack } from '../ops/shape';
import { toRng, type SeedOrRng } from '../random';
import { zeros, type Tensor } from '../tensor';
import { Module, param } from './module';

export interface RNNConfig {
  inputSize: number;
  hiddenSize: number;
  /** Output size of W_hy (default: inputSize, as when predicting the next character). 0 = no output layer. */
  outputSize?: number;
  /** Biases b_h, b_y (default false: the lesson's equations have none). */
  bias?: boolean;
}

export interface SequenceOutput {
  /** Outputs yₜ stacked: [B, T, O] (hidden states if there is no output layer). */
  outputs: Tensor;
  /** Hidden states hₜ stacked: [B, T, H]. */
  hiddens: Tensor;
  /** Final hidden state [B, H] (detach() it to carry into the next chunk). */
  h: Tensor;
  /** Final cell state [B, H] (LSTM only). */
  c?: Tensor;
}

/** xs [B, T, I] → time step t as [B, I]. */
function stepInput(xs: Tensor, t: number): Tensor {
  const [B, , I] = xs.shape;
  return reshape(slice(xs, 1, t, t + 1), [B, I]);
}

export class RNNCell extends Module {
  readonly W_xh: Tensor; // [H, I]
  readonly W_hh: Tensor; // [H, H]
  readonly b_h: Tensor | null; // [H]
  readonly W_hy: Tensor | null; // [O, H]
  readonly b_y: Tensor | null; // [O]
  readonly hiddenSize: number;

  constructor(config: RNNConfig, seed: SeedOrRng) {
    super();
    const rng = toRng(seed);
    const { inputSize: I, hiddenSize: H } = config;
    const O = config.outputSize ?? I;
    this.hiddenSize = H;
    this.W_xh = param([H, I], 'xavierUniform', rng, 'W_xh');
    this.W_hh = param([H, H], 'xavierUniform', rng, 'W_hh');
    this.b_h = config.bias ? param([H], 'zeros', rng, 'b_h', { decay: false }) : null;
    this.W_hy = O > 0 ? param([O, H], 'xavierUniform', rng, 'W_hy') : null;
    this.b_y = O > 0 && config.bias ? param([O], 'zeros', rng, 'b_y', { decay: false }) : null;
  }

  /** One step: x [B, I], h [B, H] → hₜ [B, H]. */
  step(x: Tensor, h: Tensor): Tensor {
    return tanh(add(linear(h, this.W_hh, this.b_h), linear(x, this.W_xh))); // [B, H]
  }

  /** yₜ = W_hy hₜ (+ b_y): [B, O]. */
  output(h: Tensor): Tensor {
    return this.W_hy === null ? h : linear(h, this.W_hy, this.b_y);
  }

  /**
   * Run a sequence xs [B, T, I] from h0 (default zeros, the lesson's h₀ = 0). W_xh xₜ and W_hy hₜ are computed for
   * all time steps in one product each; only W_hh hₜ₋₁ runs step by step.
   */
  forward(xs: Tensor, h0?: Tensor): SequenceOutput {
    const [B, T] = xs.shape;
    let h = h0 ?? zeros([B, this.hiddenSize]); // [B, H]
    const zx = linear(xs, this.W_xh); // [B, T, H]
    const hs: Tensor[] = [];
    for (let t = 0; t < T; t++) {
      h = tanh(add(linear(h, this.W_hh, this.b_h), stepInput(zx, t))); // [B, H]
      hs.push(h);
      if (this.capture !== null) this.record('h', h);
    }
    const hiddens = stack(hs, 1); // [B, T, H]
    const outputs = this.capture === null ? this.output(hiddens) : this.outputsPerStep(hs); // [B, T, O]
    return { outputs, hiddens, h };
  }

  /** Introspection path: yₜ per step (each a graph node, so its gradient is captured too), then stacked. */
  private outputsPerStep(hs: Tensor[]): Tensor {
    const ys = hs.map((h) => {
      const y = this.output(h); // [B, O]
      this.record('y', y);
      return y;
    });
    return stack(ys, 1); // [B, T, O]
  }
}

export interface LSTMConfig {
  inputSize: number;
  hiddenSize: number;
  /** Output size of W_hy (default inputSize). 0 = no output layer. */
  outputSize?: number;
  /** Initial forget-gate bias (default 1: remember by default, a common trick that speeds up learning). */
  forgetBias?: number;
}

export interface LSTMState {
  h: Tensor; // [B, H]
  c: Tensor; // [B, H]
}

export class LSTMCell extends Module {
  readonly W_x: Tensor; // [4H, I]   rows: input, forget, candidate, output
  readonly W_h: Tensor; // [4H, H]
  readonly b: Tensor; // [4H]
  readonly W_hy: Tensor | null; // [O, H]
  readonly b_y: Tensor | null; // [O]
  readonly hiddenSize: number;

  constructor(config: LSTMConfig, seed: SeedOrRng) {
    super();
    const rng = toRng(seed);
    const { inputSize: I, hiddenSize: H } = config;
    const O = config.outputSize ?? I;
    this.hiddenSize = H;
    this.W_x = param([4 * H, I], 'xavierUniform', rng, 'W_x', { fanOut: H });
    this.W_h = param([4 * H, H], 'xavierUniform', rng, 'W_h', { fanOut: H });
    this.b = param([4 * H], 'zeros', rng, 'b', { decay: false });
    this.b.data.fill(config.forgetBias ?? 1, H, 2 * H);
    this.W_hy = O > 0 ? param([O, H], 'xavierUniform', rng, 'W_hy') : null;
    this.b_y = O > 0 ? param([O], 'zeros', rng, 'b_y', { decay: false }) : null;
  }

  /** One step: x [B, I] with state (h, c) → new state. */
  step(x: Tensor, state: LSTMState): LSTMState {
    return this.recur(linear(x, this.W_x, this.b), state); // W_x xₜ + b: [B, 4H]
  }

  /** The recurrent part of a step, given the input term zx = W_x xₜ + b [B, 4H]. */
  private recur(zx: Tensor, state: LSTMState): LSTMState {
    const H = this.hiddenSize;
    const z = add(zx, linear(state.h, this.W_h)); // [B, 4H]
    if (this.capture === null) {
      // Fused gates: two ops instead of thirteen, bit-identical to the composite below (rnn.test.ts).
      const c = lstmCellState(z, state.c); // [B, H]
      return { h: lstmHidden(z, c), c }; // [B, H] each
    }
    // Introspection: every gate is its own tensor, so captures see it and its gradient.
    const i = sigmoid(slice(z, 1, 0, H)); // [B, H] input gate
    const f = sigmoid(slice(z, 1, H, 2 * H)); // [B, H] forget gate
    const g = tanh(slice(z, 1, 2 * H, 3 * H)); // [B, H] candidate
    const o = sigmoid(slice(z, 1, 3 * H, 4 * H)); // [B, H] output gate
    const c = add(mul(f, state.c), mul(i, g)); // [B, H]
    const h = mul(o, tanh(c)); // [B, H]
    if (this.capture !== null) {
      this.record('i', i);
      this.record('f', f);
      this.record('g', g);
      this.record('o', o);
      this.record('c', c);
      this.record('h', h);
    }
    return { h, c };
  }

  output(h: Tensor): Tensor {
    return this.W_hy === null ? h : linear(h, this.W_hy, this.b_y); // [B, O]
  }

  /**
   * Run a sequence xs [B, T, I] from a state (default zeros). Only W_h hₜ₋₁ is inherently sequential: the input
   * term W_x xₜ + b and the output W_hy hₜ are computed for all time steps in one product each.
   */
  forward(xs: Tensor, state?: LSTMState): SequenceOutput {
    const [B, T] = xs.shape;
    let s: LSTMState = state ?? { h: zeros([B, this.hiddenSize]), c: zeros([B, this.hiddenSize]) };
    const zx = linear(xs, this.W_x, this.b); // [B, T, 4H]
    const hs: Tensor[] = [];
    for (let t = 0; t < T; t++) {
      s = this.recur(stepInput(zx, t), s); // [B, H] each
      hs.push(s.h);
    }
    const hiddens = stack(hs, 1); // [B, T, H]
    const outputs = this.capture === null ? this.output(hiddens) : this.outputsPerStep(hs); // [B, T, O]
    return { outputs, hiddens, h: s.h, c: s.c };
  }

  /** Introspection path: yₜ per step (each a graph node, so its gradient is captured too), then stacked. */
  private outputsPerStep(hs: Tensor[]): Tensor {
    const ys = hs.map((h) => {
      const y = this.output(h); // [B, O]
      this.record('y', y);
      return y;
    });
    return stack(ys, 1); // [B, T, O]
  }
}

import { describe, expect, it } from 'vitest';
import { LSTMCell, RNNCell } from '../../core';
import { sigmoid } from '../../core/scalar';
import { defaultValues } from '../params';
import { createRecall, recallParams } from './recall';
import {
  LSTM_HIDDEN,
  RNN_HIDDEN,
  RecallModel,
  countParameters,
  setRecurrentNorm,
  spectralNorm,
} from './recallModel';
import { gateTrace } from './recallViews';
import { PAYLOAD_COUNT, RECALL_VOCAB, makeRecallSplit } from './recallTask';

/**
 * The lesson's equations in float64, written out from the weights (independent of the core's ops):
 * z = W_x xₜ + W_h hₜ₋₁ + b (rows i, f, c̃, o), cₜ = f cₜ₋₁ + i c̃, hₜ = o tanh cₜ; logits = W h_T + b.
 */
function reference(model: RecallModel, tokens: readonly number[], target: number) {
  const cell = model.cell as LSTMCell;
  const H = cell.hiddenSize;
  const [Wx, Wh, b] = [cell.W_x.data, cell.W_h.data, cell.b.data];
  let h = new Float64Array(H);
  let c = new Float64Array(H);
  const steps: { i: number[]; f: number[]; g: number[]; o: number[]; c: number[]; h: number[] }[] = [];
  for (const x of tokens) {
    const z = Array.from({ length: 4 * H }, (_, r) => {
      let s = b[r] + Wx[r * RECALL_VOCAB + x];
      for (let k = 0; k < H; k++) s += Wh[r * H + k] * h[k];
      return s;
    });
    const gate = (row: number, j: number) => z[row * H + j];
    const i = Array.from({ length: H }, (_, j) => sigmoid(gate(0, j)));
    const f = Array.from({ length: H }, (_, j) => sigmoid(gate(1, j)));
    const g = Array.from({ length: H }, (_, j) => Math.tanh(gate(2, j)));
    const o = Array.from({ length: H }, (_, j) => sigmoid(gate(3, j)));
    c = Float64Array.from(c, (cj, j) => f[j] * cj + i[j] * g[j]);
    h = Float64Array.from(c, (cj, j) => o[j] * Math.tanh(cj));
    steps.push({ i, f, g, o, c: [...c], h: [...h] });
  }
  const W = model.readout.weight.data;
  const rb = model.readout.bias!.data;
  const logits = Array.from({ length: PAYLOAD_COUNT }, (_, k) => {
    let s = rb[k];
    for (let j = 0; j < H; j++) s += W[k * H + j] * h[j];
    return s;
  });
  const m = Math.max(...logits);
  const loss = m + Math.log(logits.reduce((a, l) => a + Math.exp(l - m), 0)) - logits[target];
  return { steps, loss };
}

describe('recall models', () => {
  it('have about the same number of parameters', () => {
    const rnn = countParameters(new RecallModel({ cell: 'rnn', hiddenSize: RNN_HIDDEN }, 1));
    const lstm = countParameters(new RecallModel({ cell: 'lstm', hiddenSize: LSTM_HIDDEN }, 1));
    expect(Math.abs(rnn - lstm) / lstm).toBeLessThan(0.1);
  });

  it('rescale the RNN’s W_hh to the asked spectral norm', () => {
    const model = new RecallModel({ cell: 'rnn', hiddenSize: 12 }, 3);
    expect(setRecurrentNorm(model.cell as RNNCell, 0.8)).toBeCloseTo(0.8, 4);
    // A diagonal matrix's largest singular value is its largest |entry|.
    expect(spectralNorm(Float32Array.from([2, 0, 0, -3]), 2)).toBeCloseTo(3, 6);
  });

  it('LSTM backpropagation through time and the gates matches float64 finite differences', () => {
    const model = new RecallModel({ cell: 'lstm', hiddenSize: 3, forgetBias: 1 }, 4);
    const tokens = [2, 5, 7, 4, 8];
    const target = 2;
    model.loss(tokens, [target], 1, tokens.length).backward();
    const eps = 1e-4;
    for (const p of model.parameters()) {
      const analytic = Float64Array.from(p.grad!);
      for (let k = 0; k < p.size; k++) {
        const keep = p.data[k];
        p.data[k] = keep + eps;
        const up = reference(model, tokens, target).loss;
        p.data[k] = keep - eps;
        const down = reference(model, tokens, target).loss;
        p.data[k] = keep;
        // float32 parameters: the ±eps perturbation itself is rounded, so compare with a tolerance to match.
        expect(Math.abs(analytic[k] - (up - down) / (2 * eps))).toBeLessThan(2e-3);
      }
    }
  });

  it('the trace view of a trained model is consistent with the lesson’s equations at every step and unit', () => {
    const t = createRecall({ ...defaultValues(recallParams), models: 'lstm', gap: 6 }, 9);
    t.step(20);
    const trace = t.views(['trace']).trace as unknown as NonNullable<ReturnType<typeof gateTrace>>;
    const split = makeRecallSplit({ gap: 6, trainSize: 2048, valSize: 256 }, 9);
    expect(Array.from(trace.tokens)).toEqual(Array.from(split.val.subarray(0, 8)));
    const T = trace.steps;
    const H = trace.hidden;
    // After training: the trace's pre-activations and gates must satisfy the equations at every step and unit.
    for (let s = 0; s < T; s++)
      for (let j = 0; j < H; j++) {
        const at = (a: Float32Array) => a[j * T + s];
        const pre = (row: number) => trace.pre[(row * H + j) * T + s];
        expect(at(trace.i)).toBeCloseTo(sigmoid(pre(0)), 5);
        expect(at(trace.f)).toBeCloseTo(sigmoid(pre(1)), 5);
        expect(at(trace.g)).toBeCloseTo(Math.tanh(pre(2)), 5);
        expect(at(trace.o)).toBeCloseTo(sigmoid(pre(3)), 5);
        const cPrev = s > 0 ? trace.c[j * T + s - 1] : 0;
        expect(at(trace.c)).toBeCloseTo(at(trace.f) * cPrev + at(trace.i) * at(trace.g), 5);
        expect(at(trace.h)).toBeCloseTo(at(trace.o) * Math.tanh(at(trace.c)), 5);
      }
  });

  it('the trace of an untrained model equals the float64 equations from its weights', () => {
    const split = makeRecallSplit({ gap: 5, trainSize: 50, valSize: 10 }, 2);
    const model = new RecallModel({ cell: 'lstm', hiddenSize: 5 }, 2);
    const trace = gateTrace(model, split, 3)!;
    const ref = reference(model, Array.from(trace.tokens), trace.target);
    const T = trace.steps;
    ref.steps.forEach((st, s) => {
      for (let j = 0; j < 5; j++)
        for (const k of ['i', 'f', 'g', 'o', 'c', 'h'] as const)
          expect(trace[k][j * T + s]).toBeCloseTo(st[k][j], 5);
    });
  });
});

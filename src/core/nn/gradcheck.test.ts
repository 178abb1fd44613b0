/**
 * Module-level gradient checks: whole modules, through every time step, against float64 references written from
 * the equations (RNN and LSTM backpropagation through time, multi-head attention with masks, a tied embedding), and
 * the encoder–decoder end to end against float32 finite differences of itself (every parameter tensor sampled).
 */
import { describe, expect, it } from 'vitest';
import { gather, linear } from '../ops';
import { concat, reshape } from '../ops/shape';
import { Rng } from '../random';
import { asParameter, rand, type Tensor } from '../tensor';
import { checkParamGrads } from '../testing';
import { MultiHeadAttention } from './attention';
import { Capture } from './capture';
import { LSTMCell, RNNCell } from './rnn';
import { Seq2SeqTransformer } from './transformer';

// ---- float64 building blocks ----------------------------------------------------------------------------------

/** y [rows, out] = x [rows, in]·wᵀ (w [out, in]) + b. */
function linear64(x: number[], rows: number, w: number[], nOut: number, b?: number[]): number[] {
  const nIn = w.length / nOut;
  const y = new Array<number>(rows * nOut);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < nOut; j++) {
      let s = b ? b[j] : 0;
      for (let i = 0; i < nIn; i++) s += x[r * nIn + i] * w[j * nIn + i];
      y[r * nOut + j] = s;
    }
  return y;
}

const sigmoid64 = (v: number) => 1 / (1 + Math.exp(-v));
const addv = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);

/** Row t of every batch of xs [B, T, n] → [B, n]. */
const stepOf = (xs: number[], B: number, T: number, n: number, t: number) =>
  Array.from({ length: B }, (_, b) => xs.slice((b * T + t) * n, (b * T + t + 1) * n)).flat();

/** Per-step outputs ys[t] [B, O] → [B, T, O]. */
const interleave = (ys: number[][], B: number, O: number) =>
  Array.from({ length: B }, (_, b) => ys.map((y) => y.slice(b * O, (b + 1) * O)).flat()).flat();

/** Flatten and join graph outputs, so one check covers all of them. */
const joined = (...ts: Tensor[]) =>
  concat(
    ts.map((t) => reshape(t, [-1])),
    0,
  );

/** A leaf input that receives a gradient. */
const input = (shape: number[], seed: number, name: string) => {
  const t = rand(shape, seed, -1, 1, { requiresGrad: true });
  t.name = name;
  return t;
};

/** Randomise a module's parameters (zero biases and unit gains would hide whole terms of the gradient). */
function randomise(params: Tensor[], seed: number, range = 0.6): void {
  const rng = new Rng(seed);
  for (const p of params) for (let i = 0; i < p.size; i++) p.data[i] = rng.uniform(-range, range);
}

describe('recurrent cells: backpropagation through time vs float64', () => {
  const [B, T, I, H, O] = [2, 5, 3, 4, 3];

  it('RNNCell with biases: every weight, the inputs and h₀, through 5 steps (both output paths)', () => {
    const rnn = new RNNCell({ inputSize: I, hiddenSize: H, outputSize: O, bias: true }, 1);
    randomise(rnn.parameters(), 2);
    const xs = input([B, T, I], 3, 'xs');
    const h0 = input([B, H], 4, 'h0');
    const tensors = [xs, h0, rnn.W_xh, rnn.W_hh, rnn.b_h!, rnn.W_hy!, rnn.b_y!];
    const reference = (
      x: number[],
      h: number[],
      wxh: number[],
      whh: number[],
      bh: number[],
      why: number[],
      by: number[],
    ) => {
      const ys: number[][] = [];
      for (let t = 0; t < T; t++) {
        h = addv(linear64(h, B, whh, H, bh), linear64(stepOf(x, B, T, I, t), B, wxh, H)).map(Math.tanh);
        ys.push(linear64(h, B, why, O, by));
      }
      return [...interleave(ys, B, O), ...h];
    };
    for (const capture of [null, new Capture()]) {
      rnn.setCapture(capture);
      checkParamGrads(
        tensors,
        () => {
          const { outputs, h } = rnn.forward(xs, h0);
          return joined(outputs, h);
        },
        { seed: 5, reference: (...v) => reference(...(v as Parameters<typeof reference>)) },
      );
    }
    rnn.setCapture(null);
  });

  it('LSTMCell: gates, cell and hidden state through 5 steps, from a given (h₀, c₀)', () => {
    const lstm = new LSTMCell({ inputSize: I, hiddenSize: H, outputSize: O }, 6);
    randomise(lstm.parameters(), 7, 0.8);
    const xs = input([B, T, I], 8, 'xs');
    const h0 = input([B, H], 9, 'h0');
    const c0 = input([B, H], 10, 'c0');
    const tensors = [xs, h0, c0, lstm.W_x, lstm.W_h, lstm.b, lstm.W_hy!, lstm.b_y!];
    const reference = (
      x: number[],
      h: number[],
      c: number[],
      wx: number[],
      wh: number[],
      b: number[],
      why: number[],
      by: number[],
    ) => {
      const ys: number[][] = [];
      for (let t = 0; t < T; t++) {
        const z = addv(linear64(stepOf(x, B, T, I, t), B, wx, 4 * H, b), linear64(h, B, wh, 4 * H)); // [B, 4H]
        const gate = (row: number, k: number, j: number) => z[row * 4 * H + k * H + j];
        c = c.map((cv, n) => {
          const [row, j] = [Math.floor(n / H), n % H];
          return sigmoid64(gate(row, 1, j)) * cv + sigmoid64(gate(row, 0, j)) * Math.tanh(gate(row, 2, j));
        });
        h = c.map((cv, n) => sigmoid64(gate(Math.floor(n / H), 3, n % H)) * Math.tanh(cv));
        ys.push(linear64(h, B, why, O, by));
      }
      return [...interleave(ys, B, O), ...h, ...c];
    };
    checkParamGrads(
      tensors,
      () => {
        const { outputs, h, c } = lstm.forward(xs, { h: h0, c: c0 });
        return joined(outputs, h, c!);
      },
      { seed: 11, reference: (...v) => reference(...(v as Parameters<typeof reference>)) },
    );
  });
});

describe('multi-head attention vs float64', () => {
  const [B, d, heads] = [2, 6, 2];
  const dk = d / heads;

  /** Float64 MHA: query [B, Tq, d] attends to kv [B, Tk, d] with optional causal rule and key mask [B, Tk]. */
  function mha64(v: number[][], Tq: number, Tk: number, causal: boolean, keyMask: number[] | null): number[] {
    const [query, kv, wq, bq, wk, bk, wv, bv, wo, bo] = v;
    const q = linear64(query, B * Tq, wq, d, bq);
    const k = linear64(kv, B * Tk, wk, d, bk);
    const val = linear64(kv, B * Tk, wv, d, bv);
    const merged = new Array<number>(B * Tq * d).fill(0);
    for (let b = 0; b < B; b++)
      for (let h = 0; h < heads; h++)
        for (let i = 0; i < Tq; i++) {
          const seen = Array.from({ length: Tk }, (_, j) => j).filter(
            (j) => (!causal || j <= i + Tk - Tq) && (keyMask === null || keyMask[b * Tk + j] !== 0),
          );
          const s = seen.map((j) => {
            let dot = 0;
            for (let e = 0; e < dk; e++)
              dot += q[(b * Tq + i) * d + h * dk + e] * k[(b * Tk + j) * d + h * dk + e];
            return dot / Math.sqrt(dk);
          });
          const top = Math.max(...s);
          const w = s.map((x) => Math.exp(x - top));
          const total = w.reduce((a, x) => a + x, 0);
          for (let e = 0; e < dk; e++) {
            let acc = 0;
            seen.forEach((j, n) => (acc += (w[n] / total) * val[(b * Tk + j) * d + h * dk + e]));
            merged[(b * Tq + i) * d + h * dk + e] = acc;
          }
        }
    return linear64(merged, B * Tq, wo, d, bo);
  }

  it('causal self-attention and padded cross-attention: projections, query and key/value inputs', () => {
    const mha = new MultiHeadAttention({ dModel: d, heads }, 12);
    randomise(mha.parameters(), 13);
    const weights = [mha.q, mha.k, mha.v, mha.out].flatMap((l) => [l.weight, l.bias!]);
    // Self-attention, causal (same tensor as query and key/value: its gradient has both parts).
    const x = input([B, 4, d], 14, 'x');
    checkParamGrads([x, ...weights], () => mha.forward(x, x, true), {
      seed: 15,
      reference: (xv, ...w) => mha64([xv, xv, ...w], 4, 4, true, null),
    });
    // Cross-attention to 5 keys, row 0 padded after 3 keys, row 1 after 4; and causal with Tk > Tq plus padding.
    const query = input([B, 3, d], 16, 'query');
    const memory = input([B, 5, d], 17, 'memory');
    const mask = [1, 1, 1, 0, 0, 1, 1, 1, 1, 0];
    for (const causal of [false, true]) {
      checkParamGrads([query, memory, ...weights], () => mha.forward(query, memory, causal, mask), {
        seed: 18,
        reference: (...v) => mha64(v, 3, 5, causal, mask),
      });
    }
  });
});

describe('tied embeddings and the encoder–decoder end to end', () => {
  it('a tied embedding (lookup and output projection share one table) gets both gradients', () => {
    const [V, d] = [5, 3];
    const table = asParameter(rand([V, d], 19, -1, 1), 'E');
    const bias = asParameter(rand([V], 20, -1, 1), 'b', false);
    const ids = [3, 0, 3, 4, 1, 3];
    checkParamGrads([table, bias], () => linear(gather(table, ids), table, bias), {
      seed: 21,
      reference: (E, b) =>
        linear64(
          ids.flatMap((id) => E.slice(id * d, id * d + d)),
          ids.length,
          E,
          V,
          b,
        ),
    });
  });

  it('Seq2SeqTransformer (shared + tied embeddings, padded source; post-LN and pre-LN): every parameter', () => {
    const [B, Ts, Tt, V] = [2, 4, 3, 7];
    const src = Int32Array.from([3, 5, 2, 6, 4, 1, 0, 0]); // row 1 padded (padId 0)
    const tgtIn = Int32Array.from([1, 2, 5, 1, 6, 3]);
    for (const [norm, share] of [
      ['post', true],
      ['pre', false],
    ] as const) {
      const model = new Seq2SeqTransformer(
        {
          srcVocab: V,
          tgtVocab: V,
          dModel: 8,
          heads: 2,
          ff: 12,
          encoderLayers: 1,
          decoderLayers: 1,
          maxLen: 6,
          norm,
          shareEmbeddings: share,
          tieOutput: share,
          padId: 0,
        },
        22,
      );
      const named = model.namedParameters();
      for (const [path, p] of named) p.name = path; // failures then name the parameter
      const params = named.map(([, p]) => p);
      randomise(params, 23, 0.5);
      if (share) expect(model.srcEmbed.weight).toBe(model.tgtEmbed.weight);
      const { maxAbsError } = checkParamGrads(params, () => model.forward(src, tgtIn, B, Ts, Tt), {
        seed: 24,
        sample: 6,
        eps: 1e-3, // float32 differences; a larger step would cross the FFN's ReLU kinks
        rtol: 2e-2,
        atol: 2e-3,
      });
      expect(maxAbsError).toBeLessThan(1e-3);
    }
  });
});

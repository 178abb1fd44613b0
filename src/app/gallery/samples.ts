import { Rng, scalarMath } from '../../core';

/** Uniform and standard-normal draws from the core's seeded generator: same seed, same pictures, every time. */
function uniform(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

function gaussian(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.normal();
}
import { sampleGrid, type Grid2D } from '../../components/charts/grid';
import type { BoundaryPoint } from '../../components/charts/DecisionBoundary';
import type { EmbeddingPoint } from '../../components/charts/EmbeddingScatter';

/**
 * Seeded sample data for the gallery. Every function is deterministic in its arguments; `t` ∈ [0, 1] is the phase
 * of the live animation (t = 0 is the static picture).
 */

/** Loss curves: train and validation, `n` steps, with noise; one NaN in the middle shows NaN-safety. */
export function lossCurves(n: number, seed = 1) {
  const g = gaussian(seed);
  const train = new Float64Array(n);
  const val = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = 2.2 * Math.exp(-i / (n / 6)) + 0.08;
    train[i] = base * (1 + 0.08 * g());
    val[i] = (base + 0.05 + 0.15 * (i / n) ** 2) * (1 + 0.04 * g());
  }
  train[Math.floor(n / 2)] = NaN;
  return { train, val };
}

/** The next value of a live loss curve at step s (noisy decay). */
export function liveLoss(step: number, rand: () => number, offset = 0) {
  return (2 * Math.exp(-step / 2500) + 0.05 + offset) * (1 + 0.25 * (rand() - 0.5));
}

/** Points on two noisy concentric rings (label 0 inside, 1 outside); every 4th is a test point. */
export function ringPoints(n: number, seed = 2): BoundaryPoint[] {
  const rand = uniform(seed);
  const g = gaussian(seed + 1);
  const pts: BoundaryPoint[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const r = (label ? 3.6 : 1.4) + 0.45 * g();
    const a = rand() * Math.PI * 2;
    pts.push({ x: r * Math.cos(a), y: r * Math.sin(a), label, test: i % 4 === 3 });
  }
  return pts;
}

/** A model's P(outer ring) over the plane; sharper and better placed as t grows. */
export function ringModel(t: number): Grid2D {
  const sharp = 1 + 3 * t;
  const radius = 1.6 + 0.9 * t;
  const tilt = 0.6 * (1 - t);
  return sampleGrid(
    (x, y) => scalarMath.sigmoid(sharp * (Math.hypot(x + tilt, y * (1 + 0.3 * (1 - t))) - radius)),
    [-5.5, 5.5],
    [-5.5, 5.5],
    70,
  );
}

/** Three-class probabilities (softmax of three linear scores) for the multi-class DecisionBoundary mode. */
export function threeClassGrid(): Grid2D & { classes: number } {
  const n = 50;
  const values = new Float32Array(n * n * 3);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const x = -4 + (8 * i) / (n - 1);
      const y = -4 + (8 * j) / (n - 1);
      const s = [1.4 * x, -0.7 * x + 1.2 * y, -0.7 * x - 1.2 * y];
      const m = Math.max(...s);
      const e = s.map((v) => Math.exp(v - m));
      const z = e[0] + e[1] + e[2];
      for (let c = 0; c < 3; c++) values[(j * n + i) * 3 + c] = e[c] / z;
    }
  return { values, nx: n, ny: n, xDomain: [-4, 4], yDomain: [-4, 4], classes: 3 };
}

/** An ill-conditioned bowl with a twist: where plain SGD zig-zags and momentum/Adam differ. */
export const bowl = (x: number, y: number) => 0.5 * (x * x * 0.6 + 6 * y * y) + 0.4 * Math.sin(1.5 * x) + 0.6;
export const bowlGrad = (x: number, y: number): [number, number] => [
  0.6 * x + 0.6 * Math.cos(1.5 * x),
  6 * y,
];

/** Paths of three optimisers on `bowl` from the same start, `steps` steps each: flat [x0, y0, x1, y1, …]. */
export function optimiserPaths(steps: number, start: [number, number] = [-3.2, 1.3]) {
  const sgd = new Float32Array(2 * (steps + 1));
  const mom = new Float32Array(2 * (steps + 1));
  const adam = new Float32Array(2 * (steps + 1));
  let [x, y] = start;
  let [mx, my] = start;
  let [ax, ay] = start;
  let vx = 0;
  let vy = 0;
  let m1 = [0, 0];
  let m2 = [0, 0];
  for (let s = 0; s <= steps; s++) {
    sgd.set([x, y], 2 * s);
    mom.set([mx, my], 2 * s);
    adam.set([ax, ay], 2 * s);
    const [gx, gy] = bowlGrad(x, y);
    x -= 0.3 * gx;
    y -= 0.3 * gy;
    const [hx, hy] = bowlGrad(mx, my);
    vx = 0.8 * vx - 0.05 * hx;
    vy = 0.8 * vy - 0.05 * hy;
    mx += vx;
    my += vy;
    const [kx, ky] = bowlGrad(ax, ay);
    m1 = [0.9 * m1[0] + 0.1 * kx, 0.9 * m1[1] + 0.1 * ky];
    m2 = [0.999 * m2[0] + 0.001 * kx * kx, 0.999 * m2[1] + 0.001 * ky * ky];
    const c1 = 1 - 0.9 ** (s + 1);
    const c2 = 1 - 0.999 ** (s + 1);
    ax -= (0.15 * (m1[0] / c1)) / (Math.sqrt(m2[0] / c2) + 1e-8);
    ay -= (0.15 * (m1[1] / c1)) / (Math.sqrt(m2[1] / c2) + 1e-8);
  }
  return { sgd, mom, adam };
}

/** Weights and gradients for a small MLP, seeded; `t` makes them drift (live). */
export function networkSample(layers: readonly number[], t: number, seed = 3) {
  const g = gaussian(seed);
  const weights: Float32Array[] = [];
  const grads: Float32Array[] = [];
  for (let l = 0; l < layers.length - 1; l++) {
    const n = layers[l] * layers[l + 1];
    const w = new Float32Array(n);
    const gr = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      w[i] = g() * 0.9 + 0.5 * Math.sin(2 * Math.PI * t + i);
      gr[i] = g() * 0.1 * (l + 1) * (1 - 0.6 * t);
    }
    weights.push(w);
    grads.push(gr);
  }
  const activations = layers.map((n, l) =>
    Float32Array.from({ length: n }, (_, i) => Math.tanh(Math.sin(i * 1.7 + l + 3 * t))),
  );
  return { weights, grads, activations };
}

/** A rows×cols matrix of seeded normal values. */
export function randomMatrix(rows: number, cols: number, seed = 4) {
  const g = gaussian(seed);
  return Float32Array.from({ length: rows * cols }, () => Number(g().toFixed(2)));
}

export const SENTENCE = ['the', 'cat', 'sat', 'on', 'the', 'mat', '.'];

/** Attention weights [T, T] for `heads` heads: softmax of seeded scores; head 1 causal; `t` sharpens them. */
export function attentionSample(tokens: readonly string[], heads: number, t: number, seed = 5) {
  const T = tokens.length;
  const rand = uniform(seed);
  return Array.from({ length: heads }, (_, h) => {
    const w = new Float32Array(T * T);
    const sharp = 1 + 2.5 * t;
    for (let q = 0; q < T; q++) {
      let z = 0;
      const row: number[] = [];
      for (let k = 0; k < T; k++) {
        const masked = h === 0 && k > q;
        // head 0: previous token; head 1: same word; others random
        const pattern =
          h === 0
            ? k === q - 1
              ? 2
              : k === q
                ? 1
                : 0
            : h === 1
              ? tokens[k] === tokens[q]
                ? 2
                : 0
              : rand() * 2;
        const s = masked ? -Infinity : sharp * (pattern + 0.6 * rand());
        const e = Math.exp(s);
        row.push(e);
        z += e;
      }
      for (let k = 0; k < T; k++) w[q * T + k] = row[k] / z;
    }
    return { label: ['head 1 (causal)', 'head 2', 'head 3', 'head 4'][h] ?? `head ${h + 1}`, weights: w };
  });
}

/** Hidden states [units, steps] of a toy RNN reading `tokens`. */
export function hiddenStates(units: number, tokens: readonly string[], t: number, seed = 6) {
  const rand = uniform(seed);
  const freq = Float32Array.from({ length: units }, () => 0.3 + rand() * 1.2);
  const phase = Float32Array.from({ length: units }, () => rand() * 6);
  const out = new Float32Array(units * tokens.length);
  for (let u = 0; u < units; u++)
    for (let s = 0; s < tokens.length; s++)
      out[u * tokens.length + s] = Math.tanh(1.6 * Math.sin(freq[u] * s + phase[u] + 2 * Math.PI * t));
  return out;
}

/** Normal samples for weight histograms, one array per layer with its own spread. */
export function weightSamples(n: number, spreads: readonly number[], shift: number, seed = 7) {
  const g = gaussian(seed);
  return spreads.map((sd) => Float32Array.from({ length: n }, () => g() * sd + shift));
}

const WORDS = [
  ['cat', 'dog', 'horse', 'mouse', 'lion', 'tiger', 'sheep', 'cow', 'wolf', 'fox'],
  ['red', 'green', 'blue', 'yellow', 'purple', 'orange', 'black', 'white', 'pink', 'brown'],
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  ['run', 'walk', 'jump', 'swim', 'read', 'write', 'sing', 'eat', 'sleep', 'think'],
];
export const WORD_GROUPS = ['animals', 'colours', 'numbers', 'verbs'];

/** 40 words in four clusters (a fake 2D projection of embeddings). */
export function embeddingSample(seed = 8): EmbeddingPoint[] {
  const g = gaussian(seed);
  const centres = [
    [-2, 1.5],
    [2, 2],
    [1.8, -1.8],
    [-1.6, -1.5],
  ];
  return WORDS.flatMap((words, group) =>
    words.map((label) => ({
      label,
      group,
      x: centres[group][0] + 0.7 * g(),
      y: centres[group][1] + 0.7 * g(),
    })),
  );
}

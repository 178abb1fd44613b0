// W1 — the playground MLP: 2→8→8→1, tanh, sigmoid output + BCE, SGD lr 0.03, batch 10, 500 points (a circle set).
import { makeRng, xavierUniform } from '../prng';
import type { Params, W1Data } from '../types';

export const W1_SIZES = [2, 8, 8, 1];

export function makeW1(seed = 1): W1Data {
  const rng = makeRng(seed);
  const params: Params = {};
  for (let l = 0; l + 1 < W1_SIZES.length; l++) {
    const [fanIn, fanOut] = [W1_SIZES[l], W1_SIZES[l + 1]];
    params[`w${l}`] = { shape: [fanIn, fanOut], data: xavierUniform(rng, fanIn, fanOut) };
    // Small non-zero biases so the cross-engine loss check also exercises the bias path.
    const b = new Float32Array(fanOut).map(() => rng.uniform(-0.1, 0.1));
    params[`b${l}`] = { shape: [fanOut], data: b };
  }

  // 500 points uniform in [-1, 1]², label 1 inside the circle of radius 0.65 (≈ 33% positive).
  const nPoints = 500;
  const xs = new Float32Array(nPoints * 2);
  const ys = new Float32Array(nPoints);
  for (let i = 0; i < nPoints; i++) {
    const [a, b] = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    xs[2 * i] = a;
    xs[2 * i + 1] = b;
    ys[i] = a * a + b * b < 0.65 * 0.65 ? 1 : 0;
  }
  // One seeded shuffle (Fisher–Yates), then 50 fixed mini-batches that every engine cycles through in order.
  const order = Array.from({ length: nPoints }, (_, i) => i);
  for (let i = nPoints - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const batchSize = 10;
  const batches: W1Data['batches'] = [];
  for (let start = 0; start < nPoints; start += batchSize) {
    const x = new Float32Array(batchSize * 2);
    const y = new Float32Array(batchSize);
    for (let r = 0; r < batchSize; r++) {
      const i = order[start + r];
      x[2 * r] = xs[2 * i];
      x[2 * r + 1] = xs[2 * i + 1];
      y[r] = ys[i];
    }
    batches.push({ x, y });
  }
  return { id: 'W1', sizes: W1_SIZES, lr: 0.03, batchSize, params, batches };
}

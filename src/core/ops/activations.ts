/**
 * Activation functions.
 *
 *   op          forward                         backward (g = dL/dout)
 *   tanh        tanh(x)                         dx += g·(1 − out²)
 *   sigmoid     1 / (1 + e⁻ˣ)                   dx += g·out·(1 − out)
 *   relu        max(0, x)                       dx += g·[x > 0]
 *   leakyRelu   max(slope·x, x), slope 0.1      dx += g·(x > 0 ? 1 : slope)
 *   binaryStep  [x > 0]                         dx += 0  (no gradient flows: the lesson's point)
 *   identity    x                               dx += g
 *   softmax     eˣⁱ / Σⱼ eˣʲ  (last axis)       dx += out·(g − Σⱼ gⱼ·outⱼ)
 *   logSoftmax  xᵢ − log Σⱼ eˣʲ (last axis)     dx += g − softmax·Σⱼ gⱼ
 *   maxout      max over groups of k (last axis) (composite: reshape + max)
 *
 * Softmax-family ops subtract the row maximum first, so large logits stay finite. The sigmoid is evaluated in the
 * form that never exponentiates a large positive number.
 */
import { sigmoid as sigmoidValue } from '../scalar';
import { gradOf, record, tracks } from '../autograd';
import { kernel } from '../kernels';
import { outTensor, type Tensor } from '../tensor';
import { max } from './reduce';
import { reshape } from './shape';

type ActKind = 'tanh' | 'sigmoid' | 'relu' | 'leakyRelu' | 'binaryStep';

function activate(x: Tensor, kind: ActKind, slope = 0.1): Tensor {
  const tracked = tracks(x);
  const out = outTensor(x.shape, tracked);
  const o = out.data;
  const a = x.data;
  const n = x.size;
  if (kind === 'tanh') for (let i = 0; i < n; i++) o[i] = Math.tanh(a[i]);
  else if (kind === 'sigmoid') for (let i = 0; i < n; i++) o[i] = sigmoidScalar(a[i]);
  else if (kind === 'relu') reluInto(a, o, n);
  else if (kind === 'leakyRelu') for (let i = 0; i < n; i++) o[i] = a[i] > 0 ? a[i] : slope * a[i];
  else for (let i = 0; i < n; i++) o[i] = a[i] > 0 ? 1 : 0;
  if (tracked) {
    record(out, kind, [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      if (kind === 'tanh') for (let i = 0; i < n; i++) gx[i] += g[i] * (1 - o[i] * o[i]);
      else if (kind === 'sigmoid') for (let i = 0; i < n; i++) gx[i] += g[i] * o[i] * (1 - o[i]);
      else if (kind === 'relu') reluBackwardInto(a, g, gx, n);
      else if (kind === 'leakyRelu') for (let i = 0; i < n; i++) gx[i] += a[i] > 0 ? g[i] : slope * g[i];
      // binaryStep: the derivative is 0 almost everywhere, so nothing is added.
    });
  }
  return out;
}

/** ReLU through the kernels (WebAssembly SIMD where available); both paths give the same bits. */
const reluInto = (a: Float32Array, o: Float32Array, n: number) => kernel('relu')(a, o, n);
const reluBackwardInto = (a: Float32Array, g: Float32Array, gx: Float32Array, n: number) =>
  kernel('reluBackward')(a, g, gx, n);

/** The scalar σ (core/scalar.ts), under the name the ops and losses use. */
export const sigmoidScalar = sigmoidValue;

export const tanh = (x: Tensor): Tensor => activate(x, 'tanh');
export const sigmoid = (x: Tensor): Tensor => activate(x, 'sigmoid');
export const relu = (x: Tensor): Tensor => activate(x, 'relu');
/** Leaky ReLU, max(slope·x, x); slope 0.1 by default as in the lesson text. */
export const leakyRelu = (x: Tensor, slope = 0.1): Tensor => activate(x, 'leakyRelu', slope);
/** Binary step: 1 for x > 0, else 0. Its gradient is zero everywhere — backprop stops here. */
export const binaryStep = (x: Tensor): Tensor => activate(x, 'binaryStep');
/** f(x) = x. Returns its input (no copy, no op on the tape). */
export const identity = (x: Tensor): Tensor => x;

/** Softmax over the last axis. */
export function softmax(x: Tensor): Tensor {
  const C = x.shape[x.shape.length - 1];
  const rows = C === 0 ? 0 : x.size / C;
  const tracked = tracks(x);
  const out = outTensor(x.shape, tracked);
  const o = out.data;
  const a = x.data;
  for (let r = 0; r < rows; r++) {
    const off = r * C;
    let m = -Infinity;
    for (let j = 0; j < C; j++) if (a[off + j] > m) m = a[off + j];
    if (m === -Infinity) m = 0; // a fully masked row: keep it finite (uniform below)
    let s = 0;
    for (let j = 0; j < C; j++) {
      const e = Math.exp(a[off + j] - m);
      o[off + j] = e;
      s += e;
    }
    const inv = s > 0 ? 1 / s : 0;
    for (let j = 0; j < C; j++) o[off + j] *= inv;
  }
  if (tracked) {
    record(out, 'softmax', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let r = 0; r < rows; r++) {
        const off = r * C;
        let dot = 0;
        for (let j = 0; j < C; j++) dot += g[off + j] * o[off + j];
        for (let j = 0; j < C; j++) gx[off + j] += o[off + j] * (g[off + j] - dot);
      }
    });
  }
  return out;
}

/** log(softmax(x)) over the last axis, computed as x − max − log Σ e^(x − max). */
export function logSoftmax(x: Tensor): Tensor {
  const C = x.shape[x.shape.length - 1];
  const rows = C === 0 ? 0 : x.size / C;
  const tracked = tracks(x);
  const out = outTensor(x.shape, tracked);
  const o = out.data;
  const a = x.data;
  for (let r = 0; r < rows; r++) {
    const off = r * C;
    let m = -Infinity;
    for (let j = 0; j < C; j++) if (a[off + j] > m) m = a[off + j];
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(a[off + j] - m);
    const lse = m + Math.log(s);
    for (let j = 0; j < C; j++) o[off + j] = a[off + j] - lse;
  }
  if (tracked) {
    record(out, 'logSoftmax', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let r = 0; r < rows; r++) {
        const off = r * C;
        let gs = 0;
        for (let j = 0; j < C; j++) gs += g[off + j];
        for (let j = 0; j < C; j++) gx[off + j] += g[off + j] - Math.exp(o[off + j]) * gs;
      }
    });
  }
  return out;
}

/** Maxout: split the last axis into groups of `pieces` and keep each group's maximum. [..., n·k] → [..., n]. */
export function maxout(x: Tensor, pieces: number): Tensor {
  const last = x.shape[x.shape.length - 1];
  if (!Number.isInteger(pieces) || pieces < 1 || last % pieces !== 0) {
    throw new Error(`maxout: last axis ${last} is not divisible into groups of ${pieces}`);
  }
  const grouped = reshape(x, [...x.shape.slice(0, -1), last / pieces, pieces]); // [..., n, k]
  return max(grouped, -1); // [..., n]
}

// ---------------------------------------------------------------------------------------------------------------
// Scalar activation table ({f, df} pairs, as TensorFlow Playground's nn.ts): for figures that plot curves.

export type ActivationName = 'tanh' | 'sigmoid' | 'relu' | 'leakyRelu' | 'binaryStep' | 'identity';

export const ACTIVATION_NAMES: readonly ActivationName[] = [
  'tanh',
  'sigmoid',
  'relu',
  'leakyRelu',
  'binaryStep',
  'identity',
];

export interface ScalarActivation {
  f: (x: number) => number;
  df: (x: number) => number;
}

export const scalarActivations: Record<ActivationName, ScalarActivation> = {
  tanh: { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 },
  sigmoid: { f: sigmoidScalar, df: (x) => sigmoidScalar(x) * (1 - sigmoidScalar(x)) },
  relu: { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) },
  leakyRelu: { f: (x) => (x > 0 ? x : 0.1 * x), df: (x) => (x > 0 ? 1 : 0.1) },
  binaryStep: { f: (x) => (x > 0 ? 1 : 0), df: () => 0 },
  identity: { f: (x) => x, df: () => 1 },
};

/** Tensor activation by name (unknown names throw; callers validate parameters first). */
export function activation(name: ActivationName): (x: Tensor) => Tensor {
  switch (name) {
    case 'tanh':
      return tanh;
    case 'sigmoid':
      return sigmoid;
    case 'relu':
      return relu;
    case 'leakyRelu':
      return leakyRelu;
    case 'binaryStep':
      return binaryStep;
    case 'identity':
      return identity;
    default:
      throw new Error(`unknown activation '${String(name)}'`);
  }
}

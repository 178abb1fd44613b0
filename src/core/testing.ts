/**
 * Gradient checking (tinygrad-style: one call checks an op's forward and backward).
 *
 *   checkGrad((x, w) => matmul(x, w), [[3, 4], [4, 2]]);                 // random inputs, seed 0
 *   checkGrad((x) => tanh(x), [[5]], { reference: (x) => x.map(Math.tanh), scaleRange: 30 });
 *
 * The analytic gradient (our backward, float32) of L = Σ out·r for a fixed random r is compared with central finite
 * differences computed in float64 by `reference` (the op's math in plain JS numbers) when given, or otherwise by
 * re-running the op itself in float32 with a larger step. Throws with a precise message on mismatch.
 */
import { noGrad } from './autograd';
import { Rng } from './random';
import { Tensor } from './tensor';

export interface GradCheckOptions {
  seed?: number;
  /** Inputs are uniform in [-scaleRange, scaleRange] (default 2). */
  scaleRange?: number;
  /** Explicit input values (overrides random ones), flat per input. */
  values?: readonly (readonly number[] | Float32Array)[];
  /** Float64 reference of the forward pass on flat inputs → flat output. */
  reference?: (...inputs: number[][]) => number[];
  /** Relative tolerance (default 2e-3 with a float64 reference, 2e-2 without). */
  rtol?: number;
  /** Absolute tolerance (default 1e-3 with a reference, 1e-2 without). */
  atol?: number;
  /** Inputs that get no gradient check (e.g. index tensors). */
  skip?: readonly number[];
  /** Finite-difference step (default 1e-5 in float64, 1e-2 in float32). */
  eps?: number;
  /**
   * Check at most this many elements of each input (its first and last, the rest seeded-random), for shapes large
   * enough to reach the production kernels, where every element would cost one reference run too many.
   */
  sample?: number;
}

export interface GradCheckResult {
  maxAbsError: number;
  output: Tensor;
}

export function checkGrad(
  op: (...xs: Tensor[]) => Tensor,
  shapes: readonly (readonly number[])[],
  options: GradCheckOptions = {},
): GradCheckResult {
  const rng = new Rng(options.seed ?? 0);
  const range = options.scaleRange ?? 2;
  const inputs = shapes.map((shape, k) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const given = options.values?.[k];
    const data = given
      ? Float32Array.from(given)
      : Float32Array.from({ length: n }, () => rng.uniform(-range, range));
    return new Tensor(data, shape.slice(), true);
  });

  // Forward + backward through our engine.
  const out = op(...inputs);
  const r = Float64Array.from({ length: out.size }, () => rng.uniform(-1, 1));
  if (!out.requiresGrad) throw new Error('checkGrad: op output does not require grad');
  out.backward(Float32Array.from(r));
  const outValues = out.data.slice();
  const analytic = inputs.map((t) => (t.grad ? Float64Array.from(t.grad) : new Float64Array(t.size)));

  const ref = options.reference;
  const lossOf = (flat: number[][]): number => {
    let outv: ArrayLike<number>;
    if (ref) outv = ref(...flat);
    else
      outv = noGrad(
        () => op(...flat.map((f, k) => new Tensor(Float32Array.from(f), shapes[k].slice()))).data,
      );
    let s = 0;
    for (let i = 0; i < outv.length; i++) s += outv[i] * r[i];
    return s;
  };
  const base = inputs.map((t) => Array.from(t.data));

  if (ref) {
    const refOut = ref(...base);
    checkClose('forward', Array.from(outValues), refOut, options.rtol ?? 2e-3, options.atol ?? 1e-4);
  }

  const eps = options.eps ?? (ref ? 1e-5 : 1e-2);
  const rtol = options.rtol ?? (ref ? 2e-3 : 2e-2);
  const atol = options.atol ?? (ref ? 1e-3 : 1e-2);
  let maxAbsError = 0;
  inputs.forEach((t, k) => {
    if (options.skip?.includes(k)) return;
    const numeric: number[] = [];
    const picked = pickElements(t.size, options.sample, (options.seed ?? 0) + 7919 * (k + 1));
    for (const i of picked) {
      const plus = base.map((b) => b.slice());
      const minus = base.map((b) => b.slice());
      plus[k][i] += eps;
      minus[k][i] -= eps;
      numeric.push((lossOf(plus) - lossOf(minus)) / (2 * eps));
    }
    maxAbsError = Math.max(
      maxAbsError,
      checkClose(
        `d/d input ${k}`,
        picked.map((i) => analytic[k][i]),
        numeric,
        rtol,
        atol,
        picked,
      ),
    );
  });
  return { maxAbsError, output: out };
}

export interface ParamGradCheckOptions {
  seed?: number;
  /** Float64 forward on the tensors' flat values (same order as `tensors`) → flat output. */
  reference?: (...values: number[][]) => number[];
  /** Elements checked per tensor (first, last, the rest seeded-random; default all). */
  sample?: number;
  /** Finite-difference step (default 1e-5 with a reference, 1e-2 in float32 without). */
  eps?: number;
  rtol?: number;
  atol?: number;
}

/**
 * Gradient check for a whole module (or any graph over existing tensors): `forward` reads `tensors` (parameters,
 * inputs made with requiresGrad) as they are now. The analytic gradients of L = Σ out·r come from one backward;
 * the numeric ones from central differences of `reference` in float64 or, without one, of `forward` itself run in
 * float32 under noGrad with the tensors' values nudged in place (and restored).
 */
export function checkParamGrads(
  tensors: readonly Tensor[],
  forward: () => Tensor,
  options: ParamGradCheckOptions = {},
): GradCheckResult {
  const rng = new Rng(options.seed ?? 0);
  for (const t of tensors) if (t.grad !== null) t.grad.fill(0);
  const out = forward();
  const r = Float64Array.from({ length: out.size }, () => rng.uniform(-1, 1));
  out.backward(Float32Array.from(r));
  const analytic = tensors.map((t) => (t.grad ? Float64Array.from(t.grad) : new Float64Array(t.size)));
  const ref = options.reference;
  const dot = (v: ArrayLike<number>): number => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * r[i];
    return s;
  };
  const base = tensors.map((t) => Array.from(t.data));
  if (ref)
    checkClose('forward', Array.from(out.data), ref(...base), options.rtol ?? 2e-3, options.atol ?? 1e-4);
  const eps = options.eps ?? (ref ? 1e-5 : 1e-2);
  const rtol = options.rtol ?? (ref ? 2e-3 : 2e-2);
  const atol = options.atol ?? (ref ? 1e-3 : 1e-2);
  /** (L(v + eps) − L(v − eps)) / (2·eps) for element i of tensor k. */
  const numeric = (k: number, i: number): number => {
    if (ref) {
      const plus = base.map((b) => b.slice());
      const minus = base.map((b) => b.slice());
      plus[k][i] += eps;
      minus[k][i] -= eps;
      return (dot(ref(...plus)) - dot(ref(...minus))) / (2 * eps);
    }
    const data = tensors[k].data;
    const v = data[i];
    data[i] = v + eps;
    const hi = data[i]; // the float32 value actually used
    const lp = dot(noGrad(forward).data);
    data[i] = v - eps;
    const lo = data[i];
    const lm = dot(noGrad(forward).data);
    data[i] = v;
    return (lp - lm) / (hi - lo);
  };
  let maxAbsError = 0;
  tensors.forEach((t, k) => {
    const picked = pickElements(t.size, options.sample, (options.seed ?? 0) + 7919 * (k + 1));
    const got = picked.map((i) => analytic[k][i]);
    const want = picked.map((i) => numeric(k, i));
    const label = t.name === '' ? `tensor ${k}` : `${t.name} (tensor ${k})`;
    maxAbsError = Math.max(maxAbsError, checkClose(`d/d ${label}`, got, want, rtol, atol, picked));
  });
  return { maxAbsError, output: out };
}

/** Element indices to check: all of them, or `sample` of them (first, last, the rest drawn without repeats). */
function pickElements(size: number, sample: number | undefined, seed: number): number[] {
  const all = Array.from({ length: size }, (_, i) => i);
  if (sample === undefined || sample >= size) return all;
  const middle = new Rng(seed).shuffle(all.slice(1, -1)).slice(0, Math.max(0, sample - 2));
  return [0, ...middle.sort((a, b) => a - b), size - 1];
}

function checkClose(
  what: string,
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  rtol: number,
  atol: number,
  indices?: readonly number[],
): number {
  if (got.length !== want.length) throw new Error(`${what}: length ${got.length} vs ${want.length}`);
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const g = got[i];
    const w = want[i];
    const at = indices?.[i] ?? i;
    if (!Number.isFinite(g)) throw new Error(`${what}[${at}]: got non-finite ${g} (want ${w})`);
    const err = Math.abs(g - w);
    worst = Math.max(worst, err);
    if (err > atol + rtol * Math.abs(w))
      throw new Error(`${what}[${at}]: got ${g}, want ${w} (|err| ${err})`);
  }
  return worst;
}

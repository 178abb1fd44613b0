/**
 * Optimisers. Each works in place on the parameters' data using their .grad, never allocates per step, and reads
 * its hyperparameters (lr, λ, clip) at every step — change them live (`opt.lr = 0.01`).
 *
 * One step:
 *   1. penalties:  g += λ₁·sign(θ) (L1: λ Σ|θ|)  and  g += 2λ₂·θ (L2: λ Σθ²), on parameters with decay = true
 *      (weights; not biases or norm gains), exactly the gradients of the penalties added to the loss;
 *   2. clipping:   if ‖g‖₂ over all parameters > clipNorm, scale every g by clipNorm / ‖g‖₂;
 *   3. update:
 *      sgd        θ ← θ − α·g
 *      momentum   v ← μ·v + g;  θ ← θ − α·v
 *      adam       m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − α·m̂ / (√v̂ + ε),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
 */
import { kernel } from './kernels';
import type { Tensor } from './tensor';

export interface OptimizerConfig {
  /** Learning rate α. */
  lr: number;
  /** L1 strength λ (penalty λ Σ|θ|); default 0. */
  l1?: number;
  /** L2 strength λ (penalty λ Σ θ²); default 0. */
  l2?: number;
  /** Clip gradients by global norm (default: no clipping). */
  clipNorm?: number;
}

export abstract class Optimizer {
  readonly params: Tensor[];
  lr: number;
  l1: number;
  l2: number;
  clipNorm: number;
  /** Steps taken. */
  t = 0;
  /** Global gradient norm before clipping, measured at the last step (only when clipping is on). */
  lastGradNorm = 0;

  constructor(params: readonly Tensor[], config: OptimizerConfig) {
    this.params = params.filter((p) => p.requiresGrad);
    for (const p of this.params) if (p.grad === null) p.grad = new Float32Array(p.size);
    this.lr = config.lr;
    this.l1 = config.l1 ?? 0;
    this.l2 = config.l2 ?? 0;
    this.clipNorm = config.clipNorm ?? Infinity;
  }

  zeroGrad(): void {
    for (const p of this.params) p.grad!.fill(0);
  }

  step(): void {
    this.t++;
    if (this.l1 !== 0 || this.l2 !== 0) addPenaltyGradients(this.params, this.l1, this.l2);
    if (Number.isFinite(this.clipNorm)) this.lastGradNorm = clipGradNorm(this.params, this.clipNorm);
    for (let i = 0; i < this.params.length; i++) this.update(this.params[i], i);
  }

  protected abstract update(p: Tensor, index: number): void;

  /** Forget accumulated state (momentum, Adam moments, step count). */
  reset(): void {
    this.t = 0;
  }

  /** The optimiser's memory (momentum, Adam moments), in a fixed order; empty for plain SGD. */
  protected memory(): readonly Float32Array[] {
    return [];
  }

  /** A copy of everything the next updates depend on besides the parameters (a timeline snapshot). */
  getState(): OptimizerState {
    return { t: this.t, lastGradNorm: this.lastGradNorm, memory: this.memory().map((a) => a.slice()) };
  }

  /** Continue exactly from `getState()` of an optimiser built over the same parameters. */
  setState(state: OptimizerState): void {
    const memory = this.memory();
    if (state.memory.length !== memory.length) throw new Error('Optimizer.setState: a different optimiser');
    memory.forEach((a, i) => a.set(state.memory[i]));
    this.t = state.t;
    this.lastGradNorm = state.lastGradNorm;
  }
}

export interface OptimizerState {
  t: number;
  lastGradNorm: number;
  memory: Float32Array[];
}

export interface SGDConfig extends OptimizerConfig {
  /** Momentum μ (default 0: plain gradient descent). */
  momentum?: number;
}

export class SGD extends Optimizer {
  momentum: number;
  private readonly velocity: Float32Array[];

  constructor(params: readonly Tensor[], config: SGDConfig) {
    super(params, config);
    this.momentum = config.momentum ?? 0;
    this.velocity = this.params.map((p) => new Float32Array(p.size));
  }

  protected update(p: Tensor, index: number): void {
    const w = p.data;
    const g = p.grad!;
    const lr = this.lr;
    const mu = this.momentum;
    const n = w.length;
    if (mu === 0) {
      for (let i = 0; i < n; i++) w[i] -= lr * g[i];
      return;
    }
    const v = this.velocity[index];
    for (let i = 0; i < n; i++) {
      v[i] = mu * v[i] + g[i];
      w[i] -= lr * v[i];
    }
  }

  override reset(): void {
    super.reset();
    for (const v of this.velocity) v.fill(0);
  }

  protected override memory(): readonly Float32Array[] {
    return this.velocity;
  }
}

export interface AdamConfig extends OptimizerConfig {
  beta1?: number; // default 0.9
  beta2?: number; // default 0.999
  eps?: number; // default 1e-8 (set explicitly when comparing engines)
}

export class Adam extends Optimizer {
  beta1: number;
  beta2: number;
  eps: number;
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];

  constructor(params: readonly Tensor[], config: AdamConfig) {
    super(params, config);
    this.beta1 = config.beta1 ?? 0.9;
    this.beta2 = config.beta2 ?? 0.999;
    this.eps = config.eps ?? 1e-8;
    this.m = this.params.map((p) => new Float32Array(p.size));
    this.v = this.params.map((p) => new Float32Array(p.size));
  }

  protected update(p: Tensor, index: number): void {
    const w = p.data;
    const g = p.grad!;
    const m = this.m[index];
    const v = this.v[index];
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 / (1 - Math.pow(b1, this.t));
    const c2 = 1 / (1 - Math.pow(b2, this.t));
    // The loop is jsKernels.adam; the WebAssembly kernels give its bits two parameters at a time.
    const step = { beta1: b1, beta2: b2, lr: this.lr, eps: this.eps, c1, c2 };
    kernel('adam')(w, g, m, v, w.length, step);
  }

  override reset(): void {
    super.reset();
    for (const a of this.m) a.fill(0);
    for (const a of this.v) a.fill(0);
  }

  protected override memory(): readonly Float32Array[] {
    return [...this.m, ...this.v];
  }
}

export function sgd(params: readonly Tensor[], config: SGDConfig): SGD {
  return new SGD(params, config);
}

/** SGD with momentum μ (default 0.9). */
export function momentum(params: readonly Tensor[], config: SGDConfig): SGD {
  return new SGD(params, { ...config, momentum: config.momentum ?? 0.9 });
}

export function adam(params: readonly Tensor[], config: AdamConfig): Adam {
  return new Adam(params, config);
}

/** ‖g‖₂ over all parameters' gradients. */
export function gradNorm(params: readonly Tensor[]): number {
  let s = 0;
  for (const p of params) {
    const g = p.grad;
    if (g === null) continue;
    for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  }
  return Math.sqrt(s);
}

/** Scale all gradients so their global norm is at most maxNorm. Returns the norm before clipping. */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): number {
  const norm = gradNorm(params);
  if (norm > maxNorm && norm > 0) {
    const k = maxNorm / norm;
    for (const p of params) {
      const g = p.grad;
      if (g === null) continue;
      for (let i = 0; i < g.length; i++) g[i] *= k;
    }
  }
  return norm;
}

/** Add the gradients of λ₁Σ|θ| + λ₂Σθ² (over parameters with decay = true). */
export function addPenaltyGradients(params: readonly Tensor[], l1: number, l2: number): void {
  for (const p of params) {
    if (!p.decay || p.grad === null) continue;
    const w = p.data;
    const g = p.grad;
    for (let i = 0; i < w.length; i++) {
      const wi = w[i];
      g[i] += l1 * (wi > 0 ? 1 : wi < 0 ? -1 : 0) + 2 * l2 * wi;
    }
  }
}

/** The penalty value λ₁Σ|θ| + λ₂Σθ² (to show next to the data loss). */
export function penaltyValue(params: readonly Tensor[], l1: number, l2: number): number {
  let s = 0;
  for (const p of params) {
    if (!p.decay) continue;
    const w = p.data;
    for (let i = 0; i < w.length; i++) s += l1 * Math.abs(w[i]) + l2 * w[i] * w[i];
  }
  return s;
}

/**
 * Tensor = Float32Array + shape (+ grad). Row-major, always contiguous.
 *
 * Creation helpers live here too: from (nested) arrays, zeros/ones/full, seeded uniform/normal, Xavier/He init.
 * Ops are free functions in ./ops (add(a, b), matmul(a, b), …), not methods, so each family stays in its own file.
 */
import { backward as runBackward } from './autograd';
import { acquire } from './pool';
import { toRng, type SeedOrRng } from './random';

export type Shape = readonly number[];

const EMPTY = new Float32Array(0);

export function shapeSize(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function assertShape(shape: Shape): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`invalid shape [${shape.join(', ')}]`);
  }
}

export class Tensor {
  /** Row-major values. For a recorded op output, owned by the tape (see autograd.ts for its lifetime). */
  data: Float32Array;
  readonly shape: Shape;
  readonly size: number;
  /** d(root)/d(this), same layout as data; null until backward reaches it. */
  grad: Float32Array | null = null;
  requiresGrad: boolean;
  /** Optional label (parameter names, captured values). */
  name = '';
  /** A trainable parameter (a leaf whose grad persists and the optimiser updates). */
  isParameter = false;
  /** Whether L1/L2 penalties apply (false for biases and norm gains by default). */
  decay = true;

  // Graph bookkeeping (set by autograd.record).
  op = 'leaf';
  parents: Tensor[] | null = null;
  backwardFn: (() => void) | null = null;
  /** Produced by a recorded op: its grad (and data, if ownsData) are recycled by the tape. */
  onTape = false;
  /** Which tape generation recorded it (a backward() closes a generation). */
  generation = -1;
  /** data came from the pool (false for views such as reshape, which share their input's buffer). */
  ownsData: boolean;
  /** Pooled scratch an op keeps for its backward (a dropout mask, normalised values); recycled with the node. */
  aux: Float32Array | null = null;

  constructor(data: Float32Array, shape: Shape, requiresGrad = false, ownsData = false) {
    if (shapeSize(shape) !== data.length) {
      throw new Error(
        `Tensor: shape [${shape.join(', ')}] needs ${shapeSize(shape)} values, got ${data.length}`,
      );
    }
    this.data = data;
    this.shape = shape;
    this.size = data.length;
    this.requiresGrad = requiresGrad;
    this.ownsData = ownsData;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** The value of a one-element tensor (e.g. a loss). */
  item(): number {
    if (this.size !== 1) throw new Error(`item(): tensor has ${this.size} values, not 1`);
    return this.data[0];
  }

  /** A plain-array copy of the values (flat). */
  toArray(): number[] {
    return Array.from(this.data);
  }

  /** Value at a multi-index, e.g. t.at(0, 2). */
  at(...idx: number[]): number {
    let off = 0;
    for (let d = 0; d < this.shape.length; d++) off = off * this.shape[d] + (idx[d] ?? 0);
    return this.data[off];
  }

  /** Backpropagate from this scalar (see autograd.backward). */
  backward(seed?: ArrayLike<number>): void {
    runBackward(this, seed);
  }

  /** A new leaf holding a copy of the values: cuts the graph, safe to keep across steps. */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape.slice());
  }

  /** Zero this tensor's gradient (parameters). */
  zeroGrad(): void {
    if (this.grad !== null) this.grad.fill(0);
  }

  /** Called by the tape when recycling: drop buffers and graph links so stale reads are obvious (empty data). */
  release(): void {
    this.data = EMPTY;
    this.grad = null;
    this.parents = null;
    this.backwardFn = null;
    this.aux = null;
  }

  toString(): string {
    return `Tensor(${this.op}, [${this.shape.join(', ')}])`;
  }
}

/** Output buffer for an op: pooled when the op is recorded (tracked), a fresh array otherwise. */
export function outTensor(shape: Shape, tracked: boolean): Tensor {
  const n = shapeSize(shape);
  if (tracked) return new Tensor(acquire(n), shape, true, true);
  return new Tensor(new Float32Array(n), shape, false, false);
}

// ---------------------------------------------------------------------------------------------------------------
// Creation

export interface CreateOptions {
  requiresGrad?: boolean;
  name?: string;
}

export type NestedArray = number | readonly NestedArray[];

function inferShape(v: NestedArray): number[] {
  const shape: number[] = [];
  let cur: NestedArray = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = (cur as readonly NestedArray[])[0];
  }
  return shape;
}

function flatten(v: NestedArray, out: number[]): void {
  if (Array.isArray(v)) for (const x of v as readonly NestedArray[]) flatten(x, out);
  else out.push(v as number);
}

/**
 * A tensor from values: a nested array (`tensor([[1, 2], [3, 4]])`), or flat values plus a shape
 * (`tensor([1, 2, 3, 4], [2, 2])`, `tensor(float32Array, [2, 2])` — a typed array is copied).
 */
export function tensor(
  values: NestedArray | ArrayLike<number>,
  shape?: Shape,
  options: CreateOptions = {},
): Tensor {
  let data: Float32Array;
  let sh: number[];
  if (typeof values === 'number') {
    data = Float32Array.of(values);
    sh = [];
  } else if (Array.isArray(values) && shape === undefined) {
    sh = inferShape(values as NestedArray);
    const flat: number[] = [];
    flatten(values as NestedArray, flat);
    if (flat.length !== shapeSize(sh)) throw new Error('tensor(): ragged nested array');
    data = Float32Array.from(flat);
  } else {
    data = Float32Array.from(values as ArrayLike<number>);
    sh = shape === undefined ? [data.length] : shape.slice();
  }
  assertShape(sh);
  const t = new Tensor(data, sh, options.requiresGrad ?? false);
  if (options.name) t.name = options.name;
  return t;
}

/** A scalar constant. */
export function scalar(v: number): Tensor {
  return new Tensor(Float32Array.of(v), []);
}

export function full(shape: Shape, value: number, options: CreateOptions = {}): Tensor {
  assertShape(shape);
  const t = new Tensor(
    new Float32Array(shapeSize(shape)).fill(value),
    shape.slice(),
    options.requiresGrad ?? false,
  );
  if (options.name) t.name = options.name;
  return t;
}

export function zeros(shape: Shape, options: CreateOptions = {}): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: Shape, options: CreateOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** Uniform in [lo, hi). */
export function rand(shape: Shape, seed: SeedOrRng, lo = 0, hi = 1, options: CreateOptions = {}): Tensor {
  const rng = toRng(seed);
  const t = zeros(shape, options);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(lo, hi);
  return t;
}

/** Normal N(mean, std²). */
export function randn(shape: Shape, seed: SeedOrRng, mean = 0, std = 1, options: CreateOptions = {}): Tensor {
  const rng = toRng(seed);
  const t = zeros(shape, options);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(mean, std);
  return t;
}

/** 0, 1, …, n-1. */
export function arange(n: number): Tensor {
  const t = zeros([n]);
  for (let i = 0; i < n; i++) t.data[i] = i;
  return t;
}

/** One-hot rows: ids [N] → [N, depth]. Out-of-range ids give an all-zero row. */
export function oneHot(ids: ArrayLike<number>, depth: number): Tensor {
  const t = zeros([ids.length, depth]);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id >= 0 && id < depth) t.data[i * depth + id] = 1;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Initialisation (shape [fanOut, fanIn] for weight matrices, as nn.Linear stores them)

export type InitKind = 'xavierUniform' | 'xavierNormal' | 'heUniform' | 'heNormal' | 'zeros' | 'normal';

/**
 * Weight init. Xavier/Glorot: Var = 2/(fanIn+fanOut) (tanh, sigmoid); He/Kaiming: Var = 2/fanIn (ReLU family).
 * 'normal' is N(0, std²) with the given std (default 0.02, as GPT-style models use).
 */
export function initTensor(
  shape: Shape,
  kind: InitKind,
  seed: SeedOrRng,
  fanIn: number,
  fanOut: number,
  std = 0.02,
): Tensor {
  switch (kind) {
    case 'xavierUniform': {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      return rand(shape, seed, -a, a);
    }
    case 'xavierNormal':
      return randn(shape, seed, 0, Math.sqrt(2 / (fanIn + fanOut)));
    case 'heUniform': {
      const a = Math.sqrt(6 / fanIn);
      return rand(shape, seed, -a, a);
    }
    case 'heNormal':
      return randn(shape, seed, 0, Math.sqrt(2 / fanIn));
    case 'normal':
      return randn(shape, seed, 0, std);
    case 'zeros':
      return zeros(shape);
  }
}

/** Mark a tensor as a trainable parameter (requires grad, persistent zeroed grad). */
export function asParameter(t: Tensor, name = '', decay = true): Tensor {
  t.requiresGrad = true;
  t.isParameter = true;
  t.decay = decay;
  t.name = name;
  t.grad = new Float32Array(t.size);
  return t;
}

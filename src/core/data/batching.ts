/**
 * Batch, mini-batch and stochastic iteration, counted as in the lesson:
 *   batch GD       one batch = the whole dataset, 1 iteration per epoch
 *   stochastic GD  batch size 1, N iterations per epoch
 *   mini-batch GD  batch size b, iterations per epoch = ⌈N / b⌉ (the last batch of an epoch holds the remainder)
 * An epoch is one pass over every sample. Shuffling (per epoch, seeded) is on by default.
 */
import { toRng, type Rng, type RngState, type SeedOrRng } from '../random';

export type BatchMode = 'batch' | 'minibatch' | 'stochastic';

export interface BatchSamplerConfig {
  mode?: BatchMode; // default 'minibatch'
  /** Used by 'minibatch' (default 32; clamped to [1, N]). */
  batchSize?: number;
  /** Reshuffle at the start of every epoch (default true). */
  shuffle?: boolean;
}

export interface Batch {
  /** Sample indices of this batch (a view; copy to keep). */
  indices: Int32Array;
  /** 0-based epoch this batch belongs to. */
  epoch: number;
  /** 0-based iteration within the epoch. */
  iterationInEpoch: number;
  /** Total iterations so far, including this one. */
  iteration: number;
}

export function iterationsPerEpoch(n: number, batchSize: number): number {
  return n <= 0 ? 0 : Math.ceil(n / Math.max(1, Math.min(n, batchSize)));
}

export class BatchSampler {
  readonly n: number;
  readonly batchSize: number;
  readonly iterationsPerEpoch: number;
  private readonly order: Int32Array;
  private readonly rng: Rng;
  private readonly shuffle: boolean;
  private epoch = 0;
  private inEpoch = 0;
  private total = 0;

  constructor(n: number, config: BatchSamplerConfig, seed: SeedOrRng) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`BatchSampler: need at least one sample, got ${n}`);
    this.n = n;
    const mode = config.mode ?? 'minibatch';
    const requested = mode === 'batch' ? n : mode === 'stochastic' ? 1 : (config.batchSize ?? 32);
    this.batchSize = Math.max(1, Math.min(n, Math.floor(Number.isFinite(requested) ? requested : 32)));
    this.iterationsPerEpoch = iterationsPerEpoch(n, this.batchSize);
    this.shuffle = config.shuffle ?? true;
    this.rng = toRng(seed);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    if (this.shuffle) this.rng.shuffle(this.order);
  }

  next(): Batch {
    if (this.inEpoch === this.iterationsPerEpoch) {
      this.inEpoch = 0;
      this.epoch++;
      if (this.shuffle) this.rng.shuffle(this.order);
    }
    const start = this.inEpoch * this.batchSize;
    const end = Math.min(this.n, start + this.batchSize);
    const batch: Batch = {
      indices: this.order.subarray(start, end),
      epoch: this.epoch,
      iterationInEpoch: this.inEpoch,
      iteration: ++this.total,
    };
    this.inEpoch++;
    return batch;
  }

  /** A copy of the sampler's position: `setState` on a sampler of the same n and batch size continues exactly here. */
  getState(): BatchSamplerState {
    return {
      order: this.order.slice(),
      rng: this.rng.getState(),
      epoch: this.epoch,
      inEpoch: this.inEpoch,
      total: this.total,
    };
  }

  setState(state: BatchSamplerState): void {
    if (state.order.length !== this.n)
      throw new Error('BatchSampler.setState: the state is for another dataset size');
    this.order.set(state.order);
    this.rng.setState(state.rng);
    this.epoch = state.epoch;
    this.inEpoch = state.inEpoch;
    this.total = state.total;
  }
}

/** Where a sampler is in its stream of batches (a timeline snapshot). */
export interface BatchSamplerState {
  order: Int32Array;
  rng: RngState;
  epoch: number;
  inEpoch: number;
  total: number;
}

/** Copy rows `indices` of a row-major [N, width] array into out [indices.length, width] (allocated if omitted). */
export function gatherRows(
  src: ArrayLike<number>,
  width: number,
  indices: ArrayLike<number>,
  out?: Float32Array,
): Float32Array {
  const dst = out ?? new Float32Array(indices.length * width);
  for (let r = 0; r < indices.length; r++) {
    const s = indices[r] * width;
    for (let j = 0; j < width; j++) dst[r * width + j] = src[s + j];
  }
  return dst;
}

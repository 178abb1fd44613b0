/** Small modules: Embedding, LayerNorm, BatchNorm, Dropout. */
import { addLayerNorm, batchNorm, dropout, layerNorm, type BatchNormState } from '../ops/nn';
import { gather } from '../ops/shape';
import { toRng, type Rng, type SeedOrRng } from '../random';
import { asParameter, full, type Shape, type Tensor } from '../tensor';
import { Module, param } from './module';

export interface EmbeddingConfig {
  vocabSize: number;
  dim: number;
  /** Init std (default 1/√dim, so rows have about unit norm). */
  std?: number;
}

/** Lookup table [vocab, dim]: token id → dense vector (the first layer of a text model). */
export class Embedding extends Module {
  readonly weight: Tensor; // [V, d]

  constructor(config: EmbeddingConfig, seed: SeedOrRng) {
    super();
    const { vocabSize: V, dim: d } = config;
    if (!(Number.isInteger(V) && V > 0 && Number.isInteger(d) && d > 0)) {
      throw new Error(`Embedding: vocabSize and dim must be positive integers, got ${V}, ${d}`);
    }
    this.weight = param([V, d], 'normal', toRng(seed), 'weight', { std: config.std ?? 1 / Math.sqrt(d) });
  }

  /** ids (flat, row-major of `shape`) → [...shape, d]. */
  forward(ids: ArrayLike<number>, shape: Shape = [ids.length]): Tensor {
    return gather(this.weight, ids, shape);
  }
}

/** Layer normalisation over the last axis with learned gain γ (init 1) and shift β (init 0). */
export class LayerNorm extends Module {
  readonly gamma: Tensor; // [d]
  readonly beta: Tensor; // [d]
  readonly eps: number;

  constructor(dim: number, eps = 1e-5) {
    super();
    this.gamma = asParameter(full([dim], 1), 'gamma', false);
    this.beta = asParameter(full([dim], 0), 'beta', false);
    this.eps = eps;
  }

  forward(x: Tensor): Tensor {
    return layerNorm(x, this.gamma, this.beta, this.eps); // [..., d]
  }

  /** LN(a + b) as one op (a residual sum, then its norm): the same values as forward(add(a, b)), less work. */
  forwardSum(a: Tensor, b: Tensor): Tensor {
    return addLayerNorm(a, b, this.gamma, this.beta, this.eps); // [..., d]
  }
}

/**
 * Batch normalisation (channels last): batch statistics while training (updating running averages), running
 * statistics in evaluation (`model.eval()`). Learned scale γ and shift β.
 */
export class BatchNorm extends Module {
  readonly gamma: Tensor; // [C]
  readonly beta: Tensor; // [C]
  readonly state: BatchNormState;
  momentum: number;
  readonly eps: number;

  constructor(channels: number, options: { momentum?: number; eps?: number } = {}) {
    super();
    this.gamma = asParameter(full([channels], 1), 'gamma', false);
    this.beta = asParameter(full([channels], 0), 'beta', false);
    this.state = { runningMean: new Float32Array(channels), runningVar: new Float32Array(channels).fill(1) };
    this.momentum = options.momentum ?? 0.1;
    this.eps = options.eps ?? 1e-5;
  }

  protected override ownBuffers(): [string, Float32Array][] {
    return [
      ['runningMean', this.state.runningMean],
      ['runningVar', this.state.runningVar],
    ];
  }

  forward(x: Tensor): Tensor {
    return batchNorm(x, this.gamma, this.beta, this.state, {
      training: this.training,
      momentum: this.momentum,
      eps: this.eps,
    });
  }
}

/** Dropout with probability p (live-changeable) and its own seeded mask stream; identity in evaluation. */
export class Dropout extends Module {
  p: number;
  mode: 'inverted' | 'classic';
  private readonly rng: Rng;

  constructor(p: number, seed: SeedOrRng, mode: 'inverted' | 'classic' = 'inverted') {
    super();
    this.p = p;
    this.mode = mode;
    this.rng = toRng(seed);
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.rng, { training: this.training, mode: this.mode });
  }
}

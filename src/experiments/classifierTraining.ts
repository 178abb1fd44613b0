/**
 * How the 2-D classifier (classifier2d.ts) trains: the optimiser and batch sampler its live settings build, its
 * mini-batches, and one optimiser step.
 */
import { BatchSampler, gatherRows, type BatchSamplerState } from '../core/data/batching';
import type { Dataset2D } from '../core/data/datasets2d';
import { binaryCrossEntropy } from '../core/losses';
import type { MLP } from '../core/nn/linear';
import { Adam, SGD, type Optimizer, type OptimizerState } from '../core/optim';
import { Tensor } from '../core/tensor';
import { weightGradNorms } from './classifierReadouts';
import type { ParamValue, ParamValues } from './types';

/** The part of a run's snapshot the training setup keeps. */
export interface SetupSnapshot {
  optimizer: { kind: string; state: OptimizerState };
  sampler: { batchSize: number; state: BatchSamplerState };
  settings: { lr: number; l2: number };
}

function makeOptimizer(
  kind: string,
  params: ReturnType<MLP['parameters']>,
  lr: number,
  l2: number,
): Optimizer {
  if (kind === 'adam') return new Adam(params, { lr, l2 });
  return new SGD(params, { lr, l2, momentum: kind === 'momentum' ? 0.9 : 0 });
}

type Weights = ReturnType<MLP['parameters']>;

/**
 * The live training settings and what they build: the optimiser (rebuilt, with fresh state, when its kind changes)
 * and the batch sampler (a new one when the batch size changes).
 */
export class TrainingSetup {
  lr: number;
  l2: number;
  kind: string;
  optimizer: Optimizer;
  batchSize: number;
  sampler: BatchSampler;

  constructor(
    params: ParamValues,
    private readonly weights: Weights,
    private readonly trainSize: number,
    private readonly batchSeed: number,
  ) {
    this.lr = Number(params.lr);
    this.l2 = Number(params.l2);
    this.kind = String(params.optimizer);
    this.optimizer = makeOptimizer(this.kind, weights, this.lr, this.l2);
    this.batchSize = Number(params.batch);
    this.sampler = new BatchSampler(trainSize, { batchSize: this.batchSize }, batchSeed);
  }

  /** A live setting changed at `step`. Returns true when the metrics change with it (the L2 penalty). */
  set(name: string, value: ParamValue, step: number): boolean {
    switch (name) {
      case 'lr':
        this.lr = Number(value);
        this.optimizer.lr = this.lr;
        return false;
      case 'l2':
        this.l2 = Number(value);
        this.optimizer.l2 = this.l2;
        return true;
      case 'batch':
        this.batchSize = Number(value);
        // A new sampler seeded from the seed and the current step keeps runs reproducible.
        this.sampler = new BatchSampler(
          this.trainSize,
          { batchSize: this.batchSize },
          this.batchSeed ^ Math.imul(step + 1, 0x9e3779b1),
        );
        return false;
      case 'optimizer':
        if (String(value) !== this.kind) {
          this.kind = String(value);
          this.optimizer = makeOptimizer(this.kind, this.weights, this.lr, this.l2);
        }
        return false;
    }
    return false;
  }

  snapshot(): SetupSnapshot {
    return {
      optimizer: { kind: this.kind, state: this.optimizer.getState() },
      sampler: { batchSize: this.batchSize, state: this.sampler.getState() },
      settings: { lr: this.lr, l2: this.l2 },
    };
  }

  restore(s: SetupSnapshot) {
    ({ lr: this.lr, l2: this.l2 } = s.settings);
    this.kind = s.optimizer.kind;
    this.optimizer = makeOptimizer(this.kind, this.weights, this.lr, this.l2);
    this.optimizer.setState(s.optimizer.state);
    this.batchSize = s.sampler.batchSize;
    this.sampler = new BatchSampler(this.trainSize, { batchSize: this.batchSize }, this.batchSeed);
    this.sampler.setState(s.sampler.state);
  }
}

/** A mini-batch of the training set, gathered into buffers allocated once per run. */
export class BatchBuffers {
  private readonly x: Float32Array;
  private readonly y: Float32Array;

  constructor(private readonly train: Dataset2D) {
    this.x = new Float32Array(train.n * 2);
    this.y = new Float32Array(train.n);
  }

  gather(indices: ArrayLike<number>): { x: Tensor; y: Float32Array } {
    const b = indices.length;
    const xb = gatherRows(this.train.x, 2, indices, this.x.subarray(0, b * 2)); // [b, 2]
    const yb = gatherRows(this.train.y, 1, indices, this.y.subarray(0, b)); // [b]
    return { x: new Tensor(xb, [b, 2]), y: yb };
  }
}

/**
 * One optimiser step on a batch (x [b, 2], labels y [b]); returns the batch loss. A non-finite loss is returned
 * before the backward pass: nothing changes. Otherwise the layers' weight-gradient norms go into `gradNorms`.
 */
export function trainBatch(
  model: MLP,
  optimizer: Optimizer,
  x: Tensor,
  y: Float32Array,
  gradNorms: Float32Array,
): number {
  optimizer.zeroGrad();
  const logits = model.forward(x); // [b, 1]
  const loss = binaryCrossEntropy(logits, y); // []
  const value = loss.item();
  if (!Number.isFinite(value)) return value;
  loss.backward();
  weightGradNorms(model, gradNorms);
  optimizer.step();
  return value;
}

import { sigmoid } from '../../core/scalar';
/**
 * Datasets for the activations experiments, with a seeded train/test split: the 2-D two-class sets (circle, XOR,
 * two Gaussians, spiral) for classification and the 1-D functions (sine, step, |x|) for regression, all from the core.
 */
import {
  DATASET_2D_NAMES,
  FUNCTION_1D_NAMES,
  Rng,
  binaryCrossEntropy,
  dataset2D,
  function1D,
  gatherRows,
  mse,
  noGrad,
  tensor,
  trainTestSplit,
  type BatchSampler,
  type Optimizer,
  type Tensor,
} from '../../core';
import type { ParamSpec, ParamValue } from '../types';
import type { ActivationNet } from './net';
import type { PlaneViews } from './views';

export const TASK_OPTIONS = [
  { value: 'circle', label: 'Circle (2D)' },
  { value: 'xor', label: 'XOR (2D)' },
  { value: 'gaussians', label: 'Two Gaussians (2D)' },
  { value: 'spiral', label: 'Spiral (2D)' },
  { value: 'sine', label: 'sin(πx) (1D fit)' },
  { value: 'step', label: 'Step (1D fit)' },
  { value: 'abs', label: '|x| (1D fit)' },
] as const;

export interface Split {
  /** Inputs, row-major [n, inDim]. */
  x: Float32Array;
  /** Labels 0/1 (classify) or targets (regress), [n]. */
  y: Float32Array;
  n: number;
}

export interface Task {
  name: string;
  kind: 'classify' | 'regress';
  inDim: 1 | 2;
  train: Split;
  test: Split;
}

/** The dataset control of the experiments that train on the 2-D sets only (depth, dying ReLU). */
export const PLANE_TASK_PARAM: ParamSpec = {
  name: 'task',
  label: 'Dataset',
  type: 'enum',
  live: false,
  default: 'circle',
  options: TASK_OPTIONS.filter((o) => !['sine', 'step', 'abs'].includes(o.value)),
};

/** The 2-D task those experiments train on: 200 points, a little noise, a fifth held out for testing. */
export function makePlaneTask(name: ParamValue | undefined, seed: number): Task {
  return makeTask(
    typeof name === 'string' ? name : 'circle',
    { n: 200, noise: 0.05, testFraction: 0.2 },
    seed,
  );
}

export function isRegression(name: string): boolean {
  return (FUNCTION_1D_NAMES as readonly string[]).includes(name);
}

/** Build a task by name (unknown names fall back to circle). Every random choice derives from `seed`. */
export function makeTask(
  name: string,
  options: { n: number; noise: number; testFraction: number },
  seed: number,
): Task {
  const rng = new Rng(seed);
  const dataSeed = rng.nextU32();
  const splitSeed = rng.nextU32();
  if (isRegression(name)) {
    const d = function1D(name, { n: options.n, noise: options.noise, spacing: 'random' }, dataSeed);
    const order = new Rng(splitSeed).permutation(d.n);
    const nTest = Math.round(d.n * Math.max(0, Math.min(0.9, options.testFraction)));
    const pick = (idx: Int32Array): Split => ({
      x: Float32Array.from(idx, (i) => d.x[i]),
      y: Float32Array.from(idx, (i) => d.y[i]),
      n: idx.length,
    });
    return {
      name,
      kind: 'regress',
      inDim: 1,
      test: pick(order.subarray(0, nTest)),
      train: pick(order.subarray(nTest)),
    };
  }
  const known = (DATASET_2D_NAMES as readonly string[]).includes(name) ? name : 'circle';
  const d = dataset2D(known, { n: options.n, noise: options.noise }, dataSeed);
  const { train, test } = trainTestSplit(d, options.testFraction, splitSeed);
  return { name: known, kind: 'classify', inDim: 2, train, test };
}

/** The task's loss for a batch: binary cross-entropy from logits, or mean squared error. */
export function taskLoss(task: Task, out: Tensor, y: ArrayLike<number>): Tensor {
  return task.kind === 'classify' ? binaryCrossEntropy(out, y) : mse(out, y);
}

/** The part of a deep-MLP run that one minibatch step reads and advances (the depth and dying-ReLU experiments). */
export interface TaskTrainingState {
  task: Task;
  model: ActivationNet;
  opt: Optimizer;
  sampler: BatchSampler;
  steps: number;
  epoch: number;
  /** Why training stopped (shown to the learner), or null while it runs. */
  diverged: string | null;
}

export interface TaskStepOptions {
  /** Advice appended when the loss stops being finite, e.g. 'Lower the learning rate and press Reset.' */
  lossHint: string;
  /** Runs between backward() and the update, while the gradients of this batch are in place. */
  beforeUpdate?: () => void;
}

/**
 * One minibatch step: sample a batch, forward, loss, backward, update. Returns false, with `state.diverged` set and
 * the step not counted, when the loss or the updated weights are no longer finite.
 */
export function trainTaskStep(state: TaskTrainingState, options: TaskStepOptions): boolean {
  const { task, model, opt, sampler } = state;
  const batch = sampler.next();
  const size = batch.indices.length;
  const x = tensor(gatherRows(task.train.x, task.inDim, batch.indices), [size, task.inDim]); // [B, inDim]
  const y = gatherRows(task.train.y, 1, batch.indices); // [B]
  opt.zeroGrad();
  const loss = taskLoss(task, model.forward(x), y);
  loss.backward();
  const value = loss.item();
  if (!Number.isFinite(value)) {
    state.diverged = `The loss became ${value} at step ${state.steps + 1}. ${options.lossHint}`;
    return false;
  }
  options.beforeUpdate?.();
  opt.step();
  if (!model.allFinite()) {
    state.diverged = `The weights overflowed at step ${state.steps + 1}. Lower the learning rate and press Reset.`;
    return false;
  }
  state.steps++;
  state.epoch = batch.epoch;
  return true;
}

export interface Evaluation {
  loss: number;
  /** Classification only. */
  accuracy?: number;
}

/** Loss (and accuracy) of a model on a whole split, without recording anything. */
export function evaluate(task: Task, model: ActivationNet, split: Split): Evaluation {
  if (split.n === 0) return { loss: 0 };
  return noGrad(() => {
    const out = model.forward(tensor(split.x, [split.n, task.inDim])); // [n, 1]
    const loss = taskLoss(task, out, split.y).item();
    if (task.kind !== 'classify') return { loss };
    let right = 0;
    for (let i = 0; i < split.n; i++) if (out.data[i] > 0 === split.y[i] > 0.5) right++;
    return { loss, accuracy: right / split.n };
  });
}

/** The views of a run on a 2-D task: the model's output over the plane, and the training points. */
export function addPlaneViews(
  task: Task,
  model: ActivationNet,
  wanted: readonly string[],
  views: Partial<PlaneViews>,
): void {
  if (wanted.includes('fields')) views.fields = { kind: 'classify', n: 32, a: outputField(task, model, 32) };
  if (wanted.includes('data')) {
    views.data = {
      kind: task.kind,
      inDim: 2,
      trainX: task.train.x.slice(),
      trainY: task.train.y.slice(),
    };
  }
}

/** Domain of the figures: the 2-D sets lie in about [-1, 1]² (spiral and noise reach a little further). */
export const PLANE: [number, number] = [-1.5, 1.5];

/**
 * The model's output over the plane (classify: P(class 1) on an n×n grid, row j = 0 at the bottom, as the figure
 * kit's Grid2D expects) or along the line (regress: the prediction at n points of [-1.2, 1.2]).
 */
export function outputField(task: Task, model: ActivationNet, n: number): Float32Array {
  return noGrad(() => {
    if (task.kind === 'regress') {
      const xs = linspace(-1.2, 1.2, n);
      const out = model.forward(tensor(xs, [n, 1])); // [n, 1]
      return out.data.slice();
    }
    const pts = new Float32Array(n * n * 2);
    const axis = linspace(PLANE[0], PLANE[1], n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        pts[2 * (j * n + i)] = axis[i];
        pts[2 * (j * n + i) + 1] = axis[j];
      }
    }
    const logits = model.forward(tensor(pts, [n * n, 2])).data; // [n², 1]
    const p = new Float32Array(n * n);
    for (let k = 0; k < p.length; k++) p[k] = sigmoid(logits[k]);
    return p;
  });
}

export function linspace(lo: number, hi: number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1);
  return out;
}

/**
 * The 2-D classifier: an MLP trained on a two-class point set in the plane (TensorFlow Playground's setting), with
 * binary cross-entropy from logits. The lightest real experiment; chapters on activations, backprop, gradient descent
 * and regularisation use it.
 *
 * Views (types and shape checks in classifierViews.ts, built in classifierReadouts.ts):
 *   boundary     P(class 1) on a 40×40 grid over the plane (a Grid2D for charts/DecisionBoundary)
 *   points       train and test points with labels
 *   lossHistory  training (mini-batch) loss per step, downsampled to ≤ 1024 points
 *   gradNorms    ‖∂L/∂W‖ per layer of the last step
 *   weights      every layer's weights and biases (for a network diagram)
 *   grads        every layer's ∂L/∂w and ∂L/∂b from the last step (gradient mode of the network diagram)
 */
import { BOUNDARY_SIZE, PLANE } from './classifierBoundary';
import { classifierMetrics, classifierViews, newLossHistory, type LossHistory } from './classifierReadouts';
import { BatchBuffers, TrainingSetup, trainBatch, type SetupSnapshot } from './classifierTraining';
import { dataset2D, trainTestSplit } from '../core/data/datasets2d';
import { MLP } from '../core/nn/linear';
import type { ActivationName } from '../core/ops/activations';
import { penaltyValue } from '../core/optim';
import { getState, loadState, type StateDict } from '../core/serialize';
import { Rng } from '../core/random';
import { dataset2DOptions, learningRateParam, optimizerOptions } from './paramSpecs';
import type {
  Experiment,
  Metrics,
  ParamTable,
  ParamValue,
  ParamValues,
  Trainer,
  TrainerSnapshot,
} from './types';
import type { ClassifierViews } from './classifierViews';

export const CLASSIFIER2D_PARAMS: ParamTable = [
  {
    name: 'dataset',
    label: 'Dataset',
    type: 'enum',
    default: 'circle',
    options: dataset2DOptions({
      circle: 'Circle',
      xor: 'XOR (quadrants)',
      gaussians: 'Two Gaussian blobs',
      spiral: 'Spiral',
    }),
    live: false,
    help: 'The two classes of points to separate.',
  },
  {
    name: 'noise',
    label: 'Noise',
    type: 'number',
    default: 0.05,
    min: 0,
    max: 0.5,
    step: 0.01,
    live: false,
    help: 'Standard deviation of the jitter added to every point.',
  },
  { name: 'points', label: 'Points', type: 'int', default: 300, min: 20, max: 2000, step: 10, live: false },
  {
    name: 'test',
    label: 'Test fraction',
    type: 'number',
    default: 0.3,
    min: 0,
    max: 0.8,
    step: 0.05,
    live: false,
    help: 'Share of the points held out to measure generalisation (never trained on).',
  },
  {
    name: 'hidden',
    label: 'Hidden layers',
    type: 'list',
    of: 'int',
    default: [8, 8],
    min: 1,
    max: 32,
    minLength: 0,
    maxLength: 6,
    live: false,
    unit: 'neurons',
    help: 'Neurons per hidden layer, e.g. 8,8. Empty = no hidden layer (logistic regression).',
  },
  {
    name: 'act',
    label: 'Activation',
    type: 'enum',
    default: 'leaky-relu',
    options: [
      { value: 'leaky-relu', label: 'Leaky ReLU' },
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'tanh' },
      { value: 'sigmoid', label: 'sigmoid' },
      { value: 'linear', label: 'linear (none)' },
    ],
    live: false,
    help: 'The nonlinearity after every hidden layer.',
  },
  learningRateParam({ default: 0.1, min: 0.0001, max: 100, help: 'Size of each gradient step.' }),
  {
    name: 'optimizer',
    label: 'Optimiser',
    type: 'enum',
    default: 'sgd',
    options: optimizerOptions({ sgd: 'SGD', momentum: 'SGD + momentum (0.9)', adam: 'Adam' }),
    live: true,
    help: 'Switching starts the new optimiser with fresh state.',
  },
  { name: 'batch', label: 'Batch size', type: 'int', default: 16, min: 1, max: 512, live: true },
  {
    name: 'l2',
    label: 'L2 strength λ',
    type: 'number',
    default: 0,
    min: 0,
    max: 0.1,
    step: 0.0005,
    live: true,
    help: 'Adds λ·Σw² to the loss: pulls weights towards zero.',
  },
];

const ACTIVATIONS: Readonly<Record<string, ActivationName>> = {
  tanh: 'tanh',
  relu: 'relu',
  'leaky-relu': 'leakyRelu',
  sigmoid: 'sigmoid',
  linear: 'identity',
};

export { BOUNDARY_SIZE, PLANE };

function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * The data and the model a run trains, from the settings and the seed. Separate random streams per purpose, so
 * changing e.g. the batch size never changes the data or the initial weights.
 */
function buildProblem(params: ParamValues, seed: number) {
  const root = new Rng(seed);
  const dataSeed = root.nextU32();
  const initSeed = root.nextU32();
  const batchSeed = root.nextU32();
  const all = dataset2D(
    String(params.dataset),
    { n: Number(params.points), noise: Number(params.noise) },
    dataSeed,
  );
  const { train, test } = trainTestSplit(all, Number(params.test), dataSeed ^ 0x5bd1e995);
  const hidden = params.hidden as readonly number[];
  const sizes = [2, ...hidden, 1];
  const model = new MLP(
    { sizes, activation: ACTIVATIONS[String(params.act)] ?? 'tanh', outputActivation: 'identity' },
    initSeed,
  );
  return { train, test, sizes, model, batchSeed };
}

export function createClassifier2d(params: ParamValues, seed: number): Trainer<ClassifierViews> {
  const { train, test, sizes, model, batchSeed } = buildProblem(params, seed);
  const weights = model.parameters();
  const activation = String(params.act);
  const setup = new TrainingSetup(params, weights, train.n, batchSeed);

  let step = 0;
  let epoch = 0;
  let lastBatchLoss = NaN;
  let diverged: string | null = null;
  const history = newLossHistory();
  const lastGradNorms = new Float32Array(model.layers.length);

  const batches = new BatchBuffers(train);
  let cached: { step: number; metrics: Metrics } | null = null;

  const trainer: Trainer<ClassifierViews> = {
    step(n) {
      for (let i = 0; i < n && diverged === null; i++) {
        const batch = setup.sampler.next();
        const { x, y } = batches.gather(batch.indices);
        const value = trainBatch(model, setup.optimizer, x, y, lastGradNorms);
        if (!Number.isFinite(value)) {
          diverged = `loss became ${value} at step ${step + 1}`;
          break;
        }
        step++;
        epoch = batch.epoch;
        lastBatchLoss = value;
        history.push(step, value);
        if (!weights.every((w) => allFinite(w.data))) {
          diverged = `a weight became infinite or NaN at step ${step}`;
          break;
        }
      }
    },

    metrics(): Metrics {
      if (cached && cached.step === step) return cached.metrics;
      const penalty = setup.l2 > 0 ? penaltyValue(weights, 0, setup.l2) : 0;
      const metrics = classifierMetrics(model, { train, test }, { step, epoch, lastBatchLoss, penalty });
      cached = { step, metrics };
      return metrics;
    },

    views(wanted) {
      return classifierViews(wanted, { model, train, test, history, lastGradNorms, sizes, activation });
    },

    set(name: string, value: ParamValue) {
      if (setup.set(name, value, step)) cached = null;
    },

    divergence: () => diverged,

    snapshot(): TrainerSnapshot {
      return {
        weights: getState(model),
        grads: weights.map((w) => (w.grad ? w.grad.slice() : null)),
        ...setup.snapshot(),
        counters: { step, epoch, lastBatchLoss, diverged },
        history: history.snapshot(),
        lastGradNorms: lastGradNorms.slice(),
      };
    },

    restore(snap) {
      const s = snap as unknown as ClassifierSnapshot;
      const loaded = loadState(model, s.weights);
      if (!loaded.ok) throw new Error(`classifier2d restore: ${loaded.problems.join('; ')}`);
      weights.forEach((w, i) => s.grads[i] && w.grad?.set(s.grads[i]));
      setup.restore(s);
      ({ step, epoch, lastBatchLoss, diverged } = s.counters);
      history.restore(s.history);
      lastGradNorms.set(s.lastGradNorms);
      cached = null;
    },
  };
  return trainer;
}

interface ClassifierSnapshot extends SetupSnapshot {
  weights: StateDict;
  grads: (Float32Array | null)[];
  counters: { step: number; epoch: number; lastBatchLoss: number; diverged: string | null };
  history: ReturnType<LossHistory['snapshot']>;
  lastGradNorms: Float32Array;
}

export const classifier2d: Experiment<ClassifierViews> = {
  id: 'classifier2d',
  title: '2D classifier (MLP)',
  params: CLASSIFIER2D_PARAMS,
  create: createClassifier2d,
};

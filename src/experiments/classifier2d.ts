/**
 * The 2-D classifier: an MLP trained on a two-class point set in the plane (TensorFlow Playground's setting), with
 * binary cross-entropy from logits. The lightest real experiment; chapters on activations, backprop, gradient descent
 * and regularisation use it.
 *
 * Views (shapes documented where they are built):
 *   boundary     P(class 1) on a 40×40 grid over the plane (a Grid2D for charts/DecisionBoundary)
 *   points       train and test points with labels
 *   lossHistory  training (mini-batch) loss per step, downsampled to ≤ 1024 points
 *   gradNorms    ‖∂L/∂W‖ per layer of the last step
 *   weights      every layer's weights and biases (for a network diagram)
 *   grads        every layer's ∂L/∂w and ∂L/∂b from the last step (gradient mode of the network diagram)
 */
import { BOUNDARY_SIZE, PLANE, boundaryGrid } from './classifierBoundary';
import { dataset2D, trainTestSplit, type Dataset2D } from '../core/data/datasets2d';
import { BatchSampler, gatherRows, type BatchSamplerState } from '../core/data/batching';
import { binaryCrossEntropy } from '../core/losses';
import { noGrad } from '../core/autograd';
import { MLP } from '../core/nn/linear';
import type { ActivationName } from '../core/ops/activations';
import { Adam, SGD, penaltyValue, type Optimizer, type OptimizerState } from '../core/optim';
import { getState, loadState, type StateDict } from '../core/serialize';
import { Rng } from '../core/random';
import { Tensor } from '../core/tensor';
import { DownsampledHistory } from './downsampledHistory';
import { optimizerOptions } from './paramSpecs';
import type {
  Experiment,
  Metrics,
  ParamTable,
  ParamValue,
  ParamValues,
  Trainer,
  TrainerSnapshot,
  Views,
} from './types';

export const CLASSIFIER2D_PARAMS: ParamTable = [
  {
    name: 'dataset',
    label: 'Dataset',
    type: 'enum',
    default: 'circle',
    options: [
      { value: 'circle', label: 'Circle' },
      { value: 'xor', label: 'XOR (quadrants)' },
      { value: 'gaussians', label: 'Two Gaussian blobs' },
      { value: 'spiral', label: 'Spiral' },
    ],
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
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    default: 0.1,
    min: 0.0001,
    max: 100,
    scale: 'log',
    live: true,
    help: 'Size of each gradient step.',
  },
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
function makeOptimizer(
  kind: string,
  params: ReturnType<MLP['parameters']>,
  lr: number,
  l2: number,
): Optimizer {
  if (kind === 'adam') return new Adam(params, { lr, l2 });
  return new SGD(params, { lr, l2, momentum: kind === 'momentum' ? 0.9 : 0 });
}

function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

export function createClassifier2d(params: ParamValues, seed: number): Trainer {
  // Separate streams per purpose, so changing e.g. the batch size never changes the data or the initial weights.
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
  const weights = model.parameters();

  let lr = Number(params.lr);
  let l2 = Number(params.l2);
  let optimizerKind = String(params.optimizer);
  let optimizer = makeOptimizer(optimizerKind, weights, lr, l2);
  let batchSize = Number(params.batch);
  let sampler = new BatchSampler(train.n, { batchSize }, batchSeed);

  let step = 0;
  let epoch = 0;
  let lastBatchLoss = NaN;
  let diverged: string | null = null;
  const history = new DownsampledHistory();
  const lastGradNorms = new Float32Array(model.layers.length);

  const xBuf = new Float32Array(train.n * 2);
  const yBuf = new Float32Array(train.n);

  /** Mean BCE and accuracy of the current model on a dataset (no tape). */
  function evaluate(data: Dataset2D): { loss: number; accuracy: number } {
    if (data.n === 0) return { loss: NaN, accuracy: NaN };
    return noGrad(() => {
      const logits = model.forward(new Tensor(data.x, [data.n, 2])); // [n, 1]
      const loss = binaryCrossEntropy(logits, data.y).item();
      let correct = 0;
      for (let i = 0; i < data.n; i++) if (logits.data[i] > 0 === data.y[i] > 0.5) correct++;
      return { loss, accuracy: correct / data.n };
    });
  }

  let cached: { step: number; metrics: Metrics } | null = null;

  const trainer: Trainer = {
    step(n) {
      for (let i = 0; i < n && diverged === null; i++) {
        const batch = sampler.next();
        const b = batch.indices.length;
        const xb = gatherRows(train.x, 2, batch.indices, xBuf.subarray(0, b * 2)); // [b, 2]
        const yb = gatherRows(train.y, 1, batch.indices, yBuf.subarray(0, b)); // [b]
        optimizer.zeroGrad();
        const logits = model.forward(new Tensor(xb, [b, 2])); // [b, 1]
        const loss = binaryCrossEntropy(logits, yb); // []
        const value = loss.item();
        if (!Number.isFinite(value)) {
          diverged = `loss became ${value} at step ${step + 1}`;
          break;
        }
        loss.backward();
        for (let l = 0; l < model.layers.length; l++) {
          const g = model.layers[l].weight.grad;
          let s = 0;
          if (g) for (let k = 0; k < g.length; k++) s += g[k] * g[k];
          lastGradNorms[l] = Math.sqrt(s);
        }
        optimizer.step();
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
      const tr = evaluate(train);
      const te = evaluate(test);
      const penalty = l2 > 0 ? penaltyValue(weights, 0, l2) : 0;
      const metrics: Metrics = { step, epoch, loss: tr.loss, accuracy: tr.accuracy };
      if (test.n > 0) {
        metrics.valLoss = te.loss;
        metrics.valAccuracy = te.accuracy;
      }
      if (Number.isFinite(lastBatchLoss)) metrics.batchLoss = lastBatchLoss;
      if (penalty > 0) metrics.penalty = penalty;
      // Non-finite metrics are left out (the contract: omit rather than NaN) except `loss`, which the runtime checks.
      for (const k of Object.keys(metrics))
        if (k !== 'loss' && !Number.isFinite(metrics[k])) delete metrics[k];
      cached = { step, metrics };
      return metrics;
    },

    views(wanted): Views {
      const out: Views = {};
      for (const name of wanted) {
        switch (name) {
          case 'boundary':
            out.boundary = boundaryGrid(model);
            break;
          case 'points':
            // train/test: x [n, 2] row-major, y [n] labels 0/1
            out.points = { train: { x: train.x, y: train.y }, test: { x: test.x, y: test.y } };
            break;
          case 'lossHistory':
            // step [m], loss [m]: mini-batch loss per recorded step, m ≤ 1024
            out.lossHistory = {
              step: history.step.slice(0, history.length),
              loss: history.loss.slice(0, history.length),
            };
            break;
          case 'gradNorms':
            // one ‖∂L/∂W⁽ˡ⁾‖₂ per layer l (weights only), from the last step
            out.gradNorms = {
              layers: model.layers.map((_, l) => `W${l + 1}`),
              values: lastGradNorms.slice(),
            };
            break;
          case 'grads':
            // layer l: ∂L/∂w [out, in] and ∂L/∂b [out] of the last step's mini-batch loss (zeros before the first step)
            out.grads = model.layers.map((layer) => ({
              w: layer.weight.grad ? layer.weight.grad.slice() : new Float32Array(layer.weight.size),
              b: layer.bias?.grad ? layer.bias.grad.slice() : new Float32Array(layer.weight.shape[0]),
            }));
            break;
          case 'weights':
            // layer l: w [out, in] row-major (row i = weights into neuron i), b [out]
            out.weights = {
              sizes,
              activation: String(params.act),
              layers: model.layers.map((layer) => ({
                w: layer.weight.data.slice(),
                b: layer.bias ? layer.bias.data.slice() : new Float32Array(layer.weight.shape[0]),
              })),
            };
            break;
        }
      }
      return out;
    },

    set(name: string, value: ParamValue) {
      switch (name) {
        case 'lr':
          lr = Number(value);
          optimizer.lr = lr;
          break;
        case 'l2':
          l2 = Number(value);
          optimizer.l2 = l2;
          cached = null;
          break;
        case 'batch':
          batchSize = Number(value);
          // A new sampler seeded from the seed and the current step keeps runs reproducible.
          sampler = new BatchSampler(train.n, { batchSize }, batchSeed ^ Math.imul(step + 1, 0x9e3779b1));
          break;
        case 'optimizer':
          if (String(value) !== optimizerKind) {
            optimizerKind = String(value);
            optimizer = makeOptimizer(optimizerKind, weights, lr, l2);
          }
          break;
      }
    },

    divergence: () => diverged,

    snapshot(): TrainerSnapshot {
      return {
        weights: getState(model),
        grads: weights.map((w) => (w.grad ? w.grad.slice() : null)),
        optimizer: { kind: optimizerKind, state: optimizer.getState() },
        sampler: { batchSize, state: sampler.getState() },
        settings: { lr, l2 },
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
      ({ lr, l2 } = s.settings);
      optimizerKind = s.optimizer.kind;
      optimizer = makeOptimizer(optimizerKind, weights, lr, l2);
      optimizer.setState(s.optimizer.state);
      batchSize = s.sampler.batchSize;
      sampler = new BatchSampler(train.n, { batchSize }, batchSeed);
      sampler.setState(s.sampler.state);
      ({ step, epoch, lastBatchLoss, diverged } = s.counters);
      history.restore(s.history);
      lastGradNorms.set(s.lastGradNorms);
      cached = null;
    },
  };
  return trainer;
}

interface ClassifierSnapshot {
  weights: StateDict;
  grads: (Float32Array | null)[];
  optimizer: { kind: string; state: OptimizerState };
  sampler: { batchSize: number; state: BatchSamplerState };
  settings: { lr: number; l2: number };
  counters: { step: number; epoch: number; lastBatchLoss: number; diverged: string | null };
  history: ReturnType<DownsampledHistory['snapshot']>;
  lastGradNorms: Float32Array;
}

export const classifier2d: Experiment = {
  id: 'classifier2d',
  title: '2D classifier (MLP)',
  params: CLASSIFIER2D_PARAMS,
  create: createClassifier2d,
};

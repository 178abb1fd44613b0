/**
 * Step 4, vanishing gradients: a deep, narrow MLP (2–12 hidden layers) trained with plain SGD on a 2-D set, with the
 * gradient norm ‖∂L/∂W⁽ˡ⁾‖₂ of every layer's weights measured at each step. With the sigmoid the norms shrink by a
 * factor of several per layer towards the input; with ReLU they stay within a small factor of each other.
 * Init follows usual practice: Xavier for sigmoid/tanh, He for ReLU.
 */
import { BatchSampler, Rng, gatherRows, sgd, tensor } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { CurveRecorder } from './curve';
import { ActivationNet, usualInit } from './net';
import { TASK_OPTIONS, evaluate, makeTask, outputField, taskLoss } from './task';
import type { ActivationName } from './functions';

export const depthParams: ParamTable = [
  {
    name: 'depth',
    label: 'Hidden layers',
    type: 'int',
    live: false,
    default: 8,
    min: 2,
    max: 12,
    help: 'Depth of the network; each layer multiplies the gradient by one more factor on its way back.',
  },
  {
    name: 'act',
    label: 'Activation',
    type: 'enum',
    live: false,
    default: 'sigmoid',
    options: [
      { value: 'sigmoid', label: 'sigmoid' },
      { value: 'tanh', label: 'tanh' },
      { value: 'relu', label: 'ReLU' },
    ],
  },
  { name: 'width', label: 'Neurons per layer', type: 'int', live: false, default: 8, min: 2, max: 16 },
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    live: true,
    default: 0.1,
    min: 0.001,
    max: 3,
    step: 0.001,
    scale: 'log',
  },
  {
    name: 'task',
    label: 'Dataset',
    type: 'enum',
    live: false,
    default: 'circle',
    options: TASK_OPTIONS.filter((o) => !['sine', 'step', 'abs'].includes(o.value)),
  },
];

const N_POINTS = 200;
const BATCH = 16;
/** Smoothing of the per-layer norms shown in the bar chart (exponential moving average over steps). */
const EMA = 0.9;

export function createDepth(params: ParamValues, seed: number): Trainer {
  const rng = new Rng(seed);
  const task = makeTask(
    typeof params.task === 'string' ? params.task : 'circle',
    { n: N_POINTS, noise: 0.05, testFraction: 0.2 },
    rng.nextU32(),
  );
  const depth = clampInt(params.depth, 2, 12, 8);
  const width = clampInt(params.width, 2, 16, 8);
  const act: ActivationName = params.act === 'tanh' || params.act === 'relu' ? params.act : 'sigmoid';
  const sizes = [task.inDim, ...Array.from({ length: depth }, () => width), 1];
  const model = new ActivationNet(
    { sizes, activations: Array.from({ length: depth }, () => act), init: usualInit(act) },
    rng.nextU32(),
  );
  const opt = sgd(model.parameters(), { lr: typeof params.lr === 'number' ? params.lr : 0.1 });
  const sampler = new BatchSampler(task.train.n, { mode: 'minibatch', batchSize: BATCH }, rng.nextU32());
  const layers = depth + 1; // hidden layers + output layer
  const latest = new Float64Array(layers);
  const smoothed = new Float64Array(layers);
  const curve = new CurveRecorder(2);
  let steps = 0;
  let epoch = 0;
  let diverged: string | null = null;
  let sampledAt = -1;
  let cached = { train: evaluate(task, model, task.train), test: evaluate(task, model, task.test) };

  function sample() {
    if (sampledAt === steps) return cached;
    cached = { train: evaluate(task, model, task.train), test: evaluate(task, model, task.test) };
    sampledAt = steps;
    curve.push(steps, cached.train.loss, cached.test.loss);
    return cached;
  }

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        const batch = sampler.next();
        const size = batch.indices.length;
        const x = tensor(gatherRows(task.train.x, 2, batch.indices), [size, 2]); // [B, 2]
        const y = gatherRows(task.train.y, 1, batch.indices); // [B]
        opt.zeroGrad();
        const loss = taskLoss(task, model.forward(x), y);
        loss.backward();
        const value = loss.item();
        if (!Number.isFinite(value)) {
          diverged = `The loss became ${value} at step ${steps + 1}. Lower the learning rate and press Reset.`;
          break;
        }
        const norms = model.weightGradNorms();
        for (let l = 0; l < layers; l++) {
          latest[l] = norms[l];
          smoothed[l] = steps === 0 ? norms[l] : EMA * smoothed[l] + (1 - EMA) * norms[l];
        }
        opt.step();
        if (!model.allFinite()) {
          diverged = `The weights overflowed at step ${steps + 1}. Lower the learning rate and press Reset.`;
          break;
        }
        steps++;
        epoch = batch.epoch;
      }
    },
    metrics(): Metrics {
      const { train, test } = sample();
      const m: Metrics = { step: steps, epoch, loss: train.loss, valLoss: test.loss };
      if (train.accuracy !== undefined) m.accuracy = train.accuracy;
      if (steps > 0) {
        m.gradFirst = smoothed[0];
        m.gradLast = smoothed[layers - 1];
        if (smoothed[0] > 0) m.gradRatio = smoothed[layers - 1] / smoothed[0];
      }
      return m;
    },
    views(wanted): Views {
      const views: Views = {};
      // [depth + 1]: layer 1 (input side) … output layer; 'gradNorms' smoothed, 'gradNormsStep' this step only.
      if (wanted.includes('gradNorms')) views.gradNorms = smoothed.slice();
      if (wanted.includes('gradNormsStep')) views.gradNormsStep = latest.slice();
      if (wanted.includes('curves')) {
        sample();
        const { x, ys } = curve.view();
        views.curves = { x, train: ys[0], test: ys[1] };
      }
      if (wanted.includes('fields'))
        views.fields = { kind: 'classify', n: 32, a: outputField(task, model, 32) };
      if (wanted.includes('data')) {
        views.data = {
          kind: task.kind,
          inDim: 2,
          trainX: task.train.x.slice(),
          trainY: task.train.y.slice(),
        };
      }
      return views;
    },
    set(name: string, value: ParamValue) {
      if (name === 'lr' && typeof value === 'number' && Number.isFinite(value) && value > 0) opt.lr = value;
    },
    divergence: () => diverged,
  };
}

function clampInt(v: ParamValue | undefined, lo: number, hi: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(lo, Math.min(hi, Math.round(v))) : fallback;
}

export const depthExperiment: Experiment = {
  id: 'activations-depth',
  title: 'Vanishing gradients in a deep MLP',
  params: depthParams,
  create: createDepth,
};

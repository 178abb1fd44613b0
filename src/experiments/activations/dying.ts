/**
 * Step 5, dying ReLU: a deep ReLU (or leaky ReLU) network trained with a high learning rate. A hidden unit is dead
 * when its pre-activation is ≤ 0 on every training point: with ReLU its gradient is then zero on every example and it
 * can never come back; with leaky ReLU a slope α still passes gradient, so units can recover.
 * Both activations start from the same weights (He init, same seed). Updates are clipped to a global gradient norm
 * (`clip`, shown as a control) so one huge step cannot overflow the weights; clipping bounds each step's size, it does
 * not keep units alive.
 */
import { BatchSampler, Rng, gatherRows, sgd, tensor } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { CurveRecorder } from './curve';
import { countDeadUnits, type DeadUnits } from './dead';
import { ActivationNet } from './net';
import { TASK_OPTIONS, evaluate, makeTask, outputField, taskLoss } from './task';

export const dyingParams: ParamTable = [
  {
    name: 'act',
    label: 'Activation',
    type: 'enum',
    live: false,
    default: 'relu',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'leaky', label: 'leaky ReLU' },
    ],
  },
  {
    name: 'alpha',
    label: 'Leaky slope c',
    type: 'number',
    live: true,
    default: 0.1,
    min: 0.01,
    max: 0.5,
    step: 0.01,
    help: 'Slope of leaky ReLU for negative inputs (used when the activation is leaky ReLU).',
  },
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    live: true,
    default: 1,
    min: 0.001,
    max: 3,
    step: 0.001,
    scale: 'log',
  },
  {
    name: 'clip',
    label: 'Gradient clip (max norm)',
    type: 'number',
    live: true,
    default: 2,
    min: 0.1,
    max: 100,
    step: 0.1,
    scale: 'log',
    help: 'Each update’s gradient is scaled down to at most this norm, so a single step cannot overflow.',
  },
  { name: 'depth', label: 'Hidden layers', type: 'int', live: false, default: 6, min: 1, max: 8 },
  { name: 'width', label: 'Neurons per layer', type: 'int', live: false, default: 16, min: 2, max: 32 },
  { name: 'batch', label: 'Batch size', type: 'int', live: false, default: 4, min: 1, max: 64 },
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
/** The dead-unit count needs a forward pass over the training set: done every this many steps for the curve. */
const DEAD_EVERY = 5;

export function createDying(params: ParamValues, seed: number): Trainer {
  const rng = new Rng(seed);
  const task = makeTask(
    typeof params.task === 'string' ? params.task : 'circle',
    { n: N_POINTS, noise: 0.05, testFraction: 0.2 },
    rng.nextU32(),
  );
  const num = (name: string, fallback: number) => {
    const v = params[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  };
  const depth = Math.max(1, Math.min(8, Math.round(num('depth', 6))));
  const width = Math.max(2, Math.min(32, Math.round(num('width', 16))));
  const act = params.act === 'leaky' ? 'leaky' : 'relu';
  const model = new ActivationNet(
    {
      sizes: [task.inDim, ...Array.from({ length: depth }, () => width), 1],
      activations: Array.from({ length: depth }, () => act),
      init: 'heNormal',
      alpha: num('alpha', 0.1),
    },
    rng.nextU32(),
  );
  const opt = sgd(model.parameters(), { lr: num('lr', 1), clipNorm: num('clip', 2) });
  const batchSize = Math.max(1, Math.min(64, Math.round(num('batch', 4))));
  const sampler = new BatchSampler(task.train.n, { mode: 'minibatch', batchSize }, rng.nextU32());
  const curve = new CurveRecorder(2); // loss, dead fraction
  let steps = 0;
  let epoch = 0;
  let diverged: string | null = null;
  let dead: DeadUnits = countDeadUnits(model, task.train, task.inDim);
  let deadAt = 0;
  curve.push(0, evaluate(task, model, task.train).loss, dead.fraction);
  let cachedAt = -1;
  let cached = evaluate(task, model, task.train);

  function refreshDead() {
    if (deadAt === steps) return dead;
    dead = countDeadUnits(model, task.train, task.inDim);
    deadAt = steps;
    return dead;
  }

  function trainEval() {
    if (cachedAt !== steps) {
      cached = evaluate(task, model, task.train);
      cachedAt = steps;
    }
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
          diverged = `The loss became ${value} at step ${steps + 1}. Lower the learning rate or the clip and press Reset.`;
          break;
        }
        opt.step();
        if (!model.allFinite()) {
          diverged = `The weights overflowed at step ${steps + 1}. Lower the learning rate and press Reset.`;
          break;
        }
        steps++;
        epoch = batch.epoch;
        if (steps % DEAD_EVERY === 0) curve.push(steps, trainEval().loss, refreshDead().fraction);
      }
    },
    metrics(): Metrics {
      const d = refreshDead();
      const train = trainEval();
      const m: Metrics = {
        step: steps,
        epoch,
        loss: train.loss,
        deadFraction: d.fraction,
        deadUnits: d.dead,
        units: d.total,
      };
      if (train.accuracy !== undefined) m.accuracy = train.accuracy;
      return m;
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('curves')) {
        const { x, ys } = curve.view();
        views.curves = { x, loss: ys[0], dead: ys[1] };
      }
      // Per hidden layer, 1 = dead, [width] each (input side first).
      if (wanted.includes('deadMask')) views.deadMask = refreshDead().perLayer.map((m) => m.slice());
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
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return;
      if (name === 'lr') opt.lr = value;
      else if (name === 'clip') opt.clipNorm = value;
      else if (name === 'alpha') model.alpha = value;
    },
    divergence: () => diverged,
  };
}

export const dyingExperiment: Experiment = {
  id: 'activations-dying',
  title: 'Dying ReLU at a high learning rate',
  params: dyingParams,
  create: createDying,
};

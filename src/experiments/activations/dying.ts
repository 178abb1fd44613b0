/**
 * Step 5, dying ReLU: a deep ReLU (or leaky ReLU) network trained with a high learning rate. A hidden unit is dead
 * when its pre-activation is ≤ 0 on every training point: with ReLU its gradient is then zero on every example and it
 * can never come back; with leaky ReLU a slope α still passes gradient, so units can recover.
 * Both activations start from the same weights (He init, same seed). Updates are clipped to a global gradient norm
 * (`clip`, shown as a control) so one huge step cannot overflow the weights; clipping bounds each step's size, it does
 * not keep units alive.
 */
import { BatchSampler, Rng, sgd } from '../../core';
import { liveLearningRate } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import type { DyingViews } from './views';
import { CurveRecorder } from './curve';
import { countDeadUnits, type DeadUnits } from './dead';
import { ActivationNet } from './net';
import {
  PLANE_TASK_PARAM,
  addPlaneViews,
  evaluate,
  makePlaneTask,
  trainTaskStep,
  type Evaluation,
  type TaskTrainingState,
} from './task';
import { learningRateParam } from '../paramSpecs';
import { intParam, numberParam } from '../paramValues';

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
  learningRateParam({ default: 1, min: 0.001, max: 3, step: 0.001 }),
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
  PLANE_TASK_PARAM,
];

/** The dead-unit count needs a forward pass over the training set: done every this many steps for the curve. */
const DEAD_EVERY = 5;

/** Everything a dying-ReLU run mutates; the dead-unit count and the train loss are cached per step. */
interface DyingState extends TaskTrainingState {
  /** Loss, dead fraction. */
  curve: CurveRecorder;
  dead: DeadUnits;
  deadAt: number;
  cachedAt: number;
  cached: Evaluation;
}

/** Builds the data, the network and the batch order; the seed draws happen in a fixed order (task, weights, batches). */
function buildDyingState(params: ParamValues, seed: number): DyingState {
  const rng = new Rng(seed);
  const task = makePlaneTask(params.task, rng.nextU32());
  const num = (name: string, fallback: number) => numberParam(params, name, fallback);
  const depth = intParam(params, 'depth', 6, 1, 8);
  const width = intParam(params, 'width', 16, 2, 32);
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
  const batchSize = intParam(params, 'batch', 4, 1, 64);
  const sampler = new BatchSampler(task.train.n, { mode: 'minibatch', batchSize }, rng.nextU32());
  const curve = new CurveRecorder(2);
  const dead = countDeadUnits(model, task.train, task.inDim);
  curve.push(0, evaluate(task, model, task.train).loss, dead.fraction);
  const cached = evaluate(task, model, task.train);
  return {
    task,
    model,
    opt,
    sampler,
    curve,
    steps: 0,
    epoch: 0,
    diverged: null,
    dead,
    deadAt: 0,
    cachedAt: -1,
    cached,
  };
}

function refreshDead(state: DyingState): DeadUnits {
  if (state.deadAt === state.steps) return state.dead;
  state.dead = countDeadUnits(state.model, state.task.train, state.task.inDim);
  state.deadAt = state.steps;
  return state.dead;
}

function trainEval(state: DyingState): Evaluation {
  if (state.cachedAt !== state.steps) {
    state.cached = evaluate(state.task, state.model, state.task.train);
    state.cachedAt = state.steps;
  }
  return state.cached;
}

/** n steps of SGD; stops at the first non-finite loss or weight. The curve gets a point every DEAD_EVERY steps. */
function stepDying(state: DyingState, n: number): void {
  const options = { lossHint: 'Lower the learning rate or the clip and press Reset.' };
  for (let k = 0; k < n && state.diverged === null; k++) {
    if (!trainTaskStep(state, options)) break;
    if (state.steps % DEAD_EVERY === 0)
      state.curve.push(state.steps, trainEval(state).loss, refreshDead(state).fraction);
  }
}

function dyingMetrics(state: DyingState): Metrics {
  const d = refreshDead(state);
  const train = trainEval(state);
  const m: Metrics = {
    step: state.steps,
    epoch: state.epoch,
    loss: train.loss,
    deadFraction: d.fraction,
    deadUnits: d.dead,
    units: d.total,
  };
  if (train.accuracy !== undefined) m.accuracy = train.accuracy;
  return m;
}

function dyingViews(state: DyingState, wanted: readonly string[]): Partial<DyingViews> {
  const { task, model } = state;
  const views: Partial<DyingViews> = {};
  if (wanted.includes('curves')) {
    const { x, ys } = state.curve.view();
    views.curves = { x, loss: ys[0], dead: ys[1] };
  }
  // Per hidden layer, 1 = dead, [width] each (input side first).
  if (wanted.includes('deadMask')) views.deadMask = refreshDead(state).perLayer.map((m) => m.slice());
  addPlaneViews(task, model, wanted, views);
  return views;
}

/** Live settings: the learning rate, the clip norm and the leaky slope, each only as a positive finite number. */
function setDying(state: DyingState, name: string, value: ParamValue): void {
  const lr = liveLearningRate(dyingParams, name, value);
  if (lr !== null) state.opt.lr = lr;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return;
  if (name === 'clip') state.opt.clipNorm = value;
  else if (name === 'alpha') state.model.alpha = value;
}

export function createDying(params: ParamValues, seed: number): Trainer<DyingViews> {
  const state = buildDyingState(params, seed);
  return {
    step: (n) => stepDying(state, n),
    metrics: () => dyingMetrics(state),
    views: (wanted) => dyingViews(state, wanted),
    set: (name, value) => setDying(state, name, value),
    divergence: () => state.diverged,
  };
}

export const dyingExperiment: Experiment<DyingViews> = {
  id: 'activations-dying',
  title: 'Dying ReLU at a high learning rate',
  params: dyingParams,
  create: createDying,
};

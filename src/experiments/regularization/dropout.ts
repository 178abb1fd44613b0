/**
 * Regularisation step 4: dropout. Two copies of the same network (same initial weights, same data) train side by
 * side with Adam on the full training set: one plain, one with dropout of probability p after each hidden layer.
 * Errors are measured in inference mode (no units dropped). The read-outs check both scaling rules on the dropout
 * network's first hidden layer: classic (scale by 1 − p at inference) and inverted (scale by 1/(1 − p) in training).
 */
import { Rng, Tensor, adam, mse, noGrad, type Adam } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import type { DropoutViews } from './views';
import { PointRecorder } from '../descent/recorder';
import { regressionData } from './data';
import { DropoutNet, scalingCheck, type DropoutMode } from './dropoutNet';
import { liveLearningRate } from '../params';
import { learningRateParam } from '../paramSpecs';

export const dropoutParams: ParamTable = [
  {
    name: 'p',
    label: 'Drop probability p',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 0.9,
    step: 0.05,
    live: true,
    help: 'Each hidden unit is dropped with probability p at every training step (never at inference).',
  },
  {
    name: 'mode',
    label: 'Scaling',
    type: 'enum',
    default: 'inverted',
    options: [
      { value: 'inverted', label: 'inverted: ×1/(1 − p) while training' },
      { value: 'classic', label: 'classic: ×(1 − p) at inference' },
    ],
    live: false,
  },
  {
    name: 'width',
    label: 'Neurons per hidden layer',
    type: 'int',
    default: 64,
    min: 8,
    max: 128,
    live: false,
  },
  learningRateParam({ default: 0.01, min: 0.0001, max: 0.1, step: 0.0001 }),
];

interface Run {
  net: DropoutNet;
  optimizer: Adam;
  train: number;
  val: number;
  trainCurve: PointRecorder;
  valCurve: PointRecorder;
}

/** Everything one dropout experiment changes as it trains; the module functions below read and update it. */
interface DropoutState {
  data: ReturnType<typeof regressionData>;
  trainX: Tensor; // [m, 1]
  valX: Tensor; // [60, 1]
  width: number;
  /** Seed of the scaling check's own masks (the read-out does not move the training masks). */
  checkSeed: number;
  p: number;
  runs: { plain: Run; dropout: Run };
  steps: number;
  diverged: string | null;
}

/** Data and the two runs (plain, dropout p) from the same initial weights, scored before the first step. */
function buildDropoutState(params: ParamValues, seed: number): DropoutState {
  const root = new Rng(seed);
  const initSeed = root.nextU32();
  const maskSeed = root.nextU32();
  const checkSeed = root.nextU32();
  const data = regressionData(15, 0.25, seed);
  const width = params.width as number;
  const mode = params.mode as DropoutMode;
  const p = params.p as number;
  const lr = params.lr as number;
  const makeRun = (rate: number): Run => {
    const net = new DropoutNet(width, rate, mode, initSeed, maskSeed);
    return {
      net,
      optimizer: adam(net.parameters(), { lr }),
      train: NaN,
      val: NaN,
      trainCurve: new PointRecorder(1024),
      valCurve: new PointRecorder(1024),
    };
  };
  const s: DropoutState = {
    data,
    trainX: new Tensor(data.train.x, [data.train.n, 1]),
    valX: new Tensor(data.val.x, [data.val.n, 1]),
    width,
    checkSeed,
    p,
    runs: { plain: makeRun(0), dropout: makeRun(p) },
    steps: 0,
    diverged: null,
  };
  recordErrors(s, s.runs.plain);
  recordErrors(s, s.runs.dropout);
  return s;
}

/** Half mean squared error in inference mode (no dropout). */
function errorOf(net: DropoutNet, x: Tensor, y: Float32Array): number {
  return noGrad(() => {
    net.eval();
    const e = mse(net.forward(x), y).item() / 2;
    net.train();
    return e;
  });
}

function recordErrors(s: DropoutState, run: Run): void {
  run.train = errorOf(run.net, s.trainX, s.data.train.y);
  run.val = errorOf(run.net, s.valX, s.data.val.y);
  run.trainCurve.push(s.steps, run.train);
  run.valCurve.push(s.steps, run.val);
}

/** One Adam step of `run`; a non-finite loss stops the experiment instead of stepping. */
function trainRun(s: DropoutState, run: Run): void {
  run.optimizer.zeroGrad();
  const loss = mse(run.net.forward(s.trainX), s.data.train.y); // [] with this step's dropout masks
  const value = loss.item();
  if (!Number.isFinite(value)) s.diverged = `the training error became ${value} at step ${s.steps + 1}`;
  else {
    loss.backward();
    run.optimizer.step();
  }
}

function stepDropout(s: DropoutState, n: number): void {
  for (let i = 0; i < n && s.diverged === null; i++) {
    trainRun(s, s.runs.plain);
    trainRun(s, s.runs.dropout);
    if (s.diverged !== null) break;
    s.steps++;
    // Measuring costs two forward passes per run: do it every step early on, then every 5th.
    if (s.steps < 200 || s.steps % 5 === 0) {
      recordErrors(s, s.runs.plain);
      recordErrors(s, s.runs.dropout);
    }
  }
}

function runCurves(s: DropoutState, run: Run) {
  return {
    train: run.trainCurve.toInterleaved([s.steps, run.train]),
    val: run.valCurve.toInterleaved([s.steps, run.val]),
    trainNow: run.train,
    valNow: run.val,
  };
}

/** Which units of training sample 1 were dropped at the last step, per hidden layer ([width], 1 = kept). */
function masksView(s: DropoutState) {
  const [m1, m2] = s.runs.dropout.net.lastMasks;
  const firstRow = (m: Float32Array) =>
    Uint8Array.from({ length: s.width }, (_, j) => (m.length ? +(m[j] > 0) : 1));
  return { layer1: firstRow(m1), layer2: firstRow(m2), p: s.p, width: s.width };
}

/** Both scaling rules checked on the dropout network's first hidden layer over the validation inputs. */
function scalingView(s: DropoutState) {
  const a = noGrad(() => s.runs.dropout.net.firstActivations(s.valX).detach()); // [60, width]
  return {
    p: s.p,
    classic: { ...scalingCheck(a, s.p, 'classic', s.checkSeed) },
    inverted: { ...scalingCheck(a, s.p, 'inverted', s.checkSeed) },
  };
}

function dropoutViews(s: DropoutState, wanted: readonly string[]): Partial<DropoutViews> {
  const views: Partial<DropoutViews> = {};
  if (wanted.includes('curves'))
    views.curves = { plain: runCurves(s, s.runs.plain), dropout: runCurves(s, s.runs.dropout) };
  if (wanted.includes('masks')) views.masks = masksView(s);
  if (wanted.includes('scaling')) views.scaling = scalingView(s);
  return views;
}

function setDropoutParam(s: DropoutState, name: string, value: ParamValue): void {
  if (typeof value !== 'number') return;
  if (name === 'p') {
    s.p = value;
    s.runs.dropout.net.p = value;
  }
  const lr = liveLearningRate(dropoutParams, name, value);
  if (lr !== null) for (const run of [s.runs.plain, s.runs.dropout]) run.optimizer.lr = lr;
}

export function createDropout(params: ParamValues, seed: number): Trainer<DropoutViews> {
  const s = buildDropoutState(params, seed);
  return {
    step: (n) => stepDropout(s, n),
    metrics: (): Metrics => ({
      step: s.steps,
      epoch: s.steps,
      loss: s.runs.dropout.train,
      valLoss: s.runs.dropout.val,
    }),
    views: (wanted) => dropoutViews(s, wanted),
    set: (name, value) => setDropoutParam(s, name, value),
    divergence: () => s.diverged,
  };
}

export const dropoutExperiment: Experiment<DropoutViews> = {
  id: 'reg-dropout',
  title: 'Dropout: with and without, classic and inverted scaling',
  params: dropoutParams,
  create: createDropout,
};

/**
 * `lstm-recall`: the LSTM chapter's one experiment. A plain RNN and an LSTM with about the same number of parameters
 * learn the recall task (recallTask.ts) side by side from one seed and one stream of batches; either can run alone.
 *
 * Views (declared with their shape checks in views.ts; the gradient flow is computed at most once per `VIEW_EVERY`
 * steps, every view only when the page asks for it):
 *   curves    each running model's held-out accuracy and training loss
 *   trace     the LSTM's gates and states on one held-out sequence (recallViews.ts), LSTM only
 *   gradflow  each running model's mean ‖∂L/∂state‖ by steps back (recallViews.ts)
 *   info      the models' sizes and the task
 */
import { adam, noGrad, Rng, RNNCell, type Adam } from '../../core';
import { argmax } from '../../core/sampling';
import { logSumExp } from '../../core/scalar';
import { PointRecorder, isDiverging } from '../descent/recorder';
import { liveLearningRate } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import {
  LSTM_HIDDEN,
  RNN_HIDDEN,
  RecallModel,
  countParameters,
  setRecurrentNorm,
  type CellKind,
} from './recallModel';
import { gateTrace, gradientThroughTime } from './recallViews';
import type { GradFlowView, RecallCurvesView, RecallInfoView, RecallViews } from './views';
import { PAYLOAD_COUNT, RECALL_CHANCE, makeRecallSplit, sequenceText, type RecallSplit } from './recallTask';
import { learningRateParam } from '../paramSpecs';

export const RECALL_BATCH = 32;
/** Gradient clipping (global norm) for both models. */
export const CLIP_NORM = 1;
/** Held-out accuracy is measured every this many steps (it costs about eight training forwards). */
export const EVAL_EVERY = 10;
/** Accuracy that counts as solved. */
export const SOLVED_ACCURACY = 0.95;
const VIEW_EVERY = 5;

export const recallParams: ParamTable = [
  {
    name: 'models',
    label: 'Models',
    type: 'enum',
    default: 'both',
    options: [
      { value: 'both', label: 'RNN and LSTM' },
      { value: 'rnn', label: 'RNN only' },
      { value: 'lstm', label: 'LSTM only' },
    ],
    live: false,
  },
  {
    name: 'gap',
    label: 'Gap k (distracting tokens)',
    type: 'int',
    default: 40,
    min: 1,
    max: 60,
    live: false,
  },
  {
    name: 'fbias',
    label: 'LSTM forget-gate bias b_f at start',
    type: 'number',
    default: 3,
    min: -2,
    max: 4,
    step: 0.5,
    live: false,
  },
  {
    name: 'rnnnorm',
    label: 'RNN ‖W_hh‖₂ at start',
    type: 'number',
    default: 1,
    min: 0.25,
    max: 3,
    step: 0.05,
    live: false,
  },
  learningRateParam({ default: 0.01, min: 0.0005, max: 0.1 }),
  { name: 'example', label: 'Example sequence', type: 'int', default: 0, min: 0, max: 63, live: true },
  // What the figures look at (no effect on training): the time step and the unit of the cell diagram.
  { name: 't', label: 'Time step t', type: 'int', default: 1, min: 1, max: 62, live: true },
  { name: 'unit', label: 'Unit j', type: 'int', default: 1, min: 1, max: LSTM_HIDDEN, live: true },
];

interface Contestant {
  kind: CellKind;
  model: RecallModel;
  opt: Adam;
  loss: number;
  valLoss: number;
  accuracy: number;
  solvedAt: number;
  acc: PointRecorder;
  losses: PointRecorder;
}

/** Held-out loss and accuracy of a model on the whole validation set. */
export function evaluate(model: RecallModel, split: RecallSplit): { loss: number; accuracy: number } {
  return noGrad(() => {
    const logits = model.logits(split.val, split.valCount, split.length).data; // [N, 4]
    let correct = 0;
    let loss = 0;
    for (let n = 0; n < split.valCount; n++) {
      const row = logits.subarray(n * PAYLOAD_COUNT, (n + 1) * PAYLOAD_COUNT); // [4]
      loss += logSumExp(row) - row[split.valTargets[n]];
      if (argmax(row) === split.valTargets[n]) correct++;
    }
    return { loss: loss / split.valCount, accuracy: correct / split.valCount };
  });
}

function makeContestant(kind: CellKind, params: ParamValues, seed: number): Contestant {
  const model = new RecallModel(
    { cell: kind, hiddenSize: kind === 'lstm' ? LSTM_HIDDEN : RNN_HIDDEN, forgetBias: Number(params.fbias) },
    seed,
  );
  if (model.cell instanceof RNNCell) setRecurrentNorm(model.cell, Number(params.rnnnorm));
  return {
    kind,
    model,
    opt: adam(model.parameters(), { lr: Number(params.lr), clipNorm: CLIP_NORM }),
    loss: NaN,
    valLoss: NaN,
    accuracy: RECALL_CHANCE,
    solvedAt: -1,
    acc: new PointRecorder(512),
    losses: new PointRecorder(512),
  };
}

/** Everything a recall run mutates: the contestants, the batch stream, the step count and the gradient-flow view. */
interface RecallState {
  split: RecallSplit;
  runs: Contestant[];
  batchRng: Rng;
  /** Reused batch buffers [RECALL_BATCH, T] and [RECALL_BATCH]. */
  tokens: Int32Array;
  targets: Int32Array;
  steps: number;
  diverged: string | null;
  example: number;
  /** The last gradient-flow view and the step it was measured at (it costs a backward pass per model). */
  gradflow: { at: number; view: GradFlowView } | null;
  initialLoss: number;
}

function buildRecallState(params: ParamValues, seed: number): RecallState {
  const split = makeRecallSplit({ gap: Number(params.gap), trainSize: 2048, valSize: 256 }, seed);
  const kinds: CellKind[] =
    params.models === 'both' ? ['rnn', 'lstm'] : [params.models === 'rnn' ? 'rnn' : 'lstm'];
  return {
    split,
    runs: kinds.map((k) => makeContestant(k, params, seed)),
    batchRng: new Rng(seed ^ 0x5bd1e995),
    tokens: new Int32Array(RECALL_BATCH * split.length),
    targets: new Int32Array(RECALL_BATCH),
    steps: 0,
    diverged: null,
    example: Number(params.example),
    gradflow: null,
    initialLoss: Math.log(PAYLOAD_COUNT),
  };
}

/** Held-out accuracy of every contestant at the current step (and the step each first solved the task). */
function measure(state: RecallState): void {
  for (const r of state.runs) {
    const { loss, accuracy } = evaluate(r.model, state.split);
    r.valLoss = loss;
    r.accuracy = accuracy;
    if (r.solvedAt < 0 && accuracy >= SOLVED_ACCURACY) r.solvedAt = state.steps;
    r.acc.push(state.steps, accuracy);
  }
}

/** Draws one batch of training sequences into the shared buffers (one stream for both models). */
function drawBatch(state: RecallState): void {
  const { split, batchRng, tokens, targets } = state;
  const T = split.length;
  for (let b = 0; b < RECALL_BATCH; b++) {
    const n = batchRng.int(split.trainCount);
    tokens.set(split.train.subarray(n * T, (n + 1) * T), b * T);
    targets[b] = split.trainTargets[n];
  }
}

function trainOne(state: RecallState): void {
  drawBatch(state);
  state.steps++;
  for (const r of state.runs) {
    r.opt.zeroGrad();
    const loss = r.model.loss(state.tokens, state.targets, RECALL_BATCH, state.split.length);
    loss.backward();
    r.loss = loss.item();
    if (isDiverging(r.loss, state.initialLoss)) {
      state.diverged = `the ${r.kind.toUpperCase()}'s loss became ${Number.isFinite(r.loss) ? 'huge' : 'non-finite'}`;
      return;
    }
    r.opt.step();
    r.losses.push(state.steps, r.loss);
  }
  if (state.steps % EVAL_EVERY === 0) measure(state);
}

/** Every running model's gradient flow, measured again once it is `VIEW_EVERY` steps old (the probe costs about one
 * training step). */
function gradFlowView(state: RecallState): GradFlowView {
  const hit = state.gradflow;
  if (hit && state.steps >= hit.at && state.steps - hit.at < VIEW_EVERY) return hit.view;
  const view: GradFlowView = {};
  for (const r of state.runs) view[r.kind] = gradientThroughTime(r.model, state.split);
  state.gradflow = { at: state.steps, view };
  return view;
}

const findKind = (state: RecallState, kind: CellKind) => state.runs.find((r) => r.kind === kind);

function recallMetrics(state: RecallState): Metrics {
  const { runs, steps } = state;
  const m = findKind(state, 'lstm') ?? runs[0];
  const out: Metrics = {
    step: steps,
    epoch: Math.floor((steps * RECALL_BATCH) / state.split.trainCount),
    loss: Number.isFinite(m.loss) ? m.loss : m.valLoss,
    accuracy: m.accuracy,
    valLoss: m.valLoss,
  };
  for (const r of runs) {
    out[`${r.kind}Accuracy`] = r.accuracy;
    out[`${r.kind}SolvedAt`] = r.solvedAt;
  }
  return out;
}

function curvesView(runs: Contestant[]): RecallCurvesView {
  const curves: RecallCurvesView = {};
  for (const r of runs) {
    curves[`${r.kind}Acc`] = r.acc.toInterleaved();
    curves[`${r.kind}Loss`] = r.losses.toInterleaved();
  }
  return curves;
}

function infoView(state: RecallState): RecallInfoView {
  const { split, example } = state;
  const T = split.length;
  const r = findKind(state, 'rnn');
  const l = findKind(state, 'lstm');
  return {
    rnnParams: r ? countParameters(r.model) : 0,
    lstmParams: l ? countParameters(l.model) : 0,
    chance: RECALL_CHANCE,
    length: T,
    gap: split.gap,
    trainCount: split.trainCount,
    valCount: split.valCount,
    example: sequenceText(split.val, Math.min(example, split.valCount - 1) * T, T),
  };
}

function recallViews(state: RecallState, wanted: readonly string[]): Partial<RecallViews> {
  const views: Partial<RecallViews> = {};
  if (wanted.includes('curves')) views.curves = curvesView(state.runs);
  const l = findKind(state, 'lstm');
  if (wanted.includes('trace') && l) {
    const trace = gateTrace(l.model, state.split, state.example); // one short forward: always fresh
    if (trace) views.trace = trace;
  }
  if (wanted.includes('gradflow')) views.gradflow = gradFlowView(state);
  if (wanted.includes('info')) views.info = infoView(state);
  return views;
}

export function createRecall(params: ParamValues, seed: number): Trainer<RecallViews> {
  const state = buildRecallState(params, seed);
  measure(state);
  return {
    step(n) {
      for (let k = 0; k < n && state.diverged === null; k++) trainOne(state);
    },
    metrics: () => recallMetrics(state),
    views: (wanted) => recallViews(state, wanted),
    set(name, value) {
      const lr = liveLearningRate(recallParams, name, value);
      if (lr !== null) for (const r of state.runs) r.opt.lr = lr;
      if (name === 'example' && typeof value === 'number') state.example = value;
    },
    divergence: () => state.diverged,
  };
}

export const recallExperiment: Experiment<RecallViews> = {
  id: 'lstm-recall',
  title: 'Recall after a gap: RNN vs LSTM',
  params: recallParams,
  create: createRecall,
};

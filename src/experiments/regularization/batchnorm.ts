/**
 * Regularisation step 6: batch normalisation. The activations chapter's deep sigmoid network (its vanishing-gradient
 * step: 8 hidden layers of 8, Xavier init, plain SGD, mini-batches of 16 on the circle set) trains side by side with
 * the same network plus batch norm before every sigmoid — same initial weights, same mini-batches. Read-outs: both
 * losses, per-layer activation histograms and gradient norms, and the learned γ and β of every batch-norm layer.
 */
import { BatchSampler, Rng, binaryCrossEntropy, gatherRows, noGrad, sgd, tensor, type SGD } from '../../core';
import { learningRateParam } from '../paramSpecs';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { BatchnormViews } from './views';
import { CurveRecorder } from '../activations/curve';
import { makeTask, type Split } from '../activations/task';
import { SigmoidNet } from './batchnormNet';
import { learningRateSetter } from '../params';

export const batchnormParams: ParamTable = [
  {
    name: 'depth',
    label: 'Hidden layers',
    type: 'int',
    default: 8,
    min: 2,
    max: 12,
    live: false,
    help: 'Depth of both networks.',
  },
  { name: 'width', label: 'Neurons per layer', type: 'int', default: 8, min: 2, max: 16, live: false },
  learningRateParam({ default: 0.1, min: 0.001, max: 3, step: 0.001 }),
];

const N_POINTS = 200;
const BATCH = 16;
/** Bins of the activation histograms over [0, 1] (a sigmoid's range). */
export const BINS = 20;
/** Smoothing of the gradient norms (exponential moving average over steps). */
const EMA = 0.9;

interface Run {
  net: SigmoidNet;
  opt: SGD;
  grads: Float64Array;
  loss: number;
  valLoss: number;
}

/** Standard deviation of each layer's activations (over samples and neurons): how spread out they are. */
function spreads(acts: Float32Array[]): Float64Array {
  return Float64Array.from(acts, (a) => {
    const mean = a.reduce((m, v) => m + v, 0) / a.length;
    return Math.sqrt(a.reduce((m, v) => m + (v - mean) ** 2, 0) / a.length);
  });
}

/** Per-layer histogram of activations: rows = layers, BINS columns of fractions (each row sums to 1). */
function histograms(acts: Float32Array[]): Float32Array {
  const out = new Float32Array(acts.length * BINS);
  acts.forEach((a, l) => {
    for (let i = 0; i < a.length; i++)
      out[l * BINS + Math.min(BINS - 1, Math.floor(a[i] * BINS))] += 1 / a.length;
  });
  return out;
}

/** Loss on a whole split in inference mode (batch norm uses its running statistics). */
function lossOn(run: Run, split: Split): number {
  return noGrad(() => {
    run.net.eval();
    const out = run.net.forward(tensor(split.x, [split.n, 2])); // [n, 1]
    const loss = binaryCrossEntropy(out, split.y).item();
    run.net.train();
    return loss;
  });
}

/** Hidden activations of a split in inference mode, per layer [n·width]. */
function activations(run: Run, split: Split): Float32Array[] {
  return noGrad(() => {
    run.net.eval();
    const acts: ReturnType<typeof tensor>[] = [];
    run.net.forward(tensor(split.x, [split.n, 2]), acts);
    run.net.train();
    return acts.map((a) => a.data.slice());
  });
}

/**
 * One SGD step of `run` on batch (x [B, 2], y [B]); returns the batch loss and steps only when it is finite. The
 * per-layer gradient norms are smoothed (EMA), except on the `first` step, which sets them.
 */
function trainRun(run: Run, x: ReturnType<typeof tensor>, y: Float32Array, first: boolean): number {
  run.opt.zeroGrad();
  const loss = binaryCrossEntropy(run.net.forward(x), y); // [] mean over the batch
  const value = loss.item();
  if (!Number.isFinite(value)) return value;
  loss.backward();
  run.net.weightGradNorms().forEach((g, l) => {
    run.grads[l] = first ? g : EMA * run.grads[l] + (1 - EMA) * g;
  });
  run.opt.step();
  return value;
}

/**
 * The `layers` view, per layer l = 1…depth (+ output for the gradient norms): [depth·BINS] histograms, [depth + 1]
 * norms, [depth] activation spreads (std), [depth] mean γ and mean β of the batch-norm network.
 */
function layersView(runs: { plain: Run; bn: Run }, depth: number, train: Split) {
  const mean = (t: { data: Float32Array }) => t.data.reduce((s, v) => s + v, 0) / t.data.length;
  const actsPlain = activations(runs.plain, train);
  const actsBn = activations(runs.bn, train);
  return {
    depth,
    bins: BINS,
    histPlain: histograms(actsPlain),
    histBn: histograms(actsBn),
    spreadPlain: spreads(actsPlain),
    spreadBn: spreads(actsBn),
    gradPlain: runs.plain.grads.slice(),
    gradBn: runs.bn.grads.slice(),
    gamma: Float64Array.from(runs.bn.net.norms, (m) => mean(m.gamma)),
    beta: Float64Array.from(runs.bn.net.norms, (m) => mean(m.beta)),
  };
}

export function createBatchnorm(params: ParamValues, seed: number): Trainer<BatchnormViews> {
  const root = new Rng(seed);
  const task = makeTask('circle', { n: N_POINTS, noise: 0.05, testFraction: 0.2 }, root.nextU32());
  const depth = params.depth as number;
  const width = params.width as number;
  const initSeed = root.nextU32();
  const sampler = new BatchSampler(task.train.n, { mode: 'minibatch', batchSize: BATCH }, root.nextU32());
  const makeRun = (bn: boolean): Run => {
    const net = new SigmoidNet(width, depth, bn, initSeed);
    return {
      net,
      opt: sgd(net.parameters(), { lr: params.lr as number }),
      grads: new Float64Array(depth + 1),
      loss: NaN,
      valLoss: NaN,
    };
  };
  const runs = { plain: makeRun(false), bn: makeRun(true) };
  const curve = new CurveRecorder(2);
  let steps = 0;
  let epoch = 0;
  let diverged: string | null = null;

  const record = () => {
    for (const run of [runs.plain, runs.bn]) {
      run.loss = lossOn(run, task.train);
      run.valLoss = lossOn(run, task.test);
    }
    curve.push(steps, runs.plain.loss, runs.bn.loss);
  };
  record();

  const trainStep = (run: Run, x: ReturnType<typeof tensor>, y: Float32Array) => {
    const value = trainRun(run, x, y, steps === 0);
    if (!Number.isFinite(value)) {
      diverged = `The loss became ${value} at step ${steps + 1}. Lower the learning rate and press Reset.`;
    }
  };

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        const batch = sampler.next();
        const size = batch.indices.length;
        const x = tensor(gatherRows(task.train.x, 2, batch.indices), [size, 2]); // [B, 2]
        const y = gatherRows(task.train.y, 1, batch.indices); // [B]
        trainStep(runs.plain, x, y);
        trainStep(runs.bn, x, y);
        if (diverged !== null) break;
        steps++;
        epoch = batch.epoch;
        if (steps < 200 || steps % 5 === 0) record();
      }
    },
    metrics(): Metrics {
      return {
        step: steps,
        epoch,
        loss: runs.bn.loss,
        valLoss: runs.bn.valLoss,
        lossPlain: runs.plain.loss,
        lossBn: runs.bn.loss,
      };
    },
    views(wanted) {
      const views: Partial<BatchnormViews> = {};
      if (wanted.includes('curves')) {
        const { x, ys } = curve.view();
        views.curves = { x, plain: ys[0], bn: ys[1], lossPlain: runs.plain.loss, lossBn: runs.bn.loss };
      }
      if (wanted.includes('layers')) views.layers = layersView(runs, depth, task.train);
      return views;
    },
    set: learningRateSetter(batchnormParams, () => [runs.plain.opt, runs.bn.opt]),
    divergence: () => diverged,
  };
}

export const batchnormExperiment: Experiment<BatchnormViews> = {
  id: 'reg-batchnorm',
  title: 'Batch normalisation in a deep sigmoid network',
  params: batchnormParams,
  create: createBatchnorm,
};

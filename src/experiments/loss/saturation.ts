/**
 * Step 5: why cross-entropy and not squared error for probabilities. One sigmoid neuron, h(x) = σ(θ₀ + θ₁x₁ + θ₂x₂),
 * on two blobs, started confidently wrong: θ = (0, −c, −c), so a typical point of class 1 gets z ≈ −c and h ≈ 0.
 * Two copies from the same start and the same data train side by side with full-batch gradient descent:
 *   run "mse": L = 1/N Σ (σ(zᵢ) − yᵢ)²   → ∂L/∂zᵢ ∝ (hᵢ − yᵢ)·hᵢ(1 − hᵢ): the σ′ factor is ≈ 0 when saturated, so it stalls
 *   run "bce": L = BCE(σ(zᵢ), yᵢ)         → ∂L/∂zᵢ ∝ hᵢ − yᵢ ≈ ±1: a confident mistake gets a full push
 * Both losses are the core's (mse on the core's sigmoid, binaryCrossEntropy from logits).
 *
 * Metrics: loss = the BCE run's cross-entropy; per run r ∈ {mse, bce}: acc_r, sq_r (its mean squared error of h),
 * ce_r (its cross-entropy), so both runs are compared on the same two scales.
 * Views:
 *   history  { accMse, accBce, sqMse, sqBce }: each interleaved [step, value, …] (bounded, PointRecorder)
 */
import { noGrad } from '../../core/autograd';
import { binaryCrossEntropy, mse } from '../../core/losses';
import { Linear } from '../../core/nn/linear';
import { sigmoid } from '../../core/ops/activations';
import { SGD } from '../../core/optim';
import { Rng } from '../../core/random';
import { Tensor } from '../../core/tensor';
import { PointRecorder } from '../descent/recorder';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { allFinite, twoBlobs } from './data';

export const SATURATION_POINTS = 200;

export const saturationParams: ParamTable = [
  {
    name: 'lr',
    label: 'Learning rate α',
    type: 'number',
    default: 1,
    min: 0.01,
    max: 10,
    scale: 'log',
    live: true,
  },
  {
    name: 'wrong',
    label: 'Wrong start c',
    type: 'number',
    default: 8,
    min: 0,
    max: 12,
    step: 0.5,
    live: false,
    help: 'θ starts at (0, −c, −c).',
  },
];

type RunName = 'mse' | 'bce';

interface Run {
  name: RunName;
  model: Linear;
  optimizer: SGD;
  acc: PointRecorder;
  sq: PointRecorder;
}

export function createSaturation(params: ParamValues, seed: number): Trainer {
  const data = twoBlobs(SATURATION_POINTS, new Rng(seed).nextU32());
  const inputs = new Tensor(data.x, [data.n, 2]); // [n, 2]
  const c = Number(params.wrong);
  const makeRun = (name: RunName): Run => {
    const model = new Linear({ inFeatures: 2, outFeatures: 1 }, seed);
    model.weight.data.set([-c, -c]); // W [1, 2]
    model.bias!.data[0] = 0; // b [1]
    return {
      name,
      model,
      optimizer: new SGD(model.parameters(), { lr: Number(params.lr) }),
      acc: new PointRecorder(1024),
      sq: new PointRecorder(1024),
    };
  };
  const runs = [makeRun('mse'), makeRun('bce')];
  let step = 0;
  let diverged: string | null = null;

  /** Accuracy, mean squared error of h and cross-entropy of one run at its current θ. */
  function evaluate(run: Run) {
    return noGrad(() => {
      const logits = run.model.forward(inputs); // [n, 1]
      const ce = binaryCrossEntropy(logits, data.y).item();
      const sq = mse(sigmoid(logits), data.y).item();
      let correct = 0;
      for (let i = 0; i < data.n; i++) if (logits.data[i] > 0 === data.y[i] > 0.5) correct++;
      return { acc: correct / data.n, sq, ce };
    });
  }
  const record = () => {
    for (const run of runs) {
      const e = evaluate(run);
      run.acc.push(step, e.acc);
      run.sq.push(step, e.sq);
    }
  };
  record();

  function trainOne(run: Run) {
    run.optimizer.zeroGrad();
    const logits = run.model.forward(inputs); // [n, 1]
    const loss = run.name === 'mse' ? mse(sigmoid(logits), data.y) : binaryCrossEntropy(logits, data.y); // []
    loss.backward();
    run.optimizer.step();
  }

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        for (const run of runs) trainOne(run);
        step++;
        record();
        if (!runs.every((r) => r.model.parameters().every((p) => allFinite(p.data))))
          diverged = `a weight became non-finite at step ${step}`;
      }
    },
    metrics(): Metrics {
      const [a, b] = runs.map(evaluate);
      return {
        step,
        epoch: step,
        loss: b.ce,
        accMse: a.acc,
        accBce: b.acc,
        sqMse: a.sq,
        sqBce: b.sq,
        ceMse: a.ce,
        ceBce: b.ce,
      };
    },
    views(wanted): Views {
      const out: Views = {};
      if (wanted.includes('history')) {
        const [a, b] = runs;
        out.history = {
          accMse: a.acc.toInterleaved(),
          accBce: b.acc.toInterleaved(),
          sqMse: a.sq.toInterleaved(),
          sqBce: b.sq.toInterleaved(),
        };
      }
      return out;
    },
    set(name: string, value: ParamValue) {
      if (name === 'lr' && typeof value === 'number') for (const r of runs) r.optimizer.lr = value;
    },
    divergence: () => diverged,
  };
}

export const saturationExperiment: Experiment = {
  id: 'loss-saturation',
  title: 'Squared error vs cross-entropy from a confidently wrong start',
  params: saturationParams,
  create: createSaturation,
};

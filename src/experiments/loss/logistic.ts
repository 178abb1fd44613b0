/**
 * Step 4: binary cross-entropy on a sigmoid output is logistic regression. P(y = 1 | x; θ) = σ(θᵀx) with
 * θ = (θ₁, θ₂) and x = (x₁, x₂); the two blobs sit either side of the origin, so no bias is needed and the decision
 * boundary θᵀx = 0 is a line through the origin, perpendicular to θ. Full-batch gradient descent from a chosen
 * start (th1, th2) on the core's binaryCrossEntropy from logits.
 *
 * Views (types in views.ts):
 *   surface  the mean BCE over a SURFACE_SIZE² grid of (θ₁, θ₂) in THETA_WINDOW² (GridView: values[j·nx + i])
 *   path     θ after every recorded step, interleaved [θ₁, θ₂, …] (bounded, PointRecorder)
 *   state    { th1, th2, g1, g2, loss }: θ, ∂L/∂θ and L now
 *   points   x [n, 2] row-major, y [n] labels 0/1
 */
import { noGrad } from '../../core/autograd';
import { binaryCrossEntropy } from '../../core/losses';
import { Linear } from '../../core/nn/linear';
import { SGD } from '../../core/optim';
import { Rng } from '../../core/random';
import { Tensor } from '../../core/tensor';
import { PointRecorder } from '../descent/recorder';
import { sampleGrid, type GridView } from '../gridView';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import { allFinite, twoBlobs } from './data';
import { binaryCrossEntropyOfLogit } from './formulas';
import { learningRateSetter } from '../params';
import type { LogisticViews } from './views';
import { learningRateParam } from '../paramSpecs';

export const THETA_WINDOW: [number, number] = [-6, 8];
const SURFACE_SIZE = 41;
export const LOGISTIC_POINTS = 200;

const start = (name: string, label: string, def: number) =>
  ({
    name,
    label,
    type: 'number',
    default: def,
    min: THETA_WINDOW[0],
    max: THETA_WINDOW[1],
    step: 0.1,
    live: false,
    help: 'Where gradient descent starts; click the loss surface to choose.',
  }) as const;

export const logisticParams: ParamTable = [
  learningRateParam({ default: 1, min: 0.01, max: 20 }),
  start('th1', 'Start θ₁', -4),
  start('th2', 'Start θ₂', 3),
];

/** Mean BCE of σ(θ₁x₁ + θ₂x₂) on the data, in float64 (the surface; the training uses the core's loss). */
export function logisticLoss(x: Float32Array, y: Float32Array, th1: number, th2: number): number {
  let s = 0;
  for (let i = 0; i < y.length; i++)
    s += binaryCrossEntropyOfLogit(th1 * x[2 * i] + th2 * x[2 * i + 1], y[i]);
  return s / Math.max(1, y.length);
}

export function createLogistic(params: ParamValues, seed: number): Trainer<LogisticViews> {
  const data = twoBlobs(LOGISTIC_POINTS, new Rng(seed).nextU32());
  const model = new Linear({ inFeatures: 2, outFeatures: 1, bias: false }, seed); // θ as W [1, 2]
  model.weight.data.set([params.th1 as number, params.th2 as number]);
  const optimizer = new SGD(model.parameters(), { lr: params.lr as number });
  const inputs = new Tensor(data.x, [data.n, 2]); // [n, 2]
  const path = new PointRecorder(1024);
  const theta = () => [model.weight.data[0], model.weight.data[1]] as const;
  path.push(...theta());
  let step = 0;
  let diverged: string | null = null;
  let surface: GridView | null = null;

  /** L, ∂L/∂θ and accuracy at the current θ (one recorded forward/backward, weights untouched). */
  function evaluate() {
    optimizer.zeroGrad();
    const loss = binaryCrossEntropy(model.forward(inputs), data.y); // []
    const value = loss.item();
    loss.backward();
    const g = model.weight.grad!;
    const grad = [g[0], g[1]] as const;
    optimizer.zeroGrad();
    const logits = noGrad(() => model.forward(inputs).data); // [n, 1]
    let correct = 0;
    for (let i = 0; i < data.n; i++) if (logits[i] > 0 === data.y[i] > 0.5) correct++;
    return { loss: value, grad, accuracy: correct / data.n };
  }
  let cached: { step: number; value: ReturnType<typeof evaluate> } | null = null;
  const current = () => {
    if (cached?.step !== step) cached = { step, value: evaluate() };
    return cached.value;
  };

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        optimizer.zeroGrad();
        const loss = binaryCrossEntropy(model.forward(inputs), data.y); // []
        loss.backward();
        optimizer.step();
        step++;
        path.push(...theta());
        if (!allFinite(model.weight.data)) diverged = `θ became non-finite at step ${step}`;
      }
    },
    metrics(): Metrics {
      const { loss, accuracy } = current();
      const [th1, th2] = theta();
      return { step, epoch: step, loss, accuracy, th1, th2 };
    },
    views(wanted) {
      const out: Partial<LogisticViews> = {};
      if (wanted.includes('surface')) {
        surface ??= sampleGrid(
          (a, b) => logisticLoss(data.x, data.y, a, b),
          SURFACE_SIZE,
          SURFACE_SIZE,
          THETA_WINDOW[0],
          THETA_WINDOW[1],
          THETA_WINDOW[0],
          THETA_WINDOW[1],
        );
        out.surface = { ...surface, values: surface.values.slice() }; // a copy: the worker transfers it
      }
      if (wanted.includes('path')) out.path = path.toInterleaved(theta());
      if (wanted.includes('state')) {
        const { loss, grad } = current();
        const [th1, th2] = theta();
        out.state = { th1, th2, g1: grad[0], g2: grad[1], loss };
      }
      if (wanted.includes('points')) out.points = { x: data.x.slice(), y: data.y.slice() };
      return out;
    },
    set: learningRateSetter(logisticParams, () => [optimizer]),
    divergence: () => diverged,
  };
}

export const logisticExperiment: Experiment<LogisticViews> = {
  id: 'loss-logistic',
  title: 'Logistic regression: sigmoid + binary cross-entropy',
  params: logisticParams,
  create: createLogistic,
};

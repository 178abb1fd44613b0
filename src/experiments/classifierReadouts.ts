/**
 * What the 2-D classifier (classifier2d.ts) reports: its metrics on the training and held-out points, and the views
 * its figures draw (shapes declared in classifierViews.ts).
 */
import { noGrad } from '../core/autograd';
import type { Dataset2D } from '../core/data/datasets2d';
import { binaryCrossEntropy } from '../core/losses';
import type { MLP } from '../core/nn/linear';
import { Tensor } from '../core/tensor';
import { boundaryGrid } from './classifierBoundary';
import { BoundedSeries } from './boundedSeries';
import type { ClassifierViews } from './classifierViews';
import type { Metrics } from './types';

/**
 * The classifier's loss history: 1024 float32 points (flat memory, docs/CONTRACTS.md, "Reliability rules"); a
 * compaction keeps the later point of each pair. Its snapshot is part of the timeline's.
 */
export type LossHistory = BoundedSeries<'step' | 'loss', Float32Array>;
export function newLossHistory(): LossHistory {
  const options = { capacity: 1024, keep: 'later', sampling: 'sinceKept', precision: 'f32' } as const;
  return new BoundedSeries<'step' | 'loss', Float32Array>({ columns: ['step', 'loss'], ...options });
}

/** Mean BCE and accuracy of the model on a dataset (no tape). */
function evaluate(model: MLP, data: Dataset2D): { loss: number; accuracy: number } {
  if (data.n === 0) return { loss: NaN, accuracy: NaN };
  return noGrad(() => {
    const logits = model.forward(new Tensor(data.x, [data.n, 2])); // [n, 1]
    const loss = binaryCrossEntropy(logits, data.y).item();
    let correct = 0;
    for (let i = 0; i < data.n; i++) if (logits.data[i] > 0 === data.y[i] > 0.5) correct++;
    return { loss, accuracy: correct / data.n };
  });
}

export function classifierMetrics(
  model: MLP,
  data: { train: Dataset2D; test: Dataset2D },
  run: { step: number; epoch: number; lastBatchLoss: number; penalty: number },
): Metrics {
  const tr = evaluate(model, data.train);
  const te = evaluate(model, data.test);
  const metrics: Metrics = { step: run.step, epoch: run.epoch, loss: tr.loss, accuracy: tr.accuracy };
  if (data.test.n > 0) {
    metrics.valLoss = te.loss;
    metrics.valAccuracy = te.accuracy;
  }
  if (Number.isFinite(run.lastBatchLoss)) metrics.batchLoss = run.lastBatchLoss;
  if (run.penalty > 0) metrics.penalty = run.penalty;
  // Non-finite metrics are left out (the contract: omit rather than NaN) except `loss`, which the runtime checks.
  for (const k of Object.keys(metrics)) if (k !== 'loss' && !Number.isFinite(metrics[k])) delete metrics[k];
  return metrics;
}

/** ‖∂L/∂W⁽ˡ⁾‖₂ of every layer's weights (not biases) into `out`, after a backward pass. */
export function weightGradNorms(model: MLP, out: Float32Array) {
  for (let l = 0; l < model.layers.length; l++) {
    const g = model.layers[l].weight.grad;
    let s = 0;
    if (g) for (let k = 0; k < g.length; k++) s += g[k] * g[k];
    out[l] = Math.sqrt(s);
  }
}

interface ViewSources {
  model: MLP;
  train: Dataset2D;
  test: Dataset2D;
  history: LossHistory;
  lastGradNorms: Float32Array;
  /** Layer widths, input to output: [2, …hidden, 1]. */
  sizes: number[];
  /** The `act` setting, as the network diagram labels it. */
  activation: string;
}

export function classifierViews(wanted: readonly string[], of: ViewSources): Partial<ClassifierViews> {
  const { model, train, test, history, lastGradNorms, sizes } = of;
  const out: Partial<ClassifierViews> = {};
  for (const name of wanted) {
    switch (name) {
      case 'boundary':
        out.boundary = boundaryGrid(model);
        break;
      case 'points':
        out.points = { train: { x: train.x, y: train.y }, test: { x: test.x, y: test.y } };
        break;
      case 'lossHistory':
        out.lossHistory = {
          step: history.column('step').slice(),
          loss: history.column('loss').slice(),
        };
        break;
      case 'gradNorms':
        out.gradNorms = {
          layers: model.layers.map((_, l) => `W${l + 1}`),
          values: lastGradNorms.slice(),
        };
        break;
      case 'grads':
        out.grads = model.layers.map((layer) => ({
          w: layer.weight.grad ? layer.weight.grad.slice() : new Float32Array(layer.weight.size),
          b: layer.bias?.grad ? layer.bias.grad.slice() : new Float32Array(layer.weight.shape[0]),
        }));
        break;
      case 'weights':
        out.weights = {
          sizes,
          activation: of.activation,
          layers: model.layers.map((layer) => ({
            w: layer.weight.data.slice(),
            b: layer.bias ? layer.bias.data.slice() : new Float32Array(layer.weight.shape[0]),
          })),
        };
        break;
    }
  }
  return out;
}

import type { BatchnormLayersView } from '../../../experiments/regularization/views';
import { NO_VALUES } from './views';

type LayersView = BatchnormLayersView | undefined;

/** Ratio of the first layer's gradient norm to the output layer's (how much of the gradient reaches the input). */
export function reach(g: ArrayLike<number>): number | undefined {
  return g.length > 1 && g[g.length - 1] > 0 ? g[0] / g[g.length - 1] : undefined;
}

export function mean(a: ArrayLike<number>): number | undefined {
  if (a.length === 0) return undefined;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/** Small ratios in exponent notation (a vanished gradient is 1e-6, not 0.0000). */
export function sci(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '–' : x.toExponential(1);
}

/** Per-layer read of the `layers` view: gradient norms, γ/β and the 1-based layer positions to plot them at. */
export interface BatchNormLayers {
  depth: number;
  layerX: number[];
  gradPlain: ArrayLike<number>;
  gradBn: ArrayLike<number>;
  gamma: ArrayLike<number>;
  beta: ArrayLike<number>;
  spreadPlain: number | undefined;
  spreadBn: number | undefined;
}

export function batchNormLayers(layers: LayersView): BatchNormLayers {
  const depth = layers?.depth ?? 0;
  return {
    depth,
    // One more position than hidden layers: the output layer's gradient is plotted last.
    layerX: Array.from({ length: depth + 1 }, (_, l) => l + 1),
    gradPlain: layers?.gradPlain ?? NO_VALUES,
    gradBn: layers?.gradBn ?? NO_VALUES,
    gamma: layers?.gamma ?? NO_VALUES,
    beta: layers?.beta ?? NO_VALUES,
    spreadPlain: mean(layers?.spreadPlain ?? NO_VALUES),
    spreadBn: mean(layers?.spreadBn ?? NO_VALUES),
  };
}

/** Both networks' activation histograms as one matrix: rows "no BN 1…depth", then "BN 1…depth". */
export interface BatchNormHistogram {
  values: Float32Array;
  rows: number;
  bins: number;
  rowLabels: string[];
  colLabels: string[];
  /** False while the view is missing or its size does not match depth × bins (nothing to draw yet). */
  complete: boolean;
}

export function batchNormHistogram(layers: LayersView, depth: number): BatchNormHistogram {
  const bins = layers?.bins ?? 20;
  const histPlain = layers?.histPlain ?? NO_VALUES;
  const histBn = layers?.histBn ?? NO_VALUES;
  const values = new Float32Array(histPlain.length + histBn.length);
  values.set(Array.from(histPlain));
  values.set(Array.from(histBn), histPlain.length);
  return {
    values,
    rows: 2 * depth,
    bins,
    rowLabels: [
      ...Array.from({ length: depth }, (_, l) => `no BN ${l + 1}`),
      ...Array.from({ length: depth }, (_, l) => `BN ${l + 1}`),
    ],
    // A label every fifth bin: the bin's lower edge on the 0…1 sigmoid range.
    colLabels: Array.from({ length: bins }, (_, b) => (b % 5 === 0 ? (b / bins).toFixed(2) : '')),
    complete: depth > 0 && values.length === 2 * depth * bins,
  };
}

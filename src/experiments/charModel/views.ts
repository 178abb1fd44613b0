/**
 * The views the char-model experiment sends (the RNN and LSTM chapters draw them), declared once: the trainer builds
 * them, figures import the types and the shape checks (a frame of another experiment may carry a view of the same
 * name, e.g. on the step before).
 */
import type { CellKind } from './model';

export type CharModelViews = {
  model: ModelWeightsView;
  gradThroughTime: GradThroughTimeView;
};

/** The cell's weights by parameter name, so the page can run the same cell for tracing and sampling. */
export type ModelWeightsView = {
  cell: CellKind;
  hidden: number;
  vocab: string[];
  weights: Record<string, Float32Array>;
  step: number;
};

/** ‖∂L_T/∂h_{T−k}‖ for k = 0…K−1 on the probe line, its loss, and the largest singular value of the recurrent matrix. */
export type GradThroughTimeView = {
  norms: Float64Array;
  loss: number;
  sigma: number;
  step: number;
};

export function isModelWeightsView(v: unknown): v is ModelWeightsView {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<ModelWeightsView>;
  return (
    (m.cell === 'rnn' || m.cell === 'lstm') &&
    typeof m.hidden === 'number' &&
    Array.isArray(m.vocab) &&
    typeof m.weights === 'object' &&
    typeof m.step === 'number'
  );
}

export function isGradThroughTimeView(v: unknown): v is GradThroughTimeView {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Partial<GradThroughTimeView>;
  return g.norms instanceof Float64Array && typeof g.sigma === 'number' && typeof g.step === 'number';
}

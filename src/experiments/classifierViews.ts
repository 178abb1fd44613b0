/**
 * The views the 2-D classifier (classifier2d.ts) sends, declared once: classifierReadouts.ts builds them, figures
 * import the types and the shape checks. Other experiments send views of the same names ('points', 'weights',
 * 'gradNorms'), so each check tells its own shape from theirs (a frame of the step before may still carry one).
 * Type literals, not interfaces, so each is a ViewValue.
 */
import { isFloat32, isNumber, isNumberPair, isPlainObject, isString, shapeOf } from './viewShape';

export type ClassifierViews = {
  boundary: BoundaryView;
  points: PointsView;
  lossHistory: LossHistoryView;
  gradNorms: GradNormsView;
  weights: NetworkWeightsView;
  /** Layer l's ∂L/∂w [out, in] and ∂L/∂b [out] of the last step's mini-batch loss (zeros before the first step). */
  grads: LayerParamsView[];
};

/** P(class 1) on an nx × ny grid over the plane: values[j·nx + i], row j = 0 at the bottom (a charts Grid2D). */
export type BoundaryView = {
  values: Float32Array;
  nx: number;
  ny: number;
  xDomain: [number, number];
  yDomain: [number, number];
};

/** Points x [n, 2] row-major with labels y [n] (0/1). */
export type LabelledPointsView = { x: Float32Array; y: Float32Array };

export type PointsView = { train: LabelledPointsView; test: LabelledPointsView };

/** Mini-batch loss per recorded step, m ≤ 1024 (downsampled). */
export type LossHistoryView = { step: Float32Array; loss: Float32Array };

/** One ‖∂L/∂W⁽ˡ⁾‖₂ per layer (weights only) from the last step, labelled W1, W2, … */
export type GradNormsView = { layers: string[]; values: Float32Array };

/** One layer's weights w [out, in] row-major (row i = weights into neuron i) and biases b [out]. */
export type LayerParamsView = { w: Float32Array; b: Float32Array };

/** The whole network: layer widths input to output [2, …hidden, 1], the `act` setting, and every layer. */
export type NetworkWeightsView = { sizes: number[]; activation: string; layers: LayerParamsView[] };

// ── shape checks ─────────────────────────────────────────────────────────────────────────────────────────────────

export const isBoundaryView = shapeOf<BoundaryView>(
  { values: isFloat32, nx: isNumber, ny: isNumber, xDomain: isNumberPair, yDomain: isNumberPair },
  (g) => g.values.length === g.nx * g.ny,
);

const isLabelledPoints = shapeOf<LabelledPointsView>(
  { x: isFloat32, y: isFloat32 },
  (p) => p.x.length === 2 * p.y.length,
);

export const isPointsView = shapeOf<PointsView>({ train: isLabelledPoints, test: isLabelledPoints });

export const isLossHistoryView = shapeOf<LossHistoryView>(
  { step: isFloat32, loss: isFloat32 },
  (h) => h.step.length === h.loss.length,
);

export const isGradNormsView = shapeOf<GradNormsView>(
  { layers: (v) => Array.isArray(v) && v.every(isString), values: isFloat32 },
  (g) => g.layers.length === g.values.length,
);

/** Weights and biases of one layer, b one per row of w. */
const isLayerParams = shapeOf<LayerParamsView>(
  { w: isFloat32, b: isFloat32 },
  (p) => p.b.length > 0 && p.w.length % p.b.length === 0,
);

export function isNetworkWeightsView(v: unknown): v is NetworkWeightsView {
  if (!isPlainObject(v) || typeof v.activation !== 'string') return false;
  const { sizes, layers } = v;
  if (!Array.isArray(sizes) || !Array.isArray(layers) || sizes.length !== layers.length + 1) return false;
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) return false;
  // Layer l maps sizes[l] inputs to sizes[l + 1] outputs.
  return layers.every(
    (layer, l) =>
      isLayerParams(layer) && layer.b.length === sizes[l + 1] && layer.w.length === sizes[l] * sizes[l + 1],
  );
}

export function isLayerGrads(v: unknown): v is LayerParamsView[] {
  return Array.isArray(v) && v.length > 0 && v.every(isLayerParams);
}

/** The gradients belong to this network: one per layer, each the size of its weights. */
export function gradsMatch(grads: readonly LayerParamsView[], net: NetworkWeightsView): boolean {
  return (
    grads.length === net.layers.length &&
    grads.every((g, l) => g.w.length === net.layers[l].w.length && g.b.length === net.layers[l].b.length)
  );
}

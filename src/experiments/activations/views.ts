/**
 * The views the activations chapter's experiments send, declared once: each trainer is a Trainer<…Views> of its map
 * below, and the chapter's figures import the types and the shape checks for `useView`'s `accept`. All four steps
 * send a `curves` view and two of them the plane views (`fields`, `data`), each of its own shape, so a check accepts
 * only the fields its type declares: a frame of the step before may still carry another step's view of that name.
 * Type literals (not interfaces), so each is a ViewValue.
 */
import { exactShapeOf, isFloat32, isFloat64, isNumber, isString, isUint8, optional } from '../viewShape';

export type TaskKind = 'classify' | 'regress';

// ── shared by several steps ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A network's output over the plane (classify: P(class 1) on an n × n grid, row 0 at the bottom) or along the line
 * (regress: the prediction at n points); `b` is network B's, when it runs (activations-compare only).
 */
export type FieldsView = { kind: TaskKind; n: number; a: Float32Array; b?: Float32Array };

// ── activations-compare (compare.ts) ─────────────────────────────────────────────────────────────────────────────

export type CompareViews = {
  data: CompareDataView;
  fields: FieldsView;
  curves: CompareCurvesView;
  /** Network A's, then B's when it runs. */
  weights: NetworkWeightsView[];
};

/** The task's points: x [n, inDim] row-major, y [n]. */
export type CompareDataView = {
  kind: TaskKind;
  inDim: number;
  trainX: Float32Array;
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
};

/** Train and test loss of A and B at the recorded steps `x` (B's are NaN while B is off: `hasB` false). */
export type CompareCurvesView = {
  x: Float64Array;
  trainA: Float64Array;
  trainB: Float64Array;
  testA: Float64Array;
  testB: Float64Array;
  hasB: boolean;
};

/** One layer's weights w [rows, cols] row-major (row i = weights into neuron i) and biases b [rows]. */
export type WeightLayerView = { rows: number; cols: number; w: Float32Array; b: Float32Array };

/** One network: its name, each hidden layer's activation and every layer's weights. */
export type NetworkWeightsView = { label: string; acts: string[]; layers: WeightLayerView[] };

// ── activations-depth (depth.ts) and activations-dying (dying.ts) ────────────────────────────────────────────────

/** The views of a run on a 2-D task (task.ts addPlaneViews). */
export type PlaneViews = { fields: FieldsView; data: PlaneDataView };

/** The training points: x [n, 2] row-major, y [n]. */
export type PlaneDataView = { kind: TaskKind; inDim: number; trainX: Float32Array; trainY: Float32Array };

export type DepthViews = PlaneViews & {
  /** ‖∂L/∂W‖ per layer [depth + 1], input side first, smoothed over steps. */
  gradNorms: Float64Array;
  /** The same, of the last step only. */
  gradNormsStep: Float64Array;
  curves: DepthCurvesView;
};

/** Train and test loss at the recorded steps `x`. */
export type DepthCurvesView = { x: Float64Array; train: Float64Array; test: Float64Array };

export type DyingViews = PlaneViews & {
  curves: DyingCurvesView;
  /** Per hidden layer (input side first), 1 per dead unit, [width] each. */
  deadMask: Uint8Array[];
};

/** Training loss and the fraction of dead hidden units at the recorded steps `x`. */
export type DyingCurvesView = { x: Float64Array; loss: Float64Array; dead: Float64Array };

// ── activations-maxout (maxout.ts) ───────────────────────────────────────────────────────────────────────────────

export type MaxoutViews = { fit: MaxoutFitView; curves: MaxoutCurvesView };

/** The target and the unit's output h at the plotted points x, and its k pieces w·x + b. */
export type MaxoutFitView = {
  x: Float32Array;
  target: Float32Array;
  h: Float32Array;
  w: Float32Array;
  b: Float32Array;
};

/** Training loss at the recorded steps `x`. */
export type MaxoutCurvesView = { x: Float64Array; loss: Float64Array };

// ── shape checks ─────────────────────────────────────────────────────────────────────────────────────────────────

const isTaskKind = (v: unknown): v is TaskKind => v === 'classify' || v === 'regress';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** Every series as long as the steps `x`. */
function sameLength(first: ArrayLike<number>, ...rest: ArrayLike<number>[]): boolean {
  return rest.every((s) => s.length === first.length);
}

export const isFieldsView = exactShapeOf<FieldsView>(
  { kind: isTaskKind, n: isNumber, a: isFloat32, b: optional(isFloat32) },
  (f) => f.b === undefined || f.b.length === f.a.length,
);

export const isCompareDataView = exactShapeOf<CompareDataView>(
  {
    kind: isTaskKind,
    inDim: isNumber,
    trainX: isFloat32,
    trainY: isFloat32,
    testX: isFloat32,
    testY: isFloat32,
  },
  (d) => d.trainX.length === d.inDim * d.trainY.length && d.testX.length === d.inDim * d.testY.length,
);

export const isCompareCurvesView = exactShapeOf<CompareCurvesView>(
  {
    x: isFloat64,
    trainA: isFloat64,
    trainB: isFloat64,
    testA: isFloat64,
    testB: isFloat64,
    hasB: isBoolean,
  },
  (c) => sameLength(c.x, c.trainA, c.trainB, c.testA, c.testB),
);

const isWeightLayerView = exactShapeOf<WeightLayerView>(
  { rows: isNumber, cols: isNumber, w: isFloat32, b: isFloat32 },
  (l) => l.w.length === l.rows * l.cols && l.b.length === l.rows,
);

const isNetworkWeightsView = exactShapeOf<NetworkWeightsView>({
  label: isString,
  acts: (v) => Array.isArray(v) && v.every(isString),
  layers: (v) => Array.isArray(v) && v.length > 0 && v.every(isWeightLayerView),
});

export function isNetworkWeightsList(v: unknown): v is NetworkWeightsView[] {
  return Array.isArray(v) && v.length > 0 && v.every(isNetworkWeightsView);
}

export const isPlaneDataView = exactShapeOf<PlaneDataView>(
  { kind: isTaskKind, inDim: isNumber, trainX: isFloat32, trainY: isFloat32 },
  (d) => d.trainX.length === d.inDim * d.trainY.length,
);

/** `gradNorms` and `gradNormsStep`: one norm per layer. */
export function isLayerNorms(v: unknown): v is Float64Array {
  return isFloat64(v) && v.length > 0;
}

export const isDepthCurvesView = exactShapeOf<DepthCurvesView>(
  { x: isFloat64, train: isFloat64, test: isFloat64 },
  (c) => sameLength(c.x, c.train, c.test),
);

export const isDyingCurvesView = exactShapeOf<DyingCurvesView>(
  { x: isFloat64, loss: isFloat64, dead: isFloat64 },
  (c) => sameLength(c.x, c.loss, c.dead),
);

export function isDeadMask(v: unknown): v is Uint8Array[] {
  return Array.isArray(v) && v.every(isUint8);
}

export const isMaxoutFitView = exactShapeOf<MaxoutFitView>(
  { x: isFloat32, target: isFloat32, h: isFloat32, w: isFloat32, b: isFloat32 },
  (f) => sameLength(f.x, f.target, f.h) && sameLength(f.w, f.b),
);

export const isMaxoutCurvesView = exactShapeOf<MaxoutCurvesView>({ x: isFloat64, loss: isFloat64 }, (c) =>
  sameLength(c.x, c.loss),
);

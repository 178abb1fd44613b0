/**
 * The views the LSTM recall experiment (recall.ts) sends, declared once: recall.ts and recallViews.ts build them, the
 * LSTM chapter's figures import the types and the shape checks. Other experiments send a 'curves' view of another
 * shape, so each check tells its own shape from theirs (a frame of the step before may still carry one). Type
 * literals, not interfaces, so each is a ViewValue. Imports nothing that runs, so figures do not load the trainer.
 */
import type { CellKind } from './recallModel';
import { isNumber, isPlainObject, isString, shapeOf } from '../viewShape';

export type { CellKind };

export type RecallViews = {
  curves: RecallCurvesView;
  trace: GateTraceView;
  gradflow: GradFlowView;
  info: RecallInfoView;
};

/** Held-out accuracy and training loss of each model that runs, interleaved [step, value, …] (bounded). */
export type RecallCurvesView = Partial<Record<`${CellKind}${'Acc' | 'Loss'}`, Float32Array>>;

/** Mean ‖∂L/∂state‖ of each model that runs, by steps back from the last step: [T], out[k] at t = T − k. */
export type GradFlowView = Partial<Record<CellKind, Float32Array>>;

/** The two models' sizes and the task: chance accuracy, sequence length, gap, split sizes, one example sequence. */
export type RecallInfoView = {
  rnnParams: number;
  lstmParams: number;
  chance: number;
  length: number;
  gap: number;
  trainCount: number;
  valCount: number;
  example: string;
};

/** The LSTM's internals for one sequence. Every array of gates/states is row-major [H, T]: unit × time step. */
export type GateTraceView = {
  tokens: Int32Array; // [T]
  i: Float32Array;
  f: Float32Array;
  g: Float32Array;
  o: Float32Array;
  c: Float32Array;
  h: Float32Array;
  /** Pre-activations W·[hₜ₋₁; xₜ] + b of the four gates, [4, H, T] in the order i, f, g, o (float64 sums). */
  pre: Float32Array;
  /** Softmax of the readout at the last step, [payload count]. */
  probs: Float32Array;
  target: number;
  hidden: number;
  steps: number;
};

// ── shape checks ─────────────────────────────────────────────────────────────────────────────────────────────────

/** At least one key, every key one of `keys`, every value a Float32Array that passes `ok`. */
function isFloatsByName(v: unknown, keys: readonly string[], ok: (a: Float32Array) => boolean): boolean {
  if (!isPlainObject(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length > 0 && entries.every(([k, a]) => keys.includes(k) && a instanceof Float32Array && ok(a))
  );
}

const CURVE_KEYS = ['rnnAcc', 'lstmAcc', 'rnnLoss', 'lstmLoss'] as const;

export function isRecallCurvesView(v: unknown): v is RecallCurvesView {
  return isFloatsByName(v, CURVE_KEYS, (a) => a.length % 2 === 0);
}

export function isGradFlowView(v: unknown): v is GradFlowView {
  return isFloatsByName(v, ['rnn', 'lstm'], () => true);
}

export const isRecallInfoView = shapeOf<RecallInfoView>({
  rnnParams: isNumber,
  lstmParams: isNumber,
  chance: isNumber,
  length: isNumber,
  gap: isNumber,
  trainCount: isNumber,
  valCount: isNumber,
  example: isString,
});

const TRACE_ARRAYS = ['i', 'f', 'g', 'o', 'c', 'h'] as const;

export function isGateTraceView(v: unknown): v is GateTraceView {
  if (!isPlainObject(v)) return false;
  const { hidden, steps, tokens, pre, probs } = v;
  if (!Number.isInteger(hidden) || !Number.isInteger(steps) || typeof v.target !== 'number') return false;
  const n = (hidden as number) * (steps as number);
  return (
    tokens instanceof Int32Array &&
    tokens.length === steps &&
    TRACE_ARRAYS.every((k) => v[k] instanceof Float32Array && v[k].length === n) &&
    pre instanceof Float32Array &&
    pre.length === 4 * n &&
    probs instanceof Float32Array
  );
}

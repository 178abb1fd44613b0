/**
 * The contract between experiments (pure TypeScript, run in the worker and in Node tests), the worker runtime and the
 * pages. An experiment declares its parameters once; the same table drives the controls, URL encoding/decoding and
 * validation in the worker (docs/CONTRACTS.md, "Query parameters").
 */

interface ParamBase {
  /** URL name, e.g. 'lr'. Lower-case, short, stable: it is part of every share link. */
  name: string;
  /** Human label for the control, e.g. 'Learning rate α'. */
  label: string;
  /** May change while training (takes effect at the next step) — else changing it rebuilds the model. */
  live: boolean;
  /** One sentence shown as help / tooltip. */
  help?: string;
  unit?: string;
}

export interface NumberParam extends ParamBase {
  type: 'number';
  default: number;
  min: number;
  max: number;
  /** Slider step; the numeric entry accepts any value in range. */
  step?: number;
  /** Slider scale; 'log' for learning rates and strengths. */
  scale?: 'linear' | 'log';
  /**
   * What the runtime may do with it: `learningRate` is the step size the "Lower the learning rate" fix after a
   * divergence divides by ten. At most one per table.
   */
  role?: 'learningRate';
}

export interface IntParam extends ParamBase {
  type: 'int';
  default: number;
  min: number;
  max: number;
  step?: number;
}

export interface EnumParam extends ParamBase {
  type: 'enum';
  default: string;
  options: readonly { value: string; label: string }[];
}

export interface BoolParam extends ParamBase {
  type: 'bool';
  default: boolean;
}

/** A list of integers or numbers, e.g. hidden layer sizes '8,8'. */
export interface ListParam extends ParamBase {
  type: 'list';
  of: 'int' | 'number';
  default: readonly number[];
  /** Bounds for each element. */
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
}

export type ParamSpec = NumberParam | IntParam | EnumParam | BoolParam | ListParam;
export type ParamTable = readonly ParamSpec[];
export type ParamValue = number | string | boolean | readonly number[];
export type ParamValues = Record<string, ParamValue>;

/** Read-outs every trainer reports (plain numbers; NaN where not applicable is not allowed — omit instead). */
export interface Metrics {
  step: number;
  epoch: number;
  loss: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Experiment-specific scalars (e.g. 'deadFraction', 'antiDiagonalMass'). */
  [extra: string]: number | undefined;
}

/**
 * A view is figure data, structured-cloneable, typed arrays preferred (the worker transfers their buffers).
 * Each experiment documents its views' shapes next to where it builds them.
 */
export type ViewValue =
  | number
  | string
  | boolean
  | Float32Array
  | Float64Array
  | Int32Array
  | Uint8Array
  | readonly number[]
  | readonly string[]
  | { readonly [key: string]: ViewValue }
  | readonly ViewValue[];
export type Views = Record<string, ViewValue>;
/**
 * An experiment's views by name, declared once beside the code that builds them (e.g. `TransformerViews` in
 * experiments/transformer/trainerViews.ts); figures import the value types and read them with `useView<T>(name)`.
 */
export type ViewMap = Record<string, ViewValue>;

/** What `create` returns: one model + data + optimiser, stepped by the worker in time slices. */
export interface Trainer<V extends ViewMap = Views> {
  /** Train `n` optimisation steps. Must stop early (and report via `divergence()`) at the first NaN/Inf. */
  step(n: number): void;
  metrics(): Metrics;
  /**
   * Named views for figures. `wanted` lists the views the page currently shows; computing others is wasted work.
   * Cheap to call at ≤ 60 Hz for the views a page asks for.
   */
  views(wanted: readonly string[]): Partial<V>;
  /** Apply a live parameter (validated already). */
  set(name: string, value: ParamValue): void;
  /** Why training stopped on non-finite numbers, or null while healthy. */
  divergence(): string | null;
  /**
   * Optional, for the timeline (worker/host/timeline.ts): a copy of everything the next steps and the views depend
   * on (weights, optimiser memory, sampler and random state, histories, live settings), structured-cloneable and
   * sharing no array with the trainer. `restore(s)` puts the trainer back exactly there, so training on from it gives
   * bit-identical metrics to never having left. A trainer without the pair is rewound by replaying from step 0.
   */
  snapshot?(): TrainerSnapshot;
  restore?(snapshot: TrainerSnapshot): void;
}

/**
 * Page-supplied data that is not a setting and never goes into a link, e.g. a text the student pasted (`text`).
 * Plain strings by name; the experiment validates them like any other input. Kept across reset and rebuilds.
 */
export type ExperimentData = Readonly<Record<string, string>>;
/** What `Trainer.snapshot` returns: opaque to everyone but its trainer (typed arrays are counted for the budget). */
export type TrainerSnapshot = { readonly [key: string]: unknown };

export interface Experiment<V extends ViewMap = Views> {
  /** Registry id, e.g. 'classifier2d'. */
  id: string;
  title: string;
  params: ParamTable;
  /** Build model, data and optimiser. Every random choice derives from `seed`. `data`: see ExperimentData. */
  create(params: ParamValues, seed: number, data?: ExperimentData): Trainer<V>;
}

/**
 * Chapters are data: a chapter is its metadata plus a list of lesson steps. Pages render the current step beside
 * its live figure; the lesson system (src/lessons) handles navigation, progress and presenter mode.
 */

/** The ten chapter routes, in course order (docs/CONTRACTS.md). */
export const CHAPTER_IDS = [
  'neurons',
  'activations',
  'loss',
  'backprop',
  'gradient-descent',
  'regularization',
  'embeddings',
  'rnn',
  'lstm',
  'transformer',
] as const;

export type ChapterId = (typeof CHAPTER_IDS)[number];

export interface ChapterMeta {
  id: ChapterId;
  /** Position in the course, 1-based. */
  number: number;
  title: string;
  /** One or two sentences for the course home. */
  description: string;
}

/** A short check question with instant feedback. */
export interface CheckQuestion {
  question: string;
  options: readonly string[];
  /** Index into `options`. */
  answer: number;
  /** Shown after answering, right or wrong. */
  explanation: string;
}

/** Live read-outs of the step's run (an experiment's metrics: step, loss, and its own scalars). */
export type RunReadouts = Readonly<{ step: number; loss: number; [name: string]: number | undefined }>;

/**
 * Predict, then run: before pressing Play the student commits to one of `options`; the reveal compares that choice
 * with what the run then shows, read from its live values — never from a fixed answer key.
 */
export interface Prediction {
  question: string;
  options: readonly string[];
  /**
   * Which option the run shows, from its read-outs now and when the prediction was locked in; null while it cannot
   * tell yet (e.g. before the step the claim is about). `evidence` names the numbers, for the reveal.
   */
  outcome(now: RunReadouts, atLock: RunReadouts): { option: number; evidence: string } | null;
}

/**
 * One lesson step. `body` is prose with inline TeX between `$…$` and display TeX between `$$…$$`;
 * paragraphs are separated by blank lines. Never HTML.
 */
export interface LessonStep<F extends string = string> {
  /** Stable id (kebab-case), used for progress. */
  id: string;
  title: string;
  body: string;
  /** Which figure the chapter page shows for this step: a key of the chapter's figure map (defineChapter checks it). */
  figure?: F;
  /** Experiment parameter preset applied when the step opens (URL values win over it). */
  preset?: Readonly<Record<string, string | number | boolean>>;
  /** "Try this" prompts. */
  tryThis?: readonly string[];
  check?: CheckQuestion;
  /** A prediction to commit to before running the step's experiment. */
  predict?: Prediction;
  /**
   * Caption of the step in presenter mode, shown on at most two lines of the presenter bar: at most 110 characters
   * (src/chapters/captions.test.ts).
   */
  caption?: string;
  /**
   * Default pace of Play on this step, in training steps per second, chosen so that what the step teaches unfolds
   * over about 5–20 s. The speed control starts here; a `speed` value in the URL wins. Omit for full speed.
   */
  pace?: number;
  /** A natural stopping point: Play pauses by itself at this step count, where the step's claim is true and visible. */
  stopAt?: number;
}

export interface Chapter<F extends string = string> extends ChapterMeta {
  /** The figure keys the chapter's `figures/index.tsx` maps to components (each step's `figure` is one of them). */
  figures: readonly F[];
  lessons: readonly LessonStep<F>[];
}

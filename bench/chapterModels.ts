/**
 * The chapters' own default models as bench workloads — what a student waits for, not a peer comparison: the RNN
 * chapter's char model (step 4, defaults), the LSTM chapter's char model (step 6 preset) and the Transformer chapter's
 * training preset (step 5), each built by its experiment exactly as the page builds it and stepped one update at a
 * time. Timed by bench/browser/timing.ts in Node and in Chromium's worker (npm run bench:browser).
 */
import { chapter as lstmChapter } from '../src/chapters/lstm/chapter';
import { chapter as rnnChapter } from '../src/chapters/rnn/chapter';
import { chapter as transformerChapter } from '../src/chapters/transformer/chapter';
import { charModelExperiment } from '../src/experiments/charModel/trainer';
import { defaultValues, mergeValues } from '../src/experiments/params';
import { transformerExperiment } from '../src/experiments/transformer';
import type { Experiment } from '../src/experiments/types';
import type { Trainer } from './types';

export const CHAPTER_MODEL_IDS = ['rnn-char', 'lstm-char', 'transformer-chapter'] as const;
export type ChapterModelId = (typeof CHAPTER_MODEL_IDS)[number];

interface ChapterModel {
  label: string;
  experiment: Experiment;
  preset: Readonly<Record<string, unknown>> | undefined;
}

function presetOf(
  lessons: readonly { figure?: string; preset?: Readonly<Record<string, unknown>> }[],
  figure: string,
) {
  const step = lessons.find((s) => s.figure === figure);
  if (!step) throw new Error(`No step shows the figure "${figure}".`);
  return step.preset;
}

const MODELS: Record<ChapterModelId, ChapterModel> = {
  'rnn-char': {
    label: 'RNN chapter, step 4: char-RNN on the bundled text',
    experiment: charModelExperiment,
    preset: presetOf(rnnChapter.lessons, 'generate'),
  },
  'lstm-char': {
    label: 'LSTM chapter, step 6: char-LSTM on the bundled text',
    experiment: charModelExperiment,
    preset: presetOf(lstmChapter.lessons, 'char'),
  },
  'transformer-chapter': {
    label: 'Transformer chapter, step 5: reverse task, default model',
    experiment: transformerExperiment,
    preset: presetOf(transformerChapter.lessons, 'train'),
  },
};

export function chapterModelLabel(id: ChapterModelId): string {
  return MODELS[id].label;
}

/**
 * A bench trainer for the model: one optimisation step per call. step() returns the loss for the first `checkSteps`
 * only (NaN after); lastLoss() reads the last step's loss, once, after timing.
 */
export function createChapterModelTrainer(id: ChapterModelId, seed = 1, checkSteps = 5): Trainer {
  const { experiment, preset } = MODELS[id];
  const params = mergeValues(experiment.params, defaultValues(experiment.params), preset ?? null).values;
  const trainer = experiment.create(params, seed);
  let steps = 0;
  return {
    step() {
      trainer.step(1);
      // metrics() may evaluate held-out data (the Transformer does): read it only where the check needs it.
      return ++steps <= checkSteps ? trainer.metrics().loss : NaN;
    },
    lastLoss: () => trainer.metrics().loss,
    dispose() {},
  };
}

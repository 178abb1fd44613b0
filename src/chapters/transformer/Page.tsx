import { ChapterPage } from '../../lessons/ChapterPage';
import { TRANSFORMER_PARAMS } from '../../experiments/transformer/params';
import { useExperiment } from '../../state/useExperiment';
import { chapter } from './chapter';
import { FIGURES } from './figures';
import './transformer.css';

/** Steps 5 and 6 share one run: the preset of the training step is the defaults layer for the whole chapter. */
const TRAIN_PRESET = chapter.lessons.find((s) => s.figure === 'train')?.preset;
/** Every experiment setting survives a step change, so the model trained in step 5 is the one decoding in step 6. */
const KEEP_PARAMS = TRANSFORMER_PARAMS.map((p) => p.name);

/**
 * The Transformer chapter — the one chapter with its own Page, for page-wide state: one experiment (the worker's
 * encoder–decoder) is mounted for the whole page; steps 1–4 draw small seeded illustrations on the main thread,
 * steps 5–6 show the live run.
 */
export default function TransformerPage() {
  useExperiment({ experiment: 'transformer', preset: TRAIN_PRESET });
  return <ChapterPage chapter={chapter} figures={FIGURES} keepParams={KEEP_PARAMS} />;
}

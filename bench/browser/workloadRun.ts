/** Times one workload (W1–W3 with the core engine, or a chapter model) — the same code in Node and in the worker. */
import { createChapterModelTrainer, type ChapterModelId } from '../chapterModels';
import type { Engine, WorkloadData, WorkloadId } from '../types';
import { makeW1 } from '../workloads/w1';
import { makeW2 } from '../workloads/w2';
import { makeW3 } from '../workloads/w3';
import type { BrowserBenchRequest, BrowserWorkloadResult } from './protocol';
import { timeTrainer } from './timing';

const MAKERS: Record<WorkloadId, () => WorkloadData> = { W1: makeW1, W2: makeW2, W3: makeW3 };

type Timing = Pick<BrowserBenchRequest, 'seconds' | 'rounds' | 'warmupSeconds'>;

function failed(workload: WorkloadId | ChapterModelId, err: unknown): BrowserWorkloadResult {
  const error = err instanceof Error ? err.message : String(err);
  return {
    workload,
    status: 'failed',
    error,
    steps: 0,
    msPerStepRounds: [],
    msPerStep: NaN,
    stepsPerSec: NaN,
    checkLosses: [],
    lastLoss: NaN,
  };
}

export function runWorkload(engine: Engine, id: WorkloadId, timing: Timing): BrowserWorkloadResult {
  try {
    const trainer = engine.createTrainer(MAKERS[id]());
    const run = timeTrainer(trainer, timing);
    trainer.dispose();
    return { workload: id, status: 'ok', ...run, stepsPerSec: 1000 / run.msPerStep };
  } catch (err) {
    return failed(id, err);
  }
}

export function runChapterModel(id: ChapterModelId, timing: Timing): BrowserWorkloadResult {
  try {
    const run = timeTrainer(createChapterModelTrainer(id), timing);
    return { workload: id, status: 'ok', ...run, stepsPerSec: 1000 / run.msPerStep };
  } catch (err) {
    return failed(id, err);
  }
}

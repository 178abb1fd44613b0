/**
 * What a frame from the worker is, and the bounded history of its main metrics. The store that keeps the newest frame
 * and notifies figures is a `FrameStore` (frameStore.ts), one per runtime hub.
 */
import { BoundedSeries } from '../experiments/boundedSeries';
import type { Metrics, ViewValue } from '../experiments/types';

export interface Frame {
  step: number;
  epoch: number;
  metrics: Metrics;
  views: Readonly<Record<string, ViewValue>>;
  running: boolean;
  stepsPerSecond: number;
}

/**
 * Fixed-memory history of step / loss / valLoss / valStep / accuracy: at most `capacity` points (a compaction keeps the later
 * point of each pair). A frame without a finite step or loss is skipped, a missing valLoss, valStep or accuracy is NaN
 * (valStep: the step valLoss was measured at, for experiments that measure it only every few steps); the
 * same step again is ignored and an earlier step drops the later points (the timeline moved back, or a reset).
 */
export class MetricHistory extends BoundedSeries<'step' | 'loss' | 'valLoss' | 'valStep' | 'accuracy'> {
  constructor(capacity = 2048) {
    const nonFinite = {
      step: 'skipPoint',
      loss: 'skipPoint',
      valLoss: 'nan',
      valStep: 'nan',
      accuracy: 'nan',
    } as const;
    super({
      columns: ['step', 'loss', 'valLoss', 'valStep', 'accuracy'],
      capacity,
      keep: 'later',
      sampling: 'sinceKept',
      rewind: true,
      nonFinite,
    });
  }

  record(m: Metrics) {
    this.pushNamed(m);
  }

  get step(): Float64Array {
    return this.columns.step;
  }
  get loss(): Float64Array {
    return this.columns.loss;
  }
  get valLoss(): Float64Array {
    return this.columns.valLoss;
  }
  get valStep(): Float64Array {
    return this.columns.valStep;
  }
  get accuracy(): Float64Array {
    return this.columns.accuracy;
  }
}

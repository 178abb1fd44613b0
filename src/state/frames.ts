/**
 * High-rate frame data, outside React state: the newest frame from the worker, listeners that draw from it (charts
 * subscribe into refs and draw on their own; no re-render per frame), and a bounded history of the main metrics.
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

type Listener = (frame: Frame) => void;

let latest: Frame | null = null;
const listeners = new Set<Listener>();
const changeListeners = new Set<() => void>();

export function publishFrame(frame: Frame) {
  // Views the new frame does not carry keep their last value, so a chart never blanks between frames.
  latest = latest ? { ...frame, views: { ...latest.views, ...frame.views } } : frame;
  history.record(frame.metrics);
  for (const l of listeners) {
    try {
      l(latest);
    } catch (err) {
      console.warn('A frame listener failed:', err);
    }
  }
  changeListeners.forEach((l) => l());
}

export function getLatestFrame(): Frame | null {
  return latest;
}

/** Call `listener` with every new frame; returns the unsubscribe function. */
export function subscribeFrames(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Forget frames and history (a new experiment or a reset). Listeners stay subscribed. */
export function clearFrames() {
  latest = null;
  history.clear();
  changeListeners.forEach((l) => l());
}

/** Notified after every new frame and after a clear (for useSyncExternalStore). */
export function subscribeFrameChanges(onChange: () => void): () => void {
  changeListeners.add(onChange);
  return () => void changeListeners.delete(onChange);
}

/**
 * Fixed-memory history of step / loss / valLoss / accuracy: at most `capacity` points (a compaction keeps the later
 * point of each pair). A frame without a finite step or loss is skipped, a missing valLoss or accuracy is NaN; the
 * same step again is ignored and an earlier step drops the later points (the timeline moved back, or a reset).
 */
export class MetricHistory extends BoundedSeries<'step' | 'loss' | 'valLoss' | 'accuracy'> {
  constructor(capacity = 2048) {
    const nonFinite = { step: 'skipPoint', loss: 'skipPoint', valLoss: 'nan', accuracy: 'nan' } as const;
    super({
      columns: ['step', 'loss', 'valLoss', 'accuracy'],
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
  get accuracy(): Float64Array {
    return this.columns.accuracy;
  }
}

const history = new MetricHistory();

export function getMetricHistory(): MetricHistory {
  return history;
}

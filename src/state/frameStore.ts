/**
 * High-rate frame data, outside React state: the newest frame from the worker, listeners that draw from it (charts
 * subscribe into refs and draw on their own; no re-render per frame), and a bounded history of the main metrics.
 * One store per runtime hub (runtimeHub.ts): its experiments publish into it, its figures read from it, and two hubs
 * (two apps, or two tests) share nothing.
 */
import { MetricHistory, type Frame } from './frames';

export type FrameListener = (frame: Frame) => void;

export class FrameStore {
  private latest: Frame | null = null;
  private readonly listeners = new Set<FrameListener>();
  private readonly changeListeners = new Set<() => void>();
  /** Bounded step/loss/valLoss/accuracy history of the frames published here. */
  readonly history = new MetricHistory();

  publish(frame: Frame) {
    // Views the new frame does not carry keep their last value, so a chart never blanks between frames.
    const latest = this.latest ? { ...frame, views: { ...this.latest.views, ...frame.views } } : frame;
    this.latest = latest;
    this.history.record(frame.metrics);
    for (const l of this.listeners) {
      try {
        l(latest);
      } catch (err) {
        console.warn('A frame listener failed:', err);
      }
    }
    this.changeListeners.forEach((l) => l());
  }

  /** The newest frame (null before the first one, and after a clear). Arrow: passed around as a getter. */
  readonly getLatest = (): Frame | null => this.latest;

  /** Call `listener` with every new frame; returns the unsubscribe function. */
  subscribe(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Forget frames and history (a new experiment or a reset). Listeners stay subscribed. */
  clear() {
    this.latest = null;
    this.history.clear();
    this.changeListeners.forEach((l) => l());
  }

  /** Notified after every new frame and after a clear. Arrow: passed to React as a subscribe function. */
  readonly subscribeChanges = (onChange: () => void): (() => void) => {
    this.changeListeners.add(onChange);
    return () => void this.changeListeners.delete(onChange);
  };
}

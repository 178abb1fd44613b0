/**
 * Main-thread side of the trainer worker. Owns the Worker, remembers what is loaded (so it can reload after a
 * restart), delivers frames on animation frames and acks them (so at most one frame is ever in flight and a stalled
 * page receives one fresh frame when it wakes, never a backlog), and watches the worker: an `error` /
 * `messageerror` event, or no answer to a ping within `watchdogMs`, terminates it, starts a new one and reloads the
 * experiment at step 0.
 */
import type { ExperimentData, ParamValue, ParamValues } from '../experiments/types';
import { sharedNow, type MainToWorker, type WorkerToMain } from './protocol';

export type FrameMessage = Extract<WorkerToMain, { type: 'frame' }>;
export type ReadyMessage = Extract<WorkerToMain, { type: 'ready' }>;
export type DivergedMessage = Extract<WorkerToMain, { type: 'diverged' }>;
export type StoppedMessage = Extract<WorkerToMain, { type: 'stopped' }>;

export interface ClientHandlers {
  ready(msg: ReadyMessage): void;
  /** Called on an animation frame with the newest frame; the client acks after it returns. */
  frame(msg: FrameMessage): void;
  diverged(msg: DivergedMessage): void;
  /** Play stopped by itself at the pace's `stopAt` (a frame with `running: false` follows). */
  stopped?(msg: StoppedMessage): void;
  /** The worker was restarted (crash, hang, or an error while training); the experiment is reloaded at step 0. */
  restarted(reason: string): void;
  /** Unrecoverable: the experiment fails to load, or the worker keeps failing. Training is off until the next load. */
  failed(message: string): void;
}

export interface ClientOptions {
  /** No answer for this long ⇒ the worker is considered hung (default 5 s). */
  watchdogMs?: number;
  /** How often the watchdog pings (default 1 s). */
  pingMs?: number;
  /** While training, no answer for this long ⇒ the worker is considered dead (default 1.2 s). */
  trainingWatchdogMs?: number;
  /** How often the watchdog pings while training (default 250 ms). */
  trainingPingMs?: number;
  /** More restarts than this within a minute ⇒ give up with `failed` (default 3). */
  maxRestartsPerMinute?: number;
  createWorker?: () => Worker;
  requestFrame?: (cb: () => void) => number;
  cancelFrame?: (id: number) => void;
  /** The clock the worker stamps frames with (`sentAt`); default `sharedNow` (protocol.ts). */
  sharedNow?: () => number;
  /** Counters to add to (default: the client's own). */
  stats?: RuntimeStats;
}

/**
 * What a client counts: frames received and delivered, workers started, restarts. A hub hands every client it creates
 * the same counters, so they add up over the page's runs (the app exposes its hub's as `window.__gradientLabRuntime`
 * for tests).
 */
export interface RuntimeStats {
  framesReceived: number;
  framesDelivered: number;
  restarts: number;
  workersStarted: number;
}

export const newRuntimeStats = (): RuntimeStats => ({
  framesReceived: 0,
  framesDelivered: 0,
  restarts: 0,
  workersStarted: 0,
});

function defaultWorker(): Worker {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
}

type LoadMessage = Extract<MainToWorker, { type: 'load' }>;
type PaceMessage = Extract<MainToWorker, { type: 'pace' }>;

export class TrainerClient {
  private worker: Worker | null = null;
  private loaded: LoadMessage | null = null;
  /** The pace last asked for; a restarted worker gets it again after the reload. */
  private paced: PaceMessage | null = null;
  /** Ready received for the current load (an error before it means the experiment cannot load). */
  private isReady = false;
  /** Numbers each load; the worker's `ready` names the one it answers. */
  private loadCount = 0;
  private pendingFrame: FrameMessage | null = null;
  private frameRequest: number | null = null;
  private pingId = 0;
  private unansweredSince: number | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  /** The page expects the worker to be training: a silent worker is noticed within about a second. */
  private training = false;
  private lastCheckAt: number | null = null;
  private restartTimes: number[] = [];
  private disposed = false;
  private readonly opts: Required<ClientOptions>;

  constructor(
    private readonly handlers: ClientHandlers,
    opts: ClientOptions = {},
  ) {
    this.opts = {
      watchdogMs: opts.watchdogMs ?? 5000,
      pingMs: opts.pingMs ?? 1000,
      trainingWatchdogMs: opts.trainingWatchdogMs ?? 1200,
      trainingPingMs: opts.trainingPingMs ?? 250,
      maxRestartsPerMinute: opts.maxRestartsPerMinute ?? 3,
      createWorker: opts.createWorker ?? defaultWorker,
      requestFrame: opts.requestFrame ?? ((cb) => requestAnimationFrame(cb)),
      cancelFrame: opts.cancelFrame ?? ((id) => cancelAnimationFrame(id)),
      sharedNow: opts.sharedNow ?? sharedNow,
      stats: opts.stats ?? newRuntimeStats(),
    };
  }

  /** The counters this client adds to (given in its options, else its own). */
  get stats(): RuntimeStats {
    return this.opts.stats;
  }

  /** `data`: page-supplied data that is not a setting (ExperimentData); a restart's reload sends it again. */
  load(
    experiment: string,
    params: ParamValues,
    seed: number,
    views: readonly string[],
    data?: ExperimentData,
  ) {
    this.loaded = {
      type: 'load',
      experiment,
      params: { ...params },
      seed,
      views: [...views],
      ...(data ? { data: { ...data } } : {}),
      loadId: ++this.loadCount,
    };
    this.isReady = false;
    this.post(this.loaded);
  }

  play() {
    this.post({ type: 'play' });
  }
  /** Play's speed (steps per second, null = full speed) and natural stopping point (null = none). */
  pace(stepsPerSecond: number | null, stopAt: number | null) {
    this.paced = { type: 'pace', stepsPerSecond, stopAt };
    this.post(this.paced);
  }
  pause() {
    this.post({ type: 'pause' });
  }
  step(n: number) {
    this.post({ type: 'step', n });
  }
  /** Replay to step `step` at full speed, then stop. */
  runTo(step: number) {
    this.post({ type: 'runTo', step });
  }
  /** Show the run at `step` (the timeline): restore the nearest kept moment, train the rest, stop. */
  seek(step: number) {
    this.post({ type: 'seek', step });
  }
  reset() {
    this.post({ type: 'reset' });
  }

  /** A live parameter; remembered so a reload after a restart uses it. */
  set(name: string, value: ParamValue) {
    if (this.loaded) this.loaded.params = { ...this.loaded.params, [name]: value };
    this.post({ type: 'set', name, value });
  }

  setViews(views: readonly string[]) {
    if (this.loaded) this.loaded.views = [...views];
    this.post({ type: 'views', views: [...views] });
  }

  dispose() {
    this.disposed = true;
    this.stopWorker();
  }

  /** While training, frames or pongs must keep coming: the watchdog pings faster and waits less. */
  setTraining(on: boolean) {
    if (on === this.training) return;
    this.training = on;
    if (this.worker) this.startWatchdog();
  }

  private startWatchdog() {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.unansweredSince = null;
    this.lastCheckAt = null;
    const every = this.training ? this.opts.trainingPingMs : this.opts.pingMs;
    this.watchdog = setInterval(() => this.checkAlive(), every);
  }

  private post(msg: MainToWorker) {
    if (this.disposed) return;
    if (!this.worker) this.startWorker();
    this.worker?.postMessage(msg);
  }

  private startWorker() {
    let worker: Worker;
    try {
      worker = this.opts.createWorker();
    } catch (err) {
      this.handlers.failed(
        `The training worker could not start: ${err instanceof Error ? err.message : String(err)}`,
      );
      return;
    }
    this.stats.workersStarted++;
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<WorkerToMain>) => this.onMessage(worker, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault(); // handled here: restart, and tell the user in the page
      if (worker === this.worker)
        this.restart(`The training worker crashed${e.message ? ` (${e.message})` : ''}.`);
    };
    worker.onmessageerror = () => {
      if (worker === this.worker) this.restart('A message from the training worker could not be read.');
    };
    this.startWatchdog();
  }

  private stopWorker() {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    if (this.frameRequest !== null) this.opts.cancelFrame(this.frameRequest);
    this.frameRequest = null;
    this.pendingFrame = null;
    if (this.worker) {
      this.worker.onmessage = null;
      this.worker.onerror = null;
      this.worker.onmessageerror = null;
      this.worker.terminate();
    }
    this.worker = null;
  }

  private checkAlive() {
    if (!this.worker) return;
    const now = performance.now();
    const every = this.training ? this.opts.trainingPingMs : this.opts.pingMs;
    // This page itself was stalled (a long task, a throttled tab): the worker's answers may be queued behind us.
    const stalled = this.lastCheckAt !== null && now - this.lastCheckAt > 3 * every;
    this.lastCheckAt = now;
    const limit = this.training ? this.opts.trainingWatchdogMs : this.opts.watchdogMs;
    if (this.unansweredSince === null || stalled) {
      this.unansweredSince = now;
      this.worker.postMessage({ type: 'ping', id: ++this.pingId } satisfies MainToWorker);
    } else if (now - this.unansweredSince > limit) {
      const seconds = limit >= 2000 ? String(Math.round(limit / 1000)) : (limit / 1000).toFixed(1);
      this.restart(`The training worker stopped responding for ${seconds} s.`);
    }
  }

  private restart(reason: string) {
    if (this.disposed) return;
    this.stopWorker();
    const now = performance.now();
    this.restartTimes = this.restartTimes.filter((t) => now - t < 60_000);
    this.restartTimes.push(now);
    this.stats.restarts++;
    if (this.restartTimes.length > this.opts.maxRestartsPerMinute) {
      this.handlers.failed(
        `${reason} It keeps failing, so training is stopped. Reload the page to try again.`,
      );
      return;
    }
    if (this.loaded) {
      this.isReady = false;
      this.post(this.loaded);
      if (this.paced) this.post(this.paced);
    }
    this.handlers.restarted(reason);
  }

  private onMessage(worker: Worker, msg: WorkerToMain) {
    if (worker !== this.worker || this.disposed || !msg || typeof msg !== 'object') return;
    this.unansweredSince = null; // any message proves the worker is alive
    switch (msg.type) {
      case 'ready':
        // The answer to a load that a newer one replaced: its frames are not this experiment's.
        if (msg.loadId !== undefined && msg.loadId !== this.loaded?.loadId) return;
        this.isReady = true;
        this.handlers.ready(msg);
        return;
      case 'frame':
        this.stats.framesReceived++;
        if (!this.isReady) {
          // A frame of the previous experiment, sent before the new `load` arrived: drop it (but ack it).
          worker.postMessage({ type: 'ack' } satisfies MainToWorker);
          return;
        }
        this.pendingFrame = msg;
        if (this.frameRequest === null) this.frameRequest = this.opts.requestFrame(() => this.deliver());
        return;
      case 'diverged':
        this.handlers.diverged(msg);
        return;
      case 'stopped':
        this.handlers.stopped?.(msg);
        return;
      case 'error':
        if (!this.isReady) {
          this.handlers.failed(msg.message);
          return;
        }
        this.restart(`Training stopped with an error (${msg.message}).`);
        return;
      case 'pong':
        return;
    }
  }

  private deliver() {
    this.frameRequest = null;
    const frame = this.pendingFrame;
    this.pendingFrame = null;
    if (!frame || !this.worker) return;
    try {
      this.stats.framesDelivered++;
      this.handlers.frame(frame);
    } finally {
      // How long the frame waited for this page: the worker's measure of whether the page is short of CPU.
      const pageMs = frame.sentAt === undefined ? undefined : this.opts.sharedNow() - frame.sentAt;
      this.worker.postMessage({ type: 'ack', pageMs } satisfies MainToWorker);
    }
  }
}

/**
 * The worker's brain, free of worker globals so Node tests can drive it: hosts one experiment, trains it in time
 * slices (so `pause`, `set` and `reset` take effect within a frame), and posts frames through a FrameGate.
 * trainer.worker.ts only wires `self.onmessage` / `postMessage` to it.
 */
import type { Experiment, ExperimentData, ParamValues, Trainer } from '../../experiments/types';
import { coerceValue, specMap, DEFAULT_SEED } from '../../experiments/params';
import { MAX_REPLAY_STEP, MAX_STEP_REQUEST, type MainToWorker } from '../protocol';
import { buildFrame, divergedMessage, errorMessage } from './messages';
import { CallSizer, SpeedMeter, restBetweenSlices } from './meters';
import { FrameSender, type BuiltFrame } from './frameSender';
import { checkLoad, type LoadMessage } from './loadRequest';
import { PlayPace } from './pacer';
import { Timeline } from './timeline';
import { DEFERRED_WHILE_LOADING, type HostDeps } from './hostDeps';

export type { HostDeps };

/** Milliseconds of training per slice before the worker looks at its messages again. */
const SLICE_MS = 12;

export class TrainerHost {
  private experiment: Experiment | null = null;
  private trainer: Trainer | null = null;
  private values: ParamValues = Object.create(null) as ParamValues;
  /** The load's page data (e.g. pasted text), kept for reset and rebuilds. */
  private data: ExperimentData = Object.create(null) as ExperimentData;
  private seed = DEFAULT_SEED;
  private wanted: readonly string[] = [];
  private playing = false;
  private stepsLeft = 0;
  private diverged = false;
  private readonly callSize = new CallSizer();
  /** Play's pace (steps per second) and natural stopping point; `step {n}` ignores both. */
  private readonly pace = new PlayPace();
  private tickScheduled = false;
  /** Invalidates a scheduled slice (a new pace must not wait out the old, slower pace's delay). */
  private tickToken = 0;
  private loadGeneration = 0;
  /** A `load` is waiting for its experiment module. */
  private loading = false;
  /**
   * Commands that arrive while a `load` waits for its module belong to the trainer being loaded, not to the one it
   * replaces: they wait here and run, in order, once it is built. (Run 10 pressed just after a preset link used to
   * train a few steps of the old model and the rest of the new one.)
   */
  private afterLoad: MainToWorker[] = [];
  private readonly frames: FrameSender;
  /** Kept moments of this run: the page's scrubber moves the run back to any step (timeline.ts). */
  private readonly timeline = new Timeline();
  private readonly speed = new SpeedMeter();

  constructor(
    private readonly deps: HostDeps,
    frameIntervalMs = 1000 / 60,
  ) {
    const source = { canSend: () => !this.diverged && !this.loading, build: () => this.buildFrame() };
    this.frames = new FrameSender(deps, source, frameIntervalMs);
  }

  handle(msg: MainToWorker) {
    if (!msg || typeof msg !== 'object') return;
    if (this.loading && DEFERRED_WHILE_LOADING.has(msg.type)) {
      this.afterLoad.push(msg);
      return;
    }
    switch (msg.type) {
      case 'load':
        void this.load(msg);
        return;
      case 'play':
        if (!this.trainer || this.diverged) return;
        this.branchHere();
        if (!this.playing) this.pace.start(this.deps.now());
        this.playing = true;
        this.armStop();
        this.schedule();
        this.touch();
        return;
      case 'pace':
        this.setPace(msg.stepsPerSecond, msg.stopAt);
        return;
      case 'runTo':
      case 'seek':
        this.moveTo(msg.step, msg.type === 'runTo' ? MAX_REPLAY_STEP : this.timeline.latest);
        return;
      case 'pause':
        this.playing = false;
        this.stepsLeft = 0;
        this.touch();
        return;
      case 'step': {
        if (!this.trainer || this.diverged) return;
        const n = Math.floor(Number(msg.n));
        if (!Number.isFinite(n) || n < 1) return;
        if (this.stepsLeft === 0) this.branchHere();
        this.stepsLeft = Math.min(MAX_STEP_REQUEST, this.stepsLeft + n);
        this.schedule();
        return;
      }
      case 'reset':
        this.playing = false;
        this.stepsLeft = 0;
        this.rebuild();
        return;
      case 'set':
        this.set(msg.name, msg.value);
        return;
      case 'ack':
        this.frames.acked(msg.pageMs);
        return;
      case 'views':
        this.wanted = Array.isArray(msg.views) ? msg.views.filter((v) => typeof v === 'string') : [];
        this.touch();
        return;
      case 'ping':
        this.deps.post({ type: 'pong', id: msg.id }, []);
        return;
    }
  }

  private setPace(stepsPerSecond: unknown, stopAt: unknown) {
    this.pace.set(stepsPerSecond, stopAt, this.deps.now());
    if (this.playing) this.armStop();
    // A slice may be waiting for the old pace's next step: schedule afresh at the new one.
    if (this.tickScheduled) this.schedule({ again: true });
  }

  /**
   * `runTo` (a shared moment: up to MAX_REPLAY_STEP) and `seek` (the timeline: up to the latest step reached): exact
   * steps to `target` at full speed — from the nearest kept moment when it lies behind — then a frame with
   * `running: false`.
   */
  private moveTo(target: unknown, limit: number) {
    const trainer = this.trainer;
    if (!trainer || !this.experiment || this.diverged) return;
    if (typeof target !== 'number' || !Number.isFinite(target)) return;
    const goal = Math.max(0, Math.min(limit, Math.floor(target)));
    this.playing = false;
    this.stepsLeft = 0;
    try {
      let at = trainer.metrics().step;
      if (goal < at) {
        const restored = this.timeline.rewind(trainer, goal, this.values, this.experiment.params);
        if (restored === null && !this.rebuild({ silent: true, keepTimeline: true })) return;
        at = restored ?? 0;
      }
      this.stepsLeft = goal - at;
    } catch (err) {
      this.fail(err);
      return;
    }
    this.schedule();
    this.touch();
  }

  /** Training goes on from the step shown: after a rewind, the later moments are a future that is gone. */
  private branchHere() {
    if (this.trainer && this.stepsLeft === 0) this.timeline.branch(this.trainer.metrics().step);
  }

  private armStop() {
    if (!this.trainer) return;
    try {
      this.pace.arm(this.trainer.metrics().step);
    } catch (err) {
      this.fail(err);
    }
  }

  private async load(msg: LoadMessage) {
    const generation = ++this.loadGeneration;
    this.playing = false;
    this.stepsLeft = 0;
    this.loading = true;
    this.afterLoad = []; // commands for the trainer this load replaces
    let experiment: Experiment;
    try {
      experiment = await this.deps.load(String(msg.experiment));
    } catch (err) {
      if (generation === this.loadGeneration) {
        this.loading = false;
        this.afterLoad = [];
        this.fail(err);
      }
      return;
    }
    if (generation !== this.loadGeneration) return; // a newer load won
    this.loading = false;
    this.experiment = experiment;
    const request = checkLoad(msg, experiment);
    this.values = request.values;
    this.seed = request.seed;
    this.data = request.data;
    this.wanted = request.views;
    if (this.rebuild({ silent: true })) {
      const ready = {
        type: 'ready',
        experiment: experiment.id,
        params: this.values,
        seed: this.seed,
      } as const;
      const { loadId } = request;
      this.deps.post(loadId === undefined ? ready : { ...ready, loadId }, []);
      this.touch();
    }
    const queued = this.afterLoad;
    this.afterLoad = [];
    for (const msg of queued) this.handle(msg);
  }

  /** Fresh trainer from the current values and seed (load, reset, structural set). */
  private rebuild(opts: { silent?: boolean; keepTimeline?: boolean } = {}): boolean {
    if (!this.experiment) return false;
    this.diverged = false;
    this.callSize.reset();
    this.speed.reset(this.deps.now());
    try {
      this.trainer = this.experiment.create(this.values, this.seed, this.data);
      if (!opts.keepTimeline) this.timeline.start(this.trainer, this.values);
    } catch (err) {
      this.fail(err);
      return false;
    }
    if (!opts.silent) this.touch();
    return true;
  }

  private set(name: unknown, value: unknown) {
    if (!this.experiment || typeof name !== 'string') return;
    const spec = specMap(this.experiment.params).get(name);
    if (!spec) return;
    const checked = coerceValue(spec, value).value;
    this.values[name] = checked;
    if (!spec.live) {
      this.playing = false;
      this.stepsLeft = 0;
      this.rebuild();
      return;
    }
    try {
      this.branchHere();
      this.trainer?.set(name, checked);
    } catch (err) {
      this.fail(err);
      return;
    }
    this.touch();
  }

  private fail(err: unknown) {
    this.trainer = null;
    this.playing = false;
    this.stepsLeft = 0;
    this.deps.post(errorMessage(err), []);
  }

  private get busy(): boolean {
    return this.trainer !== null && !this.loading && !this.diverged && (this.playing || this.stepsLeft > 0);
  }

  private schedule(opts: { again?: boolean } = {}) {
    if ((this.tickScheduled && !opts.again) || !this.busy) return;
    this.tickScheduled = true;
    const token = ++this.tickToken;
    const run = () => {
      if (token !== this.tickToken) return;
      this.tickScheduled = false;
      this.tick();
    };
    // At a slow pace, wait for the next step's turn. Otherwise: a page whose frames wait to be shown is short of CPU
    // (a slow or busy device): rest between slices so its main thread keeps rendering; on a page that keeps up,
    // training runs flat out.
    const paceWait = this.playing && this.pace.paced ? this.pace.waitMs(this.deps.now()) : 0;
    const rest = restBetweenSlices(this.frames.ackMs);
    if (paceWait > 0) this.deps.later(run, Math.max(1, paceWait, rest));
    else if (rest >= 1) this.deps.later(run, Math.round(rest));
    else this.deps.yieldThen(run);
  }

  /** Steps for the next `trainer.step(k)` call: bounded by the adaptive call size, the pace and `stopAt`. */
  private nextCallSize(step: number): number {
    // Calls end on the timeline's marks, so it can keep those moments.
    const cap = Math.min(this.callSize.size, this.timeline.untilNextMark(step));
    if (!this.playing) return Math.min(this.stepsLeft, cap);
    return this.pace.allowance(step, cap, this.deps.now());
  }

  /** After a call: spend the pace's credit, count down exact steps, and stop at `stopAt`. */
  private afterCall(trainer: Trainer, k: number, step: number) {
    if (!this.playing) {
      this.stepsLeft = Math.max(0, this.stepsLeft - k);
      return;
    }
    if (this.pace.spend(k, step)) {
      this.playing = false;
      this.deps.post({ type: 'stopped', step: trainer.metrics().step, reason: 'stopAt' }, []);
    }
  }

  /** One time slice of training. */
  private tick() {
    const trainer = this.trainer;
    if (!trainer || !this.busy) return;
    const start = this.deps.now();
    let trained: number;
    try {
      // metrics() is read once per slice, not per call: experiments may evaluate in it.
      const before = trainer.metrics().step;
      let step = before;
      while (this.busy && this.deps.now() - start < SLICE_MS) {
        const k = this.nextCallSize(step);
        if (k <= 0) break; // the pace says wait
        const t0 = this.deps.now();
        trainer.step(k);
        this.callSize.adapt(this.deps.now() - t0);
        step += k;
        this.timeline.reached(trainer, step, this.values);
        this.afterCall(trainer, k, step);
        const reason = trainer.divergence();
        if (reason !== null) {
          this.stopDiverged(trainer, reason);
          return;
        }
      }
      const metrics = trainer.metrics();
      trained = Math.max(0, metrics.step - before);
      // A trainer that forgot to report it: a non-finite loss is a divergence all the same (DESIGN §2).
      if (!Number.isFinite(metrics.loss)) {
        this.stopDiverged(trainer, `loss became ${metrics.loss} at step ${metrics.step}`);
        return;
      }
    } catch (err) {
      this.fail(err);
      return;
    }
    this.speed.count(trained, this.deps.now());
    this.touch();
    this.schedule();
  }

  private stopDiverged(trainer: Trainer, reason: string) {
    this.diverged = true;
    this.playing = false;
    this.stepsLeft = 0;
    // No frame after this: the page keeps the last finite one.
    this.deps.post(divergedMessage(trainer, reason), []);
  }

  /** Something changed: owe a frame. */
  private touch() {
    this.frames.touch();
  }

  /** The frame for the page now (FrameSender decides when); null when there is none or building it failed. */
  private buildFrame(): BuiltFrame | null {
    const trainer = this.trainer;
    if (!trainer) return null;
    try {
      return buildFrame(trainer, this.wanted, {
        running: this.busy,
        stepsPerSecond: Math.round(this.speed.stepsPerSecond),
        timeline: this.timeline.info(),
      });
    } catch (err) {
      this.fail(err);
      return null;
    }
  }
}

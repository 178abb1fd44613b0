/**
 * The run side of a mounted experiment: the worker client, what its events mean, and the run's phase
 * (runMachine.ts) with its store mirror. It knows nothing of the URL or the parameter table: the runtime
 * (experimentRuntime.ts) decides *what* to send and asks this for *how the run moves* — pause confirmation, replay of
 * a shared moment, hiding the page, a worker restart or failure.
 */
import type { FrameMessage } from '../worker/client';
import { showNotice } from './noticeStore';
import { nextPhase, statusOf, type RunEvent, type RunPhase } from './runMachine';
import { ReplayProgress } from './replayProgress';
import { Throttle } from './throttle';
import type { RuntimeClient, RuntimeDeps } from './runtimeDeps';

/** A pause is confirmed by a frame saying the worker stopped, or after this long without one. */
const PAUSE_CONFIRM_MS = 500;
/** Read-outs are text: ~12 updates a second are plenty to read (figures still get every frame). */
const READOUT_MS = 80;

export class WorkerRun {
  private clientNow: RuntimeClient;
  private phaseNow: RunPhase = 'idle';
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly replay: ReplayProgress;
  /** Training is held while the page is hidden; the phase stays `running` so it plays on when visible. */
  private suspended = false;
  private readonly readouts = new Throttle<Pick<FrameMessage, 'metrics' | 'stepsPerSecond' | 'timeline'>>(
    READOUT_MS,
    ({ metrics, stepsPerSecond = 0, timeline = null }) => {
      if (this.phaseNow !== 'diverged') this.stores.run.setState({ metrics, stepsPerSecond, timeline });
    },
  );

  constructor(
    private readonly createClient: RuntimeDeps['createClient'],
    /** The hub's frame store and the stores this run writes (phase, read-outs) and reads (speed, stopping point). */
    private readonly stores: Pick<RuntimeDeps, 'frames' | 'params' | 'run' | 'notices'>,
  ) {
    this.replay = new ReplayProgress(stores.run);
    this.clientNow = this.makeClient();
    this.sendPace();
  }

  get client(): RuntimeClient {
    return this.clientNow;
  }

  get phase(): RunPhase {
    return this.phaseNow;
  }

  /** Stop the worker and every timer; drop read-outs not yet shown. */
  dispose() {
    this.cancelPauseConfirm();
    this.replay.stopTimer();
    this.readouts.drop();
    this.clientNow.dispose();
  }

  /** After a failure: a fresh worker (the caller loads the experiment into it). */
  renewClient() {
    this.clientNow.dispose();
    this.clientNow = this.makeClient();
    this.sendPace();
  }

  dispatch(event: RunEvent) {
    const phase = nextPhase(this.phaseNow, event);
    if (phase === this.phaseNow) return;
    this.phaseNow = phase;
    this.suspended = false;
    this.clientNow.setTraining(phase === 'running' || phase === 'pausing');
    this.stores.run.setState({ status: statusOf(phase), phase });
  }

  /**
   * The page was hidden (another tab, a minimised window): a playing run stops training until the page is visible
   * again, then plays on. Nobody watches a hidden page, and a laptop battery is not ours to spend.
   */
  setHidden(hidden: boolean) {
    if (hidden && this.phaseNow === 'running' && !this.suspended) {
      this.suspended = true;
      this.clientNow.pause();
      this.clientNow.setTraining(false);
    } else if (!hidden && this.suspended) {
      this.suspended = false;
      if (this.phaseNow !== 'running') return;
      this.clientNow.play();
      this.clientNow.setTraining(true);
    }
  }

  /** The speed and stopping point in the params store → the worker. */
  sendPace() {
    const { speed, stopAt } = this.stores.params.getState();
    this.clientNow.pace(speed, stopAt);
  }

  private makeClient(): RuntimeClient {
    return this.createClient({
      ready: () => this.stores.run.setState({ ready: true }),
      frame: (msg) => this.onFrame(msg),
      stopped: () => {
        // Play reached the step's natural stopping point: wait for the worker's final frame, as after Pause.
        if (this.phaseNow === 'running') this.beginPause();
      },
      diverged: (msg) => {
        this.dispatch('diverged');
        this.stores.run.setState((s) => ({
          diverged: { step: msg.step, reason: msg.reason },
          metrics: msg.metrics ?? s.metrics,
        }));
      },
      restarted: (reason) => {
        this.clearRun();
        this.dispatch('restarted');
        showNotice(this.stores.notices, 'worker', 'The training worker was restarted.', [
          reason,
          'The experiment was reloaded at step 0 with the same settings and seed. Press Play to continue.',
        ]);
      },
      failed: (message) => this.fail(message),
    });
  }

  private onFrame(msg: FrameMessage) {
    this.stores.frames.publish({
      step: msg.step,
      epoch: msg.epoch,
      metrics: msg.metrics,
      views: msg.views,
      running: msg.running ?? false,
      stepsPerSecond: msg.stepsPerSecond ?? 0,
    });
    if (this.phaseNow === 'diverged') return; // keep the last finite read-outs
    this.readouts.offer(msg);
    if (!msg.running && this.phaseNow === 'pausing') this.confirmPause();
    if (this.replay.reached(msg.step, msg.running ?? false)) this.endReplay();
  }

  fail(message: string) {
    this.dispatch('failed');
    this.stores.run.setState({ error: message.slice(0, 500), diverged: null });
  }

  /** Forget frames and read-outs (a load, reset or restart). */
  clearRun() {
    this.stores.frames.clear();
    this.readouts.drop();
    this.stores.run.setState({ metrics: null, diverged: null, error: null, timeline: null });
  }

  // --- a shared moment replayed ------------------------------------------------------------------------------

  /** Replays the seeded run from step 0 to `target` in the worker (full speed), then stays paused there. */
  replayTo(target: number, justLoaded: boolean) {
    if (!justLoaded) {
      this.clearRun();
      this.clientNow.reset();
    }
    this.clientNow.runTo(target);
    this.dispatch('step');
    this.replay.start(target);
  }

  get replaying(): boolean {
    return this.replay.active;
  }

  endReplay() {
    this.readouts.flush();
    this.replay.end();
  }

  // --- pausing -----------------------------------------------------------------------------------------------

  pause() {
    if (this.phaseNow !== 'running') return;
    this.clientNow.pause();
    this.beginPause();
  }

  /** Frames already on their way still carry steps trained before the worker stopped: wait for its final one. */
  private beginPause() {
    this.dispatch('pause');
    this.cancelPauseConfirm();
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = null;
      this.dispatch('pauseConfirmed');
    }, PAUSE_CONFIRM_MS);
  }

  private confirmPause() {
    this.cancelPauseConfirm();
    this.readouts.flush();
    this.dispatch('pauseConfirmed');
  }

  /** The run is told to do something else (play, step, load): a pause being confirmed is no longer awaited. */
  cancelPauseConfirm() {
    if (this.pauseTimer !== null) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
  }
}

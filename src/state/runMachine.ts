/**
 * The run's state machine, pure: which phase a run is in and how events move it. The runtime (experimentRuntime.ts)
 * is its only writer; the read-outs show `statusOf(phase)`.
 *
 *   idle ──play──▶ running ──pause / stopAt reached──▶ pausing ──worker confirms (or 500 ms)──▶ paused
 *     ▲               │ ▲                                  │                                      │
 *     │               │ └──────────────play────────────────┴──────────────────play─────────────────┘
 *     │               ├──non-finite loss──▶ diverged ──reset / load──▶ idle
 *     └─reset / load──┴──worker keeps failing / cannot load──▶ error ──retry──▶ idle
 *
 * Step (exact counts) leads to `paused` from idle, running, pausing or paused. A worker restart reloads at `idle`.
 */

export type RunPhase = 'idle' | 'running' | 'pausing' | 'paused' | 'diverged' | 'error';

/** What `run-status` shows: `pausing` still reads `running` until the worker confirms it stopped. */
export type RunStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

export type RunEvent =
  /** A (re)load or reset: step 0, not training. */
  | 'load'
  /** A rebuild while playing: step 0, training on. */
  | 'loadAndPlay'
  | 'play'
  | 'pause'
  /** The worker paused by itself (the step's `stopAt`). */
  | 'stopped'
  /** The worker's frame says it is no longer training (or the confirmation timed out). */
  | 'pauseConfirmed'
  /** An exact number of steps (Step, Run 10, Run 100). */
  | 'step'
  | 'diverged'
  | 'failed'
  /** The worker was restarted and the experiment reloaded. */
  | 'restarted';

const CAN_TRAIN: ReadonlySet<RunPhase> = new Set(['idle', 'running', 'pausing', 'paused']);

/** The phase after `event`; events that do not apply leave the phase as it is. */
export function nextPhase(phase: RunPhase, event: RunEvent): RunPhase {
  switch (event) {
    case 'load':
    case 'restarted':
      return 'idle';
    case 'loadAndPlay':
      return 'running';
    case 'play':
      return CAN_TRAIN.has(phase) ? 'running' : phase;
    case 'pause':
    case 'stopped':
      return phase === 'running' ? 'pausing' : phase;
    case 'pauseConfirmed':
      return phase === 'pausing' ? 'paused' : phase;
    case 'step':
      return CAN_TRAIN.has(phase) ? 'paused' : phase;
    case 'diverged':
      return phase === 'error' ? phase : 'diverged';
    case 'failed':
      return 'error';
  }
}

export function statusOf(phase: RunPhase): RunStatus {
  return phase === 'pausing' ? 'running' : phase;
}

/** Play, Step and the keys do something only in these phases. */
export function canTrain(phase: RunPhase): boolean {
  return CAN_TRAIN.has(phase);
}

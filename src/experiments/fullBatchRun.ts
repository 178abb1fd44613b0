/**
 * The training loop of the small full-batch fits (activations-maxout, neurons-fit): every step sees the whole
 * training set, one loss curve is recorded, and a loss that stops being finite ends the run with advice.
 */
import type { Tensor } from '../core';
import { CurveRecorder } from './activations/curve';

/** A full-batch run's progress: advanced by fullBatchSteps, read by the trainer's metrics and views. */
export interface FullBatchRun {
  steps: number;
  /** The loss last recorded. */
  loss: number;
  /** Why training stopped (shown to the learner), or null while it runs. */
  diverged: string | null;
  readonly curve: CurveRecorder;
}

/** A run at step 0, its curve starting at `initialLoss`. */
export function startFullBatchRun(initialLoss: number): FullBatchRun {
  const curve = new CurveRecorder(1);
  curve.push(0, initialLoss);
  return { steps: 0, loss: initialLoss, diverged: null, curve };
}

/**
 * Up to n steps (fewer once the run has diverged): zero the gradients, compute `lossOf()`, backpropagate, update.
 * A loss that is not finite stops the run before the update. After each update `recordedLoss(stepLoss)` gives the
 * loss to record: the step's own (before the update) or one recomputed at the new weights — the fits differ there.
 */
export function fullBatchSteps(
  run: FullBatchRun,
  optimizer: { zeroGrad(): void; step(): void },
  lossOf: () => Tensor,
  n: number,
  recordedLoss: (stepLoss: number) => number,
): void {
  for (let s = 0; s < n && run.diverged === null; s++) {
    optimizer.zeroGrad();
    const l = lossOf();
    l.backward();
    const value = l.item();
    if (!Number.isFinite(value)) {
      run.diverged = `The loss became ${value} at step ${run.steps + 1}. Lower the learning rate and press Reset.`;
      break;
    }
    optimizer.step();
    run.steps++;
    run.loss = recordedLoss(value);
    run.curve.push(run.steps, run.loss);
  }
}

/** The recorded loss curve as a view: copies, safe to post to the main thread. */
export function fullBatchCurveView(run: FullBatchRun): { x: Float64Array; loss: Float64Array } {
  const c = run.curve.view();
  return { x: c.x, loss: c.ys[0] };
}

/**
 * The messages the trainer host (trainerHost.ts) builds from a trainer. Frames leave the worker with copies of their
 * views: a trainer's live arrays are never detached.
 */
import type { Trainer, ViewValue, Views } from '../../experiments/types';
import type { WorkerToMain } from '../protocol';

type FrameMsg = Extract<WorkerToMain, { type: 'frame' }>;

/** Training stopped on non-finite numbers: the step, why, and the metrics when their loss is still finite. */
export function divergedMessage(trainer: Trainer, reason: string): WorkerToMain {
  const metrics = trainer.metrics();
  return Number.isFinite(metrics.loss)
    ? { type: 'diverged', step: metrics.step, reason, metrics }
    : { type: 'diverged', step: metrics.step, reason };
}

/** An exception from the trainer or the experiment's module, as plain text of bounded length. */
export function errorMessage(err: unknown): WorkerToMain {
  const message = err instanceof Error ? err.message : String(err);
  return { type: 'error', message: message.slice(0, 500) || 'Unknown error in the training worker.' };
}

/** The frame for the trainer's current state, with the buffers to transfer. */
export function buildFrame(
  trainer: Trainer,
  wanted: readonly string[],
  extra: Pick<FrameMsg, 'running' | 'stepsPerSecond' | 'timeline'>,
): { frame: FrameMsg; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const metrics = trainer.metrics();
  const views = detachViews(trainer.views(wanted), transfer);
  return {
    frame: { type: 'frame', step: metrics.step, epoch: metrics.epoch, metrics, views, ...extra },
    transfer,
  };
}

type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/**
 * Copies every typed array of the views into a fresh buffer and lists it for transfer. Copying first means a trainer
 * may hand out its live arrays (weights) without them being detached from under it.
 */
export function detachViews(views: Partial<Views>, transfer: ArrayBuffer[]): Views {
  const out: Views = {};
  for (const key of Object.keys(views)) {
    const value = views[key];
    if (value !== undefined) out[key] = detachValue(value, transfer, 0); // an absent view is not sent
  }
  return out;
}

function detachValue(v: ViewValue, transfer: ArrayBuffer[], depth: number): ViewValue {
  if (isTypedArray(v)) {
    const copy = v.slice() as TypedArray;
    transfer.push(copy.buffer as ArrayBuffer);
    return copy;
  }
  if (depth > 8 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x: ViewValue) => detachValue(x, transfer, depth + 1));
  const out: Record<string, ViewValue> = {};
  for (const key of Object.keys(v))
    out[key] = detachValue((v as Record<string, ViewValue>)[key], transfer, depth + 1);
  return out;
}

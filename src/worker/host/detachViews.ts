/** Frame views leave the worker as copies (trainerHost.ts): a trainer's live arrays are never detached. */
import type { ViewValue, Views } from '../../experiments/types';

type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/**
 * Copies every typed array of the views into a fresh buffer and lists it for transfer. Copying first means a trainer
 * may hand out its live arrays (weights) without them being detached from under it.
 */
export function detachViews(views: Views, transfer: ArrayBuffer[]): Views {
  const out: Views = {};
  for (const key of Object.keys(views)) out[key] = detachValue(views[key], transfer, 0);
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

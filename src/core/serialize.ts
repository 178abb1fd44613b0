/**
 * Parameters (and buffers such as BatchNorm's running statistics) to/from a plain object of Float32Arrays (structured-cloneable: snapshots, worker messages, resetting to
 * the same initial weights).
 */
import type { Module } from './nn/module';

export type StateDict = Record<string, Float32Array>;

/** Copies of every parameter and buffer (BatchNorm running statistics), keyed by dotted path. */
export function getState(model: Module): StateDict {
  const out: StateDict = {};
  for (const [name, values] of entries(model)) out[name] = values.slice();
  return out;
}

/** Parameters' data and buffers, by path. */
function entries(model: Module): [string, Float32Array][] {
  return [
    ...model.namedParameters().map(([n, p]): [string, Float32Array] => [n, p.data]),
    ...model.namedBuffers(),
  ];
}

export interface LoadResult {
  ok: boolean;
  /** What was wrong (nothing is loaded unless everything fits). */
  problems: string[];
}

/**
 * Copy values into the model's parameters. All-or-nothing: a missing or unknown key, a wrong length or a non-finite
 * value leaves the model untouched and is listed in `problems`.
 */
export function loadState(model: Module, state: unknown): LoadResult {
  const problems: string[] = [];
  if (typeof state !== 'object' || state === null) return { ok: false, problems: ['state is not an object'] };
  const record = state as Record<string, unknown>;
  const params = entries(model);
  const known = new Set(params.map(([n]) => n));
  for (const [name, p] of params) {
    if (!Object.hasOwn(record, name)) {
      problems.push(`missing '${name}'`);
      continue;
    }
    const v = record[name];
    if (!(v instanceof Float32Array) && !Array.isArray(v)) {
      problems.push(`'${name}' is not an array`);
      continue;
    }
    const arr = v as ArrayLike<number>;
    if (arr.length !== p.length) {
      problems.push(`'${name}' has ${arr.length} values, expected ${p.length}`);
      continue;
    }
    for (let i = 0; i < arr.length; i++) {
      if (typeof arr[i] !== 'number' || !Number.isFinite(arr[i])) {
        problems.push(`'${name}' has a non-finite value at ${i}`);
        break;
      }
    }
  }
  for (const key of Object.keys(record)) if (!known.has(key)) problems.push(`unknown '${key}'`);
  if (problems.length > 0) return { ok: false, problems };
  for (const [name, p] of params) p.set(record[name] as ArrayLike<number>);
  return { ok: true, problems };
}

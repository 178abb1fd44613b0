/**
 * Parameters to/from a plain object of Float32Arrays (structured-cloneable: snapshots, worker messages, resetting to
 * the same initial weights).
 */
import type { Module } from './nn/module';

export type StateDict = Record<string, Float32Array>;

/** Copies of every parameter, keyed by its dotted path. */
export function getState(model: Module): StateDict {
  const out: StateDict = {};
  for (const [name, p] of model.namedParameters()) out[name] = p.data.slice();
  return out;
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
  const params = model.namedParameters();
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
    if (arr.length !== p.size) {
      problems.push(`'${name}' has ${arr.length} values, expected ${p.size}`);
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
  for (const [name, p] of params) p.data.set(record[name] as ArrayLike<number>);
  return { ok: true, problems };
}

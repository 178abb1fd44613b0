/** Typed settings of the transformer experiment, read from validated parameter values (defaults as fallback). */
import {
  isTaskId,
  parseSource,
  SPECIAL_TOKENS,
  type Seq2SeqTask,
  type TaskId,
} from '../../core/data/seq2seq';
import type { ParamValue, ParamValues } from '../types';
import { DEFAULT_INPUT, TRANSFORMER_PARAMS } from './params';

export interface TransformerSettings {
  task: TaskId;
  len: number;
  enc: number;
  dec: number;
  heads: number;
  dmodel: number;
  tied: boolean;
  lr: number;
  batch: number;
  warmup: boolean;
  example: number;
  input: readonly number[];
  decoding: 'greedy' | 'sample';
  temp: number;
}

function spec(name: string) {
  const s = TRANSFORMER_PARAMS.find((p) => p.name === name);
  if (!s) throw new Error(`no parameter ${name}`);
  return s;
}

function num(values: ParamValues, name: string): number {
  const s = spec(name);
  const v = Object.hasOwn(values, name) ? values[name] : undefined;
  const fallback = s.default as number;
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  if (s.type === 'number' || s.type === 'int') {
    const c = Math.min(s.max, Math.max(s.min, v));
    return s.type === 'int' ? Math.round(c) : c;
  }
  return fallback;
}

function bool(values: ParamValues, name: string): boolean {
  const v = Object.hasOwn(values, name) ? values[name] : undefined;
  return typeof v === 'boolean' ? v : (spec(name).default as boolean);
}

function list(v: ParamValue | undefined): readonly number[] {
  if (!Array.isArray(v)) return DEFAULT_INPUT;
  return v
    .filter((x): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 25)
    .slice(0, 10);
}

export function readSettings(values: ParamValues): TransformerSettings {
  const task = Object.hasOwn(values, 'task') ? values.task : undefined;
  const decoding = Object.hasOwn(values, 'decoding') ? values.decoding : undefined;
  return {
    task: isTaskId(task) ? task : 'reverse',
    len: num(values, 'len'),
    enc: num(values, 'enc'),
    dec: num(values, 'dec'),
    heads: num(values, 'heads'),
    dmodel: num(values, 'dmodel'),
    tied: bool(values, 'tied'),
    lr: num(values, 'lr'),
    batch: num(values, 'batch'),
    warmup: bool(values, 'warmup'),
    example: num(values, 'example'),
    input: list(Object.hasOwn(values, 'input') ? values.input : undefined),
    decoding: decoding === 'sample' ? 'sample' : 'greedy',
    temp: num(values, 'temp'),
  };
}

/** d_model rounded to a multiple of the number of heads (each head gets d_k = d_model / h, at least 2). */
export function effectiveModelWidth(dmodel: number, heads: number): number {
  const dk = Math.max(2, Math.round(dmodel / heads));
  return dk * heads;
}

/**
 * The source ids to decode for the `input` parameter: its symbols (index + number of special tokens) that exist in
 * the task's vocabulary. While `input` is still the default, each task decodes its own example instead (the default
 * digits mean nothing to shift or add).
 */
export function inputSourceIds(
  task: Seq2SeqTask,
  input: readonly number[],
): { ids: number[]; dropped: number } {
  const isDefault = input.length === DEFAULT_INPUT.length && input.every((x, i) => x === DEFAULT_INPUT[i]);
  if (isDefault) return { ids: parseSource(task, task.exampleText).ids, dropped: 0 };
  const ids = input.map((x) => x + SPECIAL_TOKENS.length).filter((id) => id < task.vocab.size);
  return { ids, dropped: input.length - ids.length };
}

/**
 * The parameter table of the 'transformer' experiment (one table drives controls, URL and worker validation).
 * Structural parameters (live: false) rebuild the model; live ones take effect at the next step or frame.
 */
import type { ParamTable } from '../types';
import { learningRateParam } from '../paramSpecs';

/** Typed input for decoding: symbol indices (digit d → d; letter a–z → 0–25; '+' → 10). Default "31415926". */
export const DEFAULT_INPUT: readonly number[] = [3, 1, 4, 1, 5, 9, 2, 6];

export const TRANSFORMER_PARAMS: ParamTable = [
  {
    name: 'task',
    label: 'Task',
    type: 'enum',
    default: 'reverse',
    live: false,
    options: [
      { value: 'reverse', label: 'Reverse' },
      { value: 'copy', label: 'Copy' },
      { value: 'sort', label: 'Sort' },
      { value: 'shift', label: 'Shift (Caesar +3)' },
      { value: 'add', label: 'Add (2-digit numbers)' },
    ],
    help: 'The sequence-to-sequence task the model learns.',
  },
  {
    name: 'len',
    label: 'Sequence length',
    type: 'int',
    default: 8,
    min: 2,
    max: 10,
    live: false,
    help: 'Length of every source sequence (add always uses two 2-digit numbers).',
  },
  { name: 'enc', label: 'Encoder layers', type: 'int', default: 1, min: 1, max: 3, live: false },
  { name: 'dec', label: 'Decoder layers', type: 'int', default: 1, min: 1, max: 3, live: false },
  {
    name: 'heads',
    label: 'Heads h',
    type: 'int',
    default: 2,
    min: 1,
    max: 4,
    live: false,
    help: 'd_model is rounded to a multiple of the number of heads.',
  },
  {
    name: 'dmodel',
    label: 'd_model',
    type: 'int',
    default: 32,
    min: 16,
    max: 64,
    step: 8,
    live: false,
    help: 'Width of every token vector.',
  },
  {
    name: 'tied',
    label: 'Tie output to input embedding (W_Eᵀ)',
    type: 'bool',
    default: true,
    live: false,
  },
  learningRateParam({
    default: 0.006,
    min: 0.0001,
    max: 0.03,
    help: 'Adam step size after warm-up; it then decays smoothly to 2% of this by step 1500.',
  }),
  { name: 'batch', label: 'Batch size', type: 'int', default: 32, min: 4, max: 128, live: true },
  {
    name: 'warmup',
    label: 'Warm-up',
    type: 'bool',
    default: true,
    live: true,
    help: 'Ramp the learning rate up linearly over the first steps.',
  },
  {
    name: 'example',
    label: 'Example shown',
    type: 'int',
    default: 0,
    min: 0,
    max: 15,
    live: true,
    help: 'Which held-out sequence the attention maps show.',
  },
  {
    name: 'input',
    label: 'Decoder input',
    type: 'list',
    of: 'int',
    default: DEFAULT_INPUT,
    min: 0,
    max: 25,
    minLength: 0,
    maxLength: 10,
    live: true,
    help: 'The sequence to decode, as symbol indices (digits as themselves, a–z as 0–25, + as 10).',
  },
  {
    name: 'decoding',
    label: 'Decoding',
    type: 'enum',
    default: 'greedy',
    options: [
      { value: 'greedy', label: 'Greedy (most probable)' },
      { value: 'sample', label: 'Sample with temperature' },
    ],
    live: true,
  },
  {
    name: 'temp',
    label: 'Temperature τ',
    type: 'number',
    default: 1,
    min: 0.1,
    max: 3,
    scale: 'log',
    live: true,
  },
];

/** Steps of linear learning-rate warm-up when `warmup` is on. */
export const WARMUP_STEPS = 30;
/**
 * The rate then decays along a half cosine to DECAY_FLOOR × base at DECAY_END_STEP, and stays there. Why: Adam at a
 * constant rate long after the loss reached ~1e-8 keeps taking full-size steps on gradient noise and the loss jumps
 * back to ~1 every few hundred steps — spikes a class would see but was never taught about.
 */
export const DECAY_END_STEP = 1500;
export const DECAY_FLOOR = 0.02;

/** Learning rate at optimisation step `step` (0-based): optional linear warm-up, then cosine decay to a floor. */
export function scheduledLr(base: number, step: number, warmup: boolean): number {
  const warm = warmup ? Math.min(1, (step + 1) / WARMUP_STEPS) : 1;
  const progress = Math.min(1, Math.max(0, step / DECAY_END_STEP));
  const decay = DECAY_FLOOR + (1 - DECAY_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress));
  return base * warm * decay;
}

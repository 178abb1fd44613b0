import type { PresetLink } from '../../lessons/presetLinks';

/** The settings of the steps' presets, shared with chapter.ts and checked by chapter.test.ts. */
export const HELLO_PRESET = { corpus: 'hello', batch: 1, chunk: 10, hidden: 16, lr: 0.02 } as const;
export const GRADIENT_PRESET = { radius: 1.5, chunk: 60, optim: 'sgd', lr: 0.1, clip: true } as const;
export const EXPLODING = { ...GRADIENT_PRESET, radius: 3, clip: false } as const;

const asQuery = (values: Readonly<Record<string, string | number | boolean>>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

/** Instructor presets: plain share links that open a step with its experiment set up. */
export const RNN_PRESETS: readonly PresetLink[] = [
  {
    id: 'hello-world-memorised',
    label: '“hello world” memorised',
    description: 'Step 3 on the “hello world” text: press Play and watch greedy generation reproduce it.',
    query: { lesson: '3', ...asQuery(HELLO_PRESET), seed: '1' },
  },
  {
    id: 'exploding-without-clipping',
    label: 'Exploding without clipping',
    description:
      'Step 6 with W_hh starting at spectral radius 3 and clipping off: the first update blows up.',
    query: { lesson: '6', ...asQuery(EXPLODING), seed: '1' },
  },
  {
    id: 'vanishing',
    label: 'Vanishing at radius 0.5',
    description:
      'Step 6 with W_hh starting at spectral radius 0.5: the gradient curve collapses within a few steps.',
    query: { lesson: '6', ...asQuery({ ...GRADIENT_PRESET, radius: 0.5 }), seed: '1' },
  },
];

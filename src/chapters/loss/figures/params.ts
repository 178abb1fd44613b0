import type { ParamTable } from '../../../experiments/types';

/**
 * Parameter tables of the figures computed on the main thread (no training): declared like experiment parameters so
 * the same URL parsing, clamping and notices apply, and every state is a share link.
 */

/** Step 1: four examples, each a target yᵢ and a prediction ŷᵢ in [0, 5]. */
export const EXAMPLE_COUNT = 4;
export const EXAMPLE_RANGE: [number, number] = [0, 5];
const TARGETS = [3, 1.5, 4, 2];
const PREDICTIONS = [2.5, 2, 4.2, 3.5];

const value = (name: string, label: string, def: number) =>
  ({
    name,
    label,
    type: 'number',
    live: true,
    default: def,
    min: EXAMPLE_RANGE[0],
    max: EXAMPLE_RANGE[1],
    step: 0.01,
  }) as const;

export const EXAMPLE_PARAMS: ParamTable = [
  ...TARGETS.map((d, i) => value(`y${i + 1}`, `Target y${i + 1}`, d)),
  ...PREDICTIONS.map((d, i) => value(`p${i + 1}`, `Prediction ŷ${i + 1}`, d)),
  {
    name: 'per',
    label: 'Per-example measure',
    type: 'enum',
    live: true,
    default: 'squared',
    options: [
      { value: 'squared', label: 'squared (y − ŷ)²' },
      { value: 'absolute', label: 'absolute |y − ŷ|' },
    ],
  },
];

/** Step 2: images (shift of the copy) or regression (six points + an optional outlier). */
export const FIT_X: [number, number] = [0, 10];
export const FIT_Y: [number, number] = [0, 12];
export const FIT_POINTS = 6;
const POINT_X = [1, 2.5, 4, 5.5, 7, 8.5];
const POINT_Y = [2.2, 2.6, 4.4, 4.9, 6.6, 7.1];

const coord = (name: string, label: string, def: number, [min, max]: [number, number]) =>
  ({ name, label, type: 'number', live: true, default: def, min, max, step: 0.01 }) as const;

export const MSE_PARAMS: ParamTable = [
  {
    name: 'view',
    label: 'Show',
    type: 'enum',
    live: true,
    default: 'images',
    options: [
      { value: 'images', label: 'Images' },
      { value: 'fit', label: 'Regression' },
    ],
  },
  {
    name: 'shift',
    label: 'Shift of the copy (pixels)',
    type: 'number',
    live: true,
    default: 1,
    min: -3,
    max: 3,
    step: 0.5,
  },
  ...POINT_X.map((d, i) => coord(`x${i + 1}`, `Point ${i + 1} x`, d, FIT_X)),
  ...POINT_Y.map((d, i) => coord(`v${i + 1}`, `Point ${i + 1} y`, d, FIT_Y)),
  { name: 'outlier', label: 'Outlier', type: 'bool', live: true, default: false },
  coord('ox', 'Outlier x', 8, FIT_X),
  coord('oy', 'Outlier y', 1, FIT_Y),
];

/** Step 7: which scenario the chooser shows. */
export const SCENARIOS = [
  {
    id: 'price',
    short: 'Flat prices',
    text: 'Predict the selling price of a flat from its size and location.',
    answer: 'mse',
    why: 'The output is a number: a linear output with MSE (or MAE if a few odd sales would pull the fit).',
  },
  {
    id: 'digit',
    short: 'Hand-written digits',
    text: 'Read a hand-written digit and say which of 0–9 it is.',
    answer: 'ce',
    why: 'Exactly one of ten classes is true: a softmax over ten outputs with cross-entropy.',
  },
  {
    id: 'spam',
    short: 'Spam filter',
    text: 'Decide whether an email is spam.',
    answer: 'bce',
    why: 'A yes/no question: one sigmoid output with binary cross-entropy (logistic regression).',
  },
  {
    id: 'tags',
    short: 'Photo tags',
    text: 'Tag a photo with every one of “beach”, “dog”, “sunset”, “people” that applies.',
    answer: 'bce',
    why: 'Several labels can hold at once: one sigmoid per tag, each with binary cross-entropy. A softmax would make the tags compete.',
  },
  {
    id: 'sensor',
    short: 'Noisy weather station',
    text: 'Predict tomorrow’s temperature from a weather station whose sensor now and then reports nonsense.',
    answer: 'mae',
    why: 'A number with outliers in the data: MAE keeps the rare wild readings from dragging the fit.',
  },
  {
    id: 'word',
    short: 'Next word',
    text: 'Predict the next word of a sentence from a vocabulary of 10,000 words.',
    answer: 'ce',
    why: 'One word out of many: softmax over the vocabulary with cross-entropy (as language models do).',
  },
] as const;

export const LOSS_CHOICES = [
  { value: 'mse', label: 'Linear output + MSE' },
  { value: 'mae', label: 'Linear output + MAE' },
  { value: 'ce', label: 'Softmax + cross-entropy' },
  { value: 'bce', label: 'Sigmoid + binary cross-entropy' },
] as const;

export const CHOOSER_PARAMS: ParamTable = [
  {
    name: 'scenario',
    label: 'Scenario',
    type: 'enum',
    live: true,
    default: 'price',
    options: SCENARIOS.map((s) => ({ value: s.id, label: s.short })),
  },
];

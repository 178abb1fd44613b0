import type { ParamTable } from '../types';
import { learningRateParam } from '../paramSpecs';

/**
 * Settings of the char-level language model ('char-model'). Names are part of share links: keep them stable.
 * The RNN chapter uses every one; the LSTM chapter switches `cell` to 'lstm' with the same corpus and budget.
 */
export const CHAR_MODEL_PARAMS: ParamTable = [
  {
    name: 'cell',
    label: 'Cell',
    type: 'enum',
    default: 'rnn',
    options: [
      { value: 'rnn', label: 'Vanilla RNN' },
      { value: 'lstm', label: 'LSTM' },
    ],
    live: false,
    help: 'The recurrent cell applied at every time step.',
  },
  {
    name: 'corpus',
    label: 'Training text',
    type: 'enum',
    default: 'bundled',
    options: [
      { value: 'bundled', label: 'Bundled stories (17 kB)' },
      { value: 'hello', label: '“hello world”' },
      { value: 'pasted', label: 'Your pasted text' },
    ],
    live: false,
    help: 'What the model learns to continue. Pasted text stays in this tab: links do not carry it.',
  },
  {
    name: 'hidden',
    label: 'Hidden size H',
    type: 'int',
    default: 64,
    min: 2,
    max: 192,
    step: 1,
    live: false,
    help: 'Length of the hidden state vector hₜ.',
  },
  {
    name: 'chunk',
    label: 'Chunk length p',
    type: 'int',
    default: 25,
    min: 1,
    max: 100,
    step: 1,
    live: true,
    help: 'Gradients flow back at most p characters (truncated BPTT).',
  },
  {
    name: 'batch',
    label: 'Streams (batch)',
    type: 'int',
    default: 16,
    min: 1,
    max: 64,
    step: 1,
    live: false,
    help: 'The text is cut into this many segments, read side by side.',
  },
  {
    name: 'optim',
    label: 'Optimiser',
    type: 'enum',
    default: 'adam',
    options: [
      { value: 'adam', label: 'Adam' },
      { value: 'sgd', label: 'Plain gradient descent' },
    ],
    live: false,
  },
  learningRateParam({ default: 0.005, min: 0.0001, max: 2 }),
  {
    name: 'clip',
    label: 'Clip the gradient norm',
    type: 'bool',
    default: true,
    live: true,
    help: 'Rescale the gradient when its norm is too large.',
  },
  {
    name: 'clipNorm',
    label: 'Clipping threshold',
    type: 'number',
    default: 5,
    min: 0.1,
    max: 100,
    scale: 'log',
    live: true,
  },
  {
    name: 'radius',
    label: 'Spectral radius of W_hh at start',
    type: 'number',
    default: 0,
    min: 0,
    max: 3,
    step: 0.05,
    live: false,
    help: '0: usual start; else a rotation times this (RNN only).',
  },
];

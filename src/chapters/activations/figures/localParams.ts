import type { ParamTable } from '../../../experiments/types';
import { ACTIVATION_NAMES, ACTIVATIONS } from '../../../experiments/activations/functions';

/**
 * Parameter tables of the figures that need no training (one neuron, the sigmoid/tanh probe, softmax). They are
 * computed directly on the main thread, but declared like experiment parameters so the same URL parsing, validation
 * and share links apply (docs/CONTRACTS.md, "Query parameters").
 */

const activationOptions = ACTIVATION_NAMES.map((value) => ({ value, label: ACTIVATIONS[value].label }));

const unit = (name: string, label: string, def: number, help?: string) =>
  ({ name, label, type: 'number', live: true, default: def, min: -3, max: 3, step: 0.1, help }) as const;

export const NEURON_PARAMS: ParamTable = [
  unit('x1', 'Input x₁', 1),
  unit('x2', 'Input x₂', -0.5),
  unit('x3', 'Input x₃', 0.8),
  unit('w1', 'Weight θ₁', 0.6),
  unit('w2', 'Weight θ₂', 1.2),
  unit('w3', 'Weight θ₃', -0.4),
  unit('b', 'Bias θ₀', 0.1, 'The weight on the bias unit x₀ = 1.'),
  {
    name: 'f',
    label: 'Activation f',
    type: 'enum',
    live: true,
    default: 'sigmoid',
    options: activationOptions,
  },
];

export const PROBE_PARAMS: ParamTable = [
  {
    name: 'fn',
    label: 'Function',
    type: 'enum',
    live: true,
    default: 'sigmoid',
    options: [
      { value: 'sigmoid', label: 'sigmoid σ' },
      { value: 'tanh', label: 'tanh' },
    ],
  },
  { name: 'x', label: 'Probe x', type: 'number', live: true, default: 1, min: -6, max: 6, step: 0.05 },
];

const logit = (name: string, label: string, def: number) =>
  ({ name, label, type: 'number', live: true, default: def, min: -5, max: 5, step: 0.1 }) as const;

export const SOFTMAX_PARAMS: ParamTable = [
  logit('z1', 'Logit z₁', 2),
  logit('z2', 'Logit z₂', 1),
  logit('z3', 'Logit z₃', 0.1),
  logit('z4', 'Logit z₄', -1),
  {
    name: 't',
    label: 'Temperature τ',
    type: 'number',
    live: true,
    default: 1,
    min: 0.05,
    max: 10,
    step: 0.05,
    scale: 'log',
    help: 'Divides every logit: small T sharpens, large T flattens.',
  },
];

import type { NumberParam, ParamTable } from '../../../experiments/types';
import { TOWER_DIRECTIONS } from './towers';

/**
 * Parameter tables of this chapter's computed figures (no worker): declared like experiment parameters, so the
 * shared `useUrlParams` reads, validates and writes them (share links, notices for bad values) and the shared
 * sliders draw them. Names, ranges and steps are the link contract: `?x1=…&t0=…&f=…`, `?k=…&m=…&cx=…&cy=…`.
 */

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const NEURON_ACTIVATIONS = {
  sigmoid: { label: 'sigmoid σ(z)', tex: '\\sigma', f: sigmoid },
  step: { label: 'step (0 for z ≤ 0, 1 above)', tex: '\\mathrm{step}', f: (z: number) => (z > 0 ? 1 : 0) },
  relu: { label: 'ReLU max(0, z)', tex: '\\mathrm{ReLU}', f: (z: number) => Math.max(0, z) },
  identity: { label: 'identity f(z) = z', tex: '\\mathrm{id}', f: (z: number) => z },
} as const;
export type NeuronActivation = keyof typeof NEURON_ACTIVATIONS;

export function isNeuronActivation(name: unknown): name is NeuronActivation {
  return typeof name === 'string' && Object.hasOwn(NEURON_ACTIVATIONS, name);
}

const slider = (name: string, label: string, def: number, range: number, step: number): NumberParam => ({
  name,
  label,
  type: 'number',
  live: true,
  default: def,
  min: -range,
  max: range,
  step,
});

/** Step 1: one neuron, two inputs, the bias weight and the nonlinearity. */
export const NEURON_PARAMS: ParamTable = [
  slider('x1', 'Input x₁', 1, 2, 0.1),
  slider('x2', 'Input x₂', -0.5, 2, 0.1),
  slider('t0', 'Bias weight θ₀', 0.5, 4, 0.1),
  slider('t1', 'Weight θ₁', 1, 4, 0.1),
  slider('t2', 'Weight θ₂', 2, 4, 0.1),
  {
    name: 'f',
    label: 'Nonlinearity f',
    type: 'enum',
    live: true,
    default: 'sigmoid',
    options: (Object.keys(NEURON_ACTIVATIONS) as NeuronActivation[]).map((value) => ({
      value,
      label: NEURON_ACTIVATIONS[value].label,
    })),
  },
];

/** Step 2: the inputs of the worked 2×3 layer. */
export const MATRIX_PARAMS: ParamTable = [
  slider('x1', 'Input x₁', 2, 3, 0.5),
  slider('x2', 'Input x₂', 1, 3, 0.5),
  slider('x3', 'Input x₃', -1, 3, 0.5),
];

/** Step 3: the two inputs of the fixed 2 → 3 → 2 → 1 network. */
export const FORWARD_PARAMS: ParamTable = [
  slider('x1', 'Input x₁', 0.5, 2, 0.1),
  slider('x2', 'Input x₂', -1, 2, 0.1),
];

/** The hand-built staircase's sigmoid steepness: a few readable stops, one arrow press apart. */
export const STEEPNESS = [5, 15, 50, 150, 500, 1500] as const;

const centre = (name: string, label: string): NumberParam => ({
  name,
  label,
  type: 'number',
  live: true,
  default: 0.5,
  min: 0,
  max: 1,
});

/** Step 6: the figure's own settings (the hidden-neuron count and the target belong to the experiment's table). */
export const BUMPS_PARAMS: ParamTable = [
  {
    name: 'k',
    label: 'Steepness k',
    type: 'enum',
    live: true,
    default: '500',
    options: STEEPNESS.map((k) => ({ value: String(k), label: String(k) })),
  },
  {
    name: 'm',
    label: 'Directions M',
    type: 'int',
    live: true,
    default: TOWER_DIRECTIONS.default,
    min: TOWER_DIRECTIONS.min,
    max: TOWER_DIRECTIONS.max,
    step: 1,
  },
  centre('cx', 'Tower centre x₁'),
  centre('cy', 'Tower centre x₂'),
];

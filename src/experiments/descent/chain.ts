import { activation, scalarActivations, type ActivationName } from '../../core/ops/activations';
import { add, mul, pow, scale, sub } from '../../core/ops/elementwise';
import { tensor, type Tensor } from '../../core/tensor';
import type { ParamTable, ParamValues } from '../types';
import { learningRateParam } from '../paramSpecs';
import { numberParam } from '../paramValues';

/**
 * The lesson's four-neuron chain a₁ → a₂ → a₃ → a₄ with (w₁,b₁), (w₂,b₂), (w₃,b₃):
 *   z_l = w_{l−1} a_{l−1} + b_{l−1},  a_l = g(z_l)  (l = 2, 3, 4),   C = ½ (a₄ − y)².
 * Its six derivatives computed three independent ways, which the page shows side by side:
 *   1. `chainRule`: the backward pass written out as the lesson's formulas (float64);
 *   2. `autodiffDerivatives`: the core's reverse-mode autodiff on tensors (float32);
 *   3. `finiteDifferences`: central differences (C(p + ε) − C(p − ε)) / 2ε (float64).
 */
export const CHAIN_PARAM_NAMES = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'] as const;
export type ChainParamName = (typeof CHAIN_PARAM_NAMES)[number];

export type ChainActivation = Extract<ActivationName, 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'identity'>;

export interface ChainInputs {
  a1: number;
  y: number;
  w1: number;
  b1: number;
  w2: number;
  b2: number;
  w3: number;
  b3: number;
  g: ChainActivation;
}

export const CHAIN_DEFAULTS: ChainInputs = {
  a1: 1,
  y: 0.2,
  w1: 0.8,
  b1: 0.1,
  w2: -1.2,
  b2: 0.3,
  w3: 1.5,
  b3: -0.4,
  g: 'sigmoid',
};

const weightSpec = (name: string, label: string, d: number) =>
  ({ name, label, type: 'number', default: d, min: -10, max: 10, step: 0.01, live: false }) as const;

/** Every input of the chain is a URL parameter, so a share link reopens the exact numbers. */
export const chainParams: ParamTable = [
  weightSpec('a1', 'Input a₁', CHAIN_DEFAULTS.a1),
  weightSpec('w1', 'Weight w₁', CHAIN_DEFAULTS.w1),
  weightSpec('b1', 'Bias b₁', CHAIN_DEFAULTS.b1),
  weightSpec('w2', 'Weight w₂', CHAIN_DEFAULTS.w2),
  weightSpec('b2', 'Bias b₂', CHAIN_DEFAULTS.b2),
  weightSpec('w3', 'Weight w₃', CHAIN_DEFAULTS.w3),
  weightSpec('b3', 'Bias b₃', CHAIN_DEFAULTS.b3),
  weightSpec('y', 'Target y', CHAIN_DEFAULTS.y),
  {
    name: 'g',
    label: 'Activation g',
    type: 'enum',
    default: CHAIN_DEFAULTS.g,
    options: [
      { value: 'sigmoid', label: 'sigmoid' },
      { value: 'tanh', label: 'tanh' },
      { value: 'relu', label: 'ReLU' },
      { value: 'leakyRelu', label: 'leaky ReLU' },
      { value: 'identity', label: 'identity' },
    ],
    live: false,
  },
  learningRateParam({ default: 0.5, min: 0.001, max: 10, step: 0.001 }),
];

const ACTIVATIONS: readonly ChainActivation[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'identity'];

/** Validated inputs from parameter values (anything missing or non-finite falls back to the default). */
export function chainInputsFrom(values: ParamValues): ChainInputs {
  const num = (k: keyof Omit<ChainInputs, 'g'>) => numberParam(values, k, CHAIN_DEFAULTS[k]);
  const g = Object.hasOwn(values, 'g') ? values.g : undefined;
  return {
    a1: num('a1'),
    y: num('y'),
    w1: num('w1'),
    b1: num('b1'),
    w2: num('w2'),
    b2: num('b2'),
    w3: num('w3'),
    b3: num('b3'),
    g: ACTIVATIONS.includes(g as ChainActivation) ? (g as ChainActivation) : CHAIN_DEFAULTS.g,
  };
}

export interface ChainForward {
  /** z₂, z₃, z₄ (index 0..2 ↔ neuron 2..4). */
  z: [number, number, number];
  /** a₁, a₂, a₃, a₄. */
  a: [number, number, number, number];
  cost: number;
}

export function forward(p: ChainInputs): ChainForward {
  const { f } = scalarActivations[p.g];
  const z2 = p.w1 * p.a1 + p.b1;
  const a2 = f(z2);
  const z3 = p.w2 * a2 + p.b2;
  const a3 = f(z3);
  const z4 = p.w3 * a3 + p.b3;
  const a4 = f(z4);
  return { z: [z2, z3, z4], a: [p.a1, a2, a3, a4], cost: 0.5 * (a4 - p.y) ** 2 };
}

/** One node of the backward pass: neuron l and the three derivatives its incoming link receives. */
export interface BackwardNode {
  /** Neuron index l (4, 3, 2 in backward order). */
  l: 2 | 3 | 4;
  /** ∂C/∂a_l (arrives from the node after). */
  dCda: number;
  /** ∂a_l/∂z_l = g′(z_l). */
  dadz: number;
  /** ∂z_l/∂w_{l−1} = a_{l−1}. */
  dzdw: number;
  /** ∂z_l/∂a_{l−1} = w_{l−1}. */
  dzdaPrev: number;
  /** ∂C/∂w_{l−1}, ∂C/∂b_{l−1}, ∂C/∂a_{l−1}. */
  dCdw: number;
  dCdb: number;
  dCdaPrev: number;
}

export interface ChainBackward {
  forward: ChainForward;
  /** ∂C/∂a₄ = a₄ − y. */
  dCda4: number;
  /** Backward order: neuron 4, then 3, then 2. */
  nodes: [BackwardNode, BackwardNode, BackwardNode];
  derivatives: Record<ChainParamName, number>;
}

/** The backward pass exactly as the lesson writes it: ∂C/∂x_{l−1} = ∂C/∂a_l · ∂a_l/∂z_l · ∂z_l/∂x_{l−1}. */
export function chainRule(p: ChainInputs): ChainBackward {
  const fw = forward(p);
  const { df } = scalarActivations[p.g];
  const weights = [p.w1, p.w2, p.w3];
  const dCda4 = fw.a[3] - p.y;
  const nodes: BackwardNode[] = [];
  let dCda = dCda4;
  for (const l of [4, 3, 2] as const) {
    const dadz = df(fw.z[l - 2]);
    const aPrev = fw.a[l - 2];
    const wPrev = weights[l - 2];
    const node: BackwardNode = {
      l,
      dCda,
      dadz,
      dzdw: aPrev,
      dzdaPrev: wPrev,
      dCdw: dCda * dadz * aPrev,
      dCdb: dCda * dadz * 1,
      dCdaPrev: dCda * dadz * wPrev,
    };
    nodes.push(node);
    dCda = node.dCdaPrev;
  }
  const [n4, n3, n2] = nodes;
  return {
    forward: fw,
    dCda4,
    nodes: [n4, n3, n2],
    derivatives: { w3: n4.dCdw, b3: n4.dCdb, w2: n3.dCdw, b2: n3.dCdb, w1: n2.dCdw, b1: n2.dCdb },
  };
}

/** Central finite differences in float64. ε = 1e-5 keeps truncation (∝ ε²) and round-off (∝ 1/ε) both ≪ 1e-6. */
export function finiteDifferences(p: ChainInputs, eps = 1e-5): Record<ChainParamName, number> {
  const out = {} as Record<ChainParamName, number>;
  for (const name of CHAIN_PARAM_NAMES) {
    const plus = forward({ ...p, [name]: p[name] + eps }).cost;
    const minus = forward({ ...p, [name]: p[name] - eps }).cost;
    out[name] = (plus - minus) / (2 * eps);
  }
  return out;
}

/** The same six derivatives from the core's reverse-mode autodiff (float32 tensors of one element). */
export function autodiffDerivatives(p: ChainInputs): {
  cost: number;
  derivatives: Record<ChainParamName, number>;
} {
  const leaf = (v: number) => tensor([v], [1], { requiresGrad: true });
  const params = Object.fromEntries(CHAIN_PARAM_NAMES.map((n) => [n, leaf(p[n])])) as Record<
    ChainParamName,
    Tensor
  >;
  const g = activation(p.g);
  const a1 = tensor([p.a1], [1]);
  const a2 = g(add(mul(params.w1, a1), params.b1)); // [1]
  const a3 = g(add(mul(params.w2, a2), params.b2)); // [1]
  const a4 = g(add(mul(params.w3, a3), params.b3)); // [1]
  const cost = scale(pow(sub(a4, tensor([p.y], [1])), 2), 0.5); // [1]
  const costValue = cost.data[0];
  cost.backward();
  const derivatives = {} as Record<ChainParamName, number>;
  for (const n of CHAIN_PARAM_NAMES) derivatives[n] = params[n].grad?.[0] ?? 0;
  return { cost: costValue, derivatives };
}

import { useMemo } from 'react';
import { NetworkDiagram } from '../../../components/charts';
import { Slider, fmt2 } from './Slider';
import { useFigureParams, type FigureParamSpecs } from './figureParams';
import { IgnoredNotice } from './IgnoredNotice';

const PARAMS: FigureParamSpecs = {
  x1: { kind: 'number', default: 0.5, min: -2, max: 2 },
  x2: { kind: 'number', default: -1, min: -2, max: 2 },
};

/** A fixed 2 → 3 → 2 → 1 network: tanh hidden layers, sigmoid output. Weights are [out, in] row-major per layer. */
const LAYERS = [2, 3, 2, 1] as const;
const WEIGHTS = [
  [1.2, -0.8, 0.5, 1.5, -1.0, 0.7], // W⁽¹⁾ [3, 2]
  [0.9, -1.1, 0.6, -0.7, 0.8, 1.3], // W⁽²⁾ [2, 3]
  [1.5, -1.2], // W⁽³⁾ [1, 2]
];
const BIASES = [[0.1, -0.3, 0.2], [0, 0.2], [0.1]];

/** a⁽ˡ⁾ = f(W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾) for every layer, input included as a⁽⁰⁾. */
export function forward(x: readonly number[]): number[][] {
  const acts: number[][] = [x.slice()];
  for (let l = 0; l < WEIGHTS.length; l++) {
    const prev = acts[l];
    const out = LAYERS[l + 1];
    const last = l === WEIGHTS.length - 1;
    const a: number[] = [];
    for (let i = 0; i < out; i++) {
      let z = BIASES[l][i];
      for (let j = 0; j < prev.length; j++) z += WEIGHTS[l][i * prev.length + j] * prev[j];
      a.push(last ? 1 / (1 + Math.exp(-z)) : Math.tanh(z));
    }
    acts.push(a);
  }
  return acts;
}

/** Step 3: a small feed-forward network; move the inputs and follow the activations layer by layer. */
export function ForwardFigure() {
  const { values, ignored, set } = useFigureParams(PARAMS);
  const x1 = values.x1 as number;
  const x2 = values.x2 as number;
  const acts = useMemo(() => forward([x1, x2]), [x1, x2]);
  const summary = acts
    .map(
      (a, l) =>
        `${l === 0 ? 'input' : l === acts.length - 1 ? 'output' : `hidden ${l}`}: ${a.map(fmt2).join(', ')}`,
    )
    .join('; ');

  return (
    <div className="nr-figure" data-testid="figure-forward">
      <IgnoredNotice ignored={ignored} />
      <NetworkDiagram
        layers={LAYERS}
        weights={WEIGHTS}
        activations={acts}
        neuronLabels={[['x₁', 'x₂'], undefined, undefined, ['ŷ']]}
        layerLabels={['a⁽⁰⁾ input', 'a⁽¹⁾ tanh', 'a⁽²⁾ tanh', 'a⁽³⁾ sigmoid']}
        height={300}
        title="A 2 → 3 → 2 → 1 feed-forward network"
        caption={`Activations per layer — ${summary}.`}
      />
      <p className="nr-readout">
        Output ŷ = <strong data-testid="forward-output">{fmt2(acts[acts.length - 1][0])}</strong>
      </p>
      <div className="nr-controls" role="group" aria-label="Inputs">
        <Slider label="Input x₁" value={x1} min={-2} max={2} step={0.1} onChange={(v) => set('x1', v)} />
        <Slider label="Input x₂" value={x2} min={-2} max={2} step={0.1} onChange={(v) => set('x2', v)} />
      </div>
    </div>
  );
}

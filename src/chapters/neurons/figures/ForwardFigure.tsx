import { useMemo } from 'react';
import { NetworkDiagram } from '../../../components/charts';
import { IgnoredNotice, TableControls } from '../../../components/controls';
import { useUrlParams } from '../../../state/useUrlParams';
import { fmt2 } from './format';
import { FORWARD_PARAMS } from './tables';

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
  const { values, ignored, set } = useUrlParams(FORWARD_PARAMS);
  const x1 = Number(values.x1);
  const x2 = Number(values.x2);
  const acts = useMemo(() => forward([x1, x2]), [x1, x2]);
  const summary = acts
    .map(
      (a, l) =>
        `${l === 0 ? 'input' : l === acts.length - 1 ? 'output' : `hidden ${l}`}: ${a.map(fmt2).join(', ')}`,
    )
    .join('; ');

  return (
    <div className="nr-figure" data-testid="figure-forward">
      <IgnoredNotice lines={ignored} testId="figure-notice" />
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
      <TableControls
        table={FORWARD_PARAMS}
        values={values}
        onChange={set}
        groupLabel="Inputs"
        className="nr-controls"
      />
    </div>
  );
}

import { useId } from 'react';
import { FunctionPlot, Tex } from '../../../components/charts';
import { Slider, fmt2, tex2 } from './Slider';
import { useFigureParams, type FigureParamSpecs } from './figureParams';
import { IgnoredNotice } from './IgnoredNotice';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const NEURON_ACTIVATIONS = {
  sigmoid: { label: 'sigmoid σ(z)', tex: '\\sigma', f: sigmoid },
  step: { label: 'step (0 for z ≤ 0, 1 above)', tex: '\\mathrm{step}', f: (z: number) => (z > 0 ? 1 : 0) },
  relu: { label: 'ReLU max(0, z)', tex: '\\mathrm{ReLU}', f: (z: number) => Math.max(0, z) },
  identity: { label: 'identity f(z) = z', tex: '\\mathrm{id}', f: (z: number) => z },
} as const;
type ActName = keyof typeof NEURON_ACTIVATIONS;

const PARAMS: FigureParamSpecs = {
  x1: { kind: 'number', default: 1, min: -2, max: 2 },
  x2: { kind: 'number', default: -0.5, min: -2, max: 2 },
  t0: { kind: 'number', default: 0.5, min: -4, max: 4 },
  t1: { kind: 'number', default: 1, min: -4, max: 4 },
  t2: { kind: 'number', default: 2, min: -4, max: 4 },
  f: { kind: 'option', default: 'sigmoid', options: Object.keys(NEURON_ACTIVATIONS) },
};

/** Step 1: one neuron with two inputs and a bias unit; z and its activation a = f(z) computed live, f drawn with the point (z, a). */
export function NeuronFigure() {
  const { values, ignored, set } = useFigureParams(PARAMS);
  const [x1, x2, t0, t1, t2] = (['x1', 'x2', 't0', 't1', 't2'] as const).map((n) => values[n] as number);
  const act = values.f as ActName;
  const selectId = useId();
  const f = NEURON_ACTIVATIONS[act];
  const z = t0 + t1 * x1 + t2 * x2;
  const y = f.f(z);

  return (
    <div className="nr-figure" data-testid="figure-neuron">
      <IgnoredNotice ignored={ignored} />
      <Tex
        display
        tex={`z = \\theta_0 + \\theta_1 x_1 + \\theta_2 x_2 = ${tex2(t0)} + ${tex2(t1)} \\cdot ${tex2(x1)} + ${tex2(t2)} \\cdot ${tex2(x2)} = ${tex2(z)}`}
      />
      <Tex display tex={`a = ${f.tex}(${tex2(z)}) = ${tex2(y)}`} />
      <p className="nr-readout">
        z = <strong data-testid="neuron-z">{fmt2(z)}</strong>, output a ={' '}
        <strong data-testid="neuron-y">{fmt2(y)}</strong>
      </p>
      <FunctionPlot
        f={f.f}
        fLabel={f.label}
        xDomain={[-6, 6]}
        yDomain={act === 'relu' || act === 'identity' ? [-6, 6] : [-0.1, 1.1]}
        probe={Math.max(-6, Math.min(6, z))}
        height={220}
        xLabel="z"
        yLabel="a = f(z)"
        title="The activation function and this neuron's point"
        caption={`The neuron's weighted sum z = ${fmt2(z)} gives output ${fmt2(y)} through the ${f.label}.`}
      />
      <div className="nr-controls" role="group" aria-label="Neuron inputs and weights">
        <Slider label="Input x₁" value={x1} min={-2} max={2} step={0.1} onChange={(v) => set('x1', v)} />
        <Slider label="Input x₂" value={x2} min={-2} max={2} step={0.1} onChange={(v) => set('x2', v)} />
        <Slider
          label="Bias weight θ₀"
          value={t0}
          min={-4}
          max={4}
          step={0.1}
          onChange={(v) => set('t0', v)}
        />
        <Slider label="Weight θ₁" value={t1} min={-4} max={4} step={0.1} onChange={(v) => set('t1', v)} />
        <Slider label="Weight θ₂" value={t2} min={-4} max={4} step={0.1} onChange={(v) => set('t2', v)} />
        <div className="nr-slider">
          <label htmlFor={selectId}>Nonlinearity f</label>
          <select id={selectId} value={act} onChange={(e) => set('f', e.target.value)}>
            {(Object.keys(NEURON_ACTIVATIONS) as ActName[]).map((k) => (
              <option key={k} value={k}>
                {NEURON_ACTIVATIONS[k].label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

import { useId, useState } from 'react';
import { FunctionPlot, Tex } from '../../../components/charts';
import { Slider, fmt2, tex2 } from './Slider';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const NEURON_ACTIVATIONS = {
  sigmoid: { label: 'sigmoid σ(z)', tex: '\\sigma', f: sigmoid },
  step: { label: 'step (0 for z ≤ 0, 1 above)', tex: '\\mathrm{step}', f: (z: number) => (z > 0 ? 1 : 0) },
  relu: { label: 'ReLU max(0, z)', tex: '\\mathrm{ReLU}', f: (z: number) => Math.max(0, z) },
  identity: { label: 'identity f(z) = z', tex: '\\mathrm{id}', f: (z: number) => z },
} as const;
type ActName = keyof typeof NEURON_ACTIVATIONS;

/** Step 1: one neuron with two inputs and a bias unit; z and y = f(z) computed live, f drawn with the point (z, y). */
export function NeuronFigure() {
  const [x1, setX1] = useState(1);
  const [x2, setX2] = useState(-0.5);
  const [t0, setT0] = useState(0.5);
  const [t1, setT1] = useState(1);
  const [t2, setT2] = useState(2);
  const [act, setAct] = useState<ActName>('sigmoid');
  const selectId = useId();
  const f = NEURON_ACTIVATIONS[act];
  const z = t0 + t1 * x1 + t2 * x2;
  const y = f.f(z);

  return (
    <div className="nr-figure" data-testid="figure-neuron">
      <Tex
        display
        tex={`z = \\theta_0 + \\theta_1 x_1 + \\theta_2 x_2 = ${tex2(t0)} + ${tex2(t1)} \\cdot ${tex2(x1)} + ${tex2(t2)} \\cdot ${tex2(x2)} = ${tex2(z)}`}
      />
      <Tex display tex={`y = ${f.tex}(${tex2(z)}) = ${tex2(y)}`} />
      <p className="nr-readout">
        z = <strong data-testid="neuron-z">{fmt2(z)}</strong>, output y ={' '}
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
        yLabel="y = f(z)"
        title="The activation function and this neuron's point"
        caption={`The neuron's weighted sum z = ${fmt2(z)} gives output ${fmt2(y)} through the ${f.label}.`}
      />
      <div className="nr-controls" role="group" aria-label="Neuron inputs and weights">
        <Slider label="Input x₁" value={x1} min={-2} max={2} step={0.1} onChange={setX1} />
        <Slider label="Input x₂" value={x2} min={-2} max={2} step={0.1} onChange={setX2} />
        <Slider label="Bias weight θ₀" value={t0} min={-4} max={4} step={0.1} onChange={setT0} />
        <Slider label="Weight θ₁" value={t1} min={-4} max={4} step={0.1} onChange={setT1} />
        <Slider label="Weight θ₂" value={t2} min={-4} max={4} step={0.1} onChange={setT2} />
        <div className="nr-slider">
          <label htmlFor={selectId}>Nonlinearity f</label>
          <select id={selectId} value={act} onChange={(e) => setAct(e.target.value as ActName)}>
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

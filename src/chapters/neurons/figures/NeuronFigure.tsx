import { FunctionPlot, Tex } from '../../../components/charts';
import { IgnoredNotice, TableControls } from '../../../components/controls';
import { useUrlParams } from '../../../state/useUrlParams';
import { fmt2, tex2 } from './format';
import { NEURON_ACTIVATIONS, NEURON_PARAMS, isNeuronActivation } from './tables';

/** Step 1: one neuron with two inputs and a bias unit; z and its activation a = f(z) computed live, f drawn with the point (z, a). */
export function NeuronFigure() {
  const { values, ignored, set } = useUrlParams(NEURON_PARAMS);
  const [x1, x2, t0, t1, t2] = (['x1', 'x2', 't0', 't1', 't2'] as const).map((n) => Number(values[n]));
  const act = isNeuronActivation(values.f) ? values.f : 'sigmoid';
  const f = NEURON_ACTIVATIONS[act];
  const z = t0 + t1 * x1 + t2 * x2;
  const y = f.f(z);

  return (
    <div className="nr-figure" data-testid="figure-neuron">
      <IgnoredNotice lines={ignored} testId="figure-notice" />
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
      <TableControls
        table={NEURON_PARAMS}
        values={values}
        onChange={set}
        groupLabel="Neuron inputs and weights"
        className="nr-controls"
      />
    </div>
  );
}

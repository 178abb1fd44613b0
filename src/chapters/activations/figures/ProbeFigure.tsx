import { FunctionPlot } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { ACTIVATIONS } from '../../../experiments/activations/functions';
import { PROBE_PARAMS } from './localParams';
import { fmt } from '../../../components/math/fixed';
import { useUrlParams } from '../../../state/useUrlParams';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';
import { IgnoredNotice } from '../../../components/controls';
import { SettingsReset } from './SettingsReset';

/** Step 3: sigmoid or tanh with its derivative, a draggable probe (URL-synced), and the other one for comparison. */
export function ProbeFigure({ preset }: FigureProps) {
  const { values, ignored, set, reset } = useUrlParams(PROBE_PARAMS, preset);
  const fn = values.fn === 'tanh' ? 'tanh' : 'sigmoid';
  const other = fn === 'tanh' ? 'sigmoid' : 'tanh';
  const a = ACTIVATIONS[fn];
  const x = typeof values.x === 'number' ? values.x : 1;
  const fx = a.f(x);
  const dfx = a.df(x);
  const name = fn === 'tanh' ? '\\tanh' : '\\sigma';
  const saturated = dfx < 0.05;
  return (
    <figure className="act-figure" data-testid="figure-sigmoid-tanh">
      <IgnoredNotice lines={ignored} />
      <FunctionPlot
        title={fn === 'tanh' ? 'tanh and its derivative' : 'Sigmoid σ and its derivative'}
        f={a.f}
        df={a.df}
        fLabel={fn === 'tanh' ? 'tanh(x)' : 'σ(x)'}
        dfLabel={fn === 'tanh' ? 'tanh′(x)' : 'σ′(x)'}
        extra={[
          {
            label: other === 'tanh' ? 'tanh(x) for comparison' : 'σ(x) for comparison',
            f: ACTIVATIONS[other].f,
          },
        ]}
        xDomain={[-6, 6]}
        yDomain={[-1.1, 1.1]}
        probe={x}
        onProbeChange={(v) => set('x', Number(v.toFixed(2)))}
        height={300}
        caption={`${a.label} and its derivative. Drag the probe (or focus the plot and use the arrow keys).`}
      />
      <div className="act-formula">
        <Tex
          tex={`${name}(${fmt(x, 2)}) = ${fmt(fx, 4)}, \\qquad ${name}'(${fmt(x, 2)}) = ${fmt(dfx, 4)}`}
          display
        />
      </div>
      <p className="act-readout">
        Output <strong data-testid="probe-value">{fmt(fx, 4)}</strong>, slope{' '}
        <strong data-testid="probe-slope">{fmt(dfx, 4)}</strong>
        {saturated ? ' — saturated: almost no gradient passes here.' : '.'} Range:{' '}
        {fn === 'tanh' ? '(−1, 1), centred on 0' : '(0, 1), centred on 0.5'}.
      </p>
      <SettingsReset table={PROBE_PARAMS} values={values} onChange={set} onReset={reset} />
    </figure>
  );
}

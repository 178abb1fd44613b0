import { useId, useMemo } from 'react';
import { LineChart, useChartTheme } from '../../../components/charts';
import { TARGETS, bumpNetwork, maxError, type TargetName } from './bumps';
import { Slider } from './Slider';
import { useFigureParams, type FigureParamSpecs } from './figureParams';
import { IgnoredNotice } from './IgnoredNotice';

const STEEPNESS = [5, 15, 50, 150, 500, 1500] as const;
const SAMPLES = 301;

const PARAMS: FigureParamSpecs = {
  target: { kind: 'option', default: 'wave', options: Object.keys(TARGETS) },
  units: { kind: 'number', default: 8, min: 2, max: 80 },
  k: { kind: 'option', default: '500', options: STEEPNESS.map(String) },
};

/** Step 6: one hidden layer of sigmoids built as steps → bumps → a staircase that approaches the target. */
export function BumpsFigure() {
  const { values, ignored, set } = useFigureParams(PARAMS);
  const target = values.target as TargetName;
  const units = 2 * Math.max(1, Math.round((values.units as number) / 2)); // two units per bump
  const kIndex = Math.max(0, STEEPNESS.map(String).indexOf(values.k as string));
  const selectId = useId();
  const theme = useChartTheme();
  const k = STEEPNESS[kIndex];
  const f = TARGETS[target].f;

  const { xs, ys, fit, error } = useMemo(() => {
    const net = bumpNetwork(f, units, k);
    const xs = new Float64Array(SAMPLES);
    const ys = new Float64Array(SAMPLES);
    const fit = new Float64Array(SAMPLES);
    for (let i = 0; i < SAMPLES; i++) {
      const x = i / (SAMPLES - 1);
      xs[i] = x;
      ys[i] = f(x);
      fit[i] = net.predict(x);
    }
    return { xs, ys, fit, error: maxError(f, net.predict) };
  }, [f, units, k]);

  return (
    <div className="nr-figure" data-testid="figure-bumps">
      <IgnoredNotice ignored={ignored} />
      <p className="nr-readout">
        {units} hidden sigmoids = {units / 2} bumps, steepness k = {k}: largest error{' '}
        <strong data-testid="bumps-max-error">{error.toFixed(3)}</strong>
      </p>
      <LineChart
        title="Target and one-hidden-layer network"
        xLabel="x"
        yLabel="y"
        height={280}
        xDomain={[0, 1]}
        series={[
          { label: 'target f(x)', x: xs, y: ys, color: theme.series[0] },
          { label: `network, ${units} hidden units`, x: xs, y: fit, color: theme.series[1], dashed: true },
        ]}
        caption={`The network with ${units} hidden sigmoid units of steepness ${k} approximates ${TARGETS[target].label} with largest error ${error.toFixed(3)} on [0.02, 0.98].`}
      />
      <div className="nr-controls" role="group" aria-label="Network size and steepness">
        <Slider
          label="Hidden neurons"
          value={units}
          min={2}
          max={80}
          step={2}
          onChange={(v) => set('units', v)}
          testId="bumps-units"
        />
        <Slider
          label="Steepness k"
          value={kIndex}
          min={0}
          max={STEEPNESS.length - 1}
          step={1}
          onChange={(i) => set('k', String(STEEPNESS[i]))}
          format={(i) => String(STEEPNESS[i])}
        />
        <div className="nr-slider">
          <label htmlFor={selectId}>Target function</label>
          <select id={selectId} value={target} onChange={(e) => set('target', e.target.value)}>
            {(Object.keys(TARGETS) as TargetName[]).map((t) => (
              <option key={t} value={t}>
                {TARGETS[t].label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

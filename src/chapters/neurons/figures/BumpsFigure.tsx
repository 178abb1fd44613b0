import { useId, useMemo } from 'react';
import { LineChart, useChartTheme } from '../../../components/charts';
import { MetricsBar, NoticeBar, RunControls } from '../../../components/run';
import { FIT_UNITS } from '../../../experiments/neurons/fit';
import { usePresentation } from '../../../lessons';
import type { LessonStep } from '../../../lessons/types';
import { useExperiment } from '../../../state';
import { useViews, viewWith } from '../../activations/figures/live';
import { TARGETS, bumpNetwork, isTargetName, maxError, type TargetName } from './bumps';
import { Slider } from './Slider';
import { useFigureParams, type FigureParamSpecs } from './figureParams';
import { IgnoredNotice } from './IgnoredNotice';
import { TowerPanel } from './TowerPanel';
import { TOWER_DIRECTIONS } from './towers';

const STEEPNESS = [5, 15, 50, 150, 500, 1500] as const;
const SAMPLES = 301;
/** Low enough for the step to fit a 1280×800 laptop; a projector scales the figure to fit, so it can be taller. */
const PLOT_HEIGHT = 165;
const PRESENTER_PLOT_HEIGHT = 240;

/** The figure's own settings (the hidden-neuron count and the target belong to the trained experiment's table). */
const PARAMS: FigureParamSpecs = {
  k: { kind: 'option', default: '500', options: STEEPNESS.map(String) },
  m: {
    kind: 'number',
    default: TOWER_DIRECTIONS.default,
    min: TOWER_DIRECTIONS.min,
    max: TOWER_DIRECTIONS.max,
  },
  cx: { kind: 'number', default: 0.5, min: 0, max: 1 },
  cy: { kind: 'number', default: 0.5, min: 0, max: 1 },
};
/** Not the experiment's: it must not report them as unknown. */
const RESERVED = Object.keys(PARAMS);

interface FitView {
  x: Float32Array;
  y: Float64Array;
  maxError: number;
  units: number;
}

interface HandBuilt {
  xs: Float64Array;
  ys: Float64Array;
  fit: Float64Array;
  error: number;
}

/** The hand-built staircase: 2 units per bump, steepness k, sampled for the chart. */
function useHandBuilt(f: (x: number) => number, units: number, k: number): HandBuilt {
  return useMemo(() => {
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
}

/**
 * Step 6: one hidden layer of sigmoids, built by hand as steps → bumps → a staircase, beside the same layer TRAINED
 * in the worker (neurons-fit, Adam), and the two-input tower built from steps along M directions.
 */
export function BumpsFigure({ step }: { step: LessonStep }) {
  const exp = useExperiment({ experiment: 'neurons-fit', preset: step.preset, reserved: RESERVED });
  const { values, ignored, set } = useFigureParams(PARAMS);
  const { views } = useViews(['fit'], 20);
  const plotHeight = usePresentation().present ? PRESENTER_PLOT_HEIGHT : PLOT_HEIGHT;

  const rawUnits = typeof exp.values.units === 'number' ? exp.values.units : FIT_UNITS.default;
  const units = 2 * Math.max(1, Math.round(rawUnits / 2)); // two units per bump
  const target: TargetName = isTargetName(exp.values.target) ? exp.values.target : 'wave';
  const kIndex = Math.max(0, STEEPNESS.map(String).indexOf(values.k as string));
  const k = STEEPNESS[kIndex];
  const handBuilt = useHandBuilt(TARGETS[target].f, units, k);

  // A frame of another step's experiment, or of the model before a rebuild, is not this curve.
  const view = viewWith<FitView>(views.fit, ['x', 'y']);
  const trained = view && view.units === units && view.y.length === view.x.length ? view : undefined;

  return (
    <div className="nr-figure nr-ua captions-spoken" data-testid="figure-bumps">
      <IgnoredNotice ignored={ignored} />
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <p className="nr-readout">
        Largest error, {units} hidden sigmoids: by hand{' '}
        <strong data-testid="bumps-max-error">{handBuilt.error.toFixed(3)}</strong> · trained{' '}
        <strong data-testid="trained-max-error">{trained ? trained.maxError.toFixed(3) : '…'}</strong>
      </p>
      <div className="nr-pair">
        <StaircaseChart
          target={target}
          units={units}
          k={k}
          handBuilt={handBuilt}
          trained={trained}
          height={plotHeight}
        />
        <TowerPanel
          directions={values.m as number}
          centre={[values.cx as number, values.cy as number]}
          onCentre={(x1, x2) => {
            set('cx', x1);
            set('cy', x2);
          }}
          height={plotHeight}
        />
      </div>
      {exp.ready && (
        <BumpsControls
          units={units}
          kIndex={kIndex}
          directions={values.m as number}
          target={target}
          setParam={exp.setParam}
          set={set}
        />
      )}
    </div>
  );
}

/** The target, the hand-built staircase (dashed) and, once a frame has come, the trained network's curve. */
function StaircaseChart({
  target,
  units,
  k,
  handBuilt,
  trained,
  height,
}: {
  target: TargetName;
  units: number;
  k: number;
  handBuilt: HandBuilt;
  trained: FitView | undefined;
  height: number;
}) {
  const theme = useChartTheme();
  const { xs, ys, fit, error } = handBuilt;
  return (
    <LineChart
      title={`One input, N = ${units}`}
      xLabel="x"
      yLabel="y"
      height={height}
      xDomain={[0, 1]}
      series={[
        { label: 'target', x: xs, y: ys, color: theme.series[0] },
        { label: 'built by hand', x: xs, y: fit, color: theme.series[1], dashed: true },
        ...(trained ? [{ label: 'trained', x: trained.x, y: trained.y, color: theme.series[2] }] : []),
      ]}
      caption={`Target ${TARGETS[target].label}; the hand-built network (${units} sigmoids of steepness ${k}) has largest error ${error.toFixed(3)} on [0.02, 0.98]${trained ? `, the trained one (${units} sigmoids, Adam) ${trained.maxError.toFixed(3)}` : ''}.`}
    />
  );
}

/** Network size and target (the experiment's parameters), steepness and tower directions (the figure's own). */
function BumpsControls({
  units,
  kIndex,
  directions,
  target,
  setParam,
  set,
}: {
  units: number;
  kIndex: number;
  directions: number;
  target: TargetName;
  setParam: ReturnType<typeof useExperiment>['setParam'];
  set: ReturnType<typeof useFigureParams>['set'];
}) {
  const selectId = useId();
  return (
    <div className="nr-controls" role="group" aria-label="Network size, steepness and target">
      <Slider
        label="Hidden neurons N"
        value={units}
        min={FIT_UNITS.min}
        max={FIT_UNITS.max}
        step={2}
        onChange={(v) => setParam('units', v)}
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
      <Slider
        label="Directions M"
        value={directions}
        min={TOWER_DIRECTIONS.min}
        max={TOWER_DIRECTIONS.max}
        step={1}
        onChange={(m) => set('m', m)}
        testId="tower-directions"
      />
      <div className="nr-slider">
        <label htmlFor={selectId}>Target</label>
        <select id={selectId} value={target} onChange={(e) => setParam('target', e.target.value)}>
          {(Object.keys(TARGETS) as TargetName[]).map((t) => (
            <option key={t} value={t}>
              {TARGETS[t].label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

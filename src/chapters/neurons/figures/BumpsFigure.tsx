import { useMemo } from 'react';
import { LineChart, useChartTheme } from '../../../components/charts';
import { IgnoredNotice, ParamSelect, ParamSlider } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls } from '../../../components/run';
import { FIT_UNITS, fitParams } from '../../../experiments/neurons/fit';
import { isFitCurveView, type FitCurveView } from '../../../experiments/neurons/views';
import type { EnumParam, IntParam } from '../../../experiments/types';
import { usePresentation } from '../../../lessons';
import type { LessonStep } from '../../../lessons/types';
import { useExperiment, useView } from '../../../state';
import { RUN_PARAM_NAMES } from '../../../state/runtime';
import { useUrlParams, type UrlParams } from '../../../state/useUrlParams';
import { TARGETS, bumpNetwork, isTargetName, maxError, type TargetName } from './bumps';
import { BUMPS_PARAMS, STEEPNESS } from './tables';
import { TowerPanel } from './TowerPanel';

const SAMPLES = 301;
/** Low enough for the step to fit a 1280×800 laptop; a projector scales the figure to fit, so it can be taller. */
const PLOT_HEIGHT = 165;
const PRESENTER_PLOT_HEIGHT = 240;

/** The figure's settings and the experiment's share one link: neither may call the other's names unknown. */
const FIGURE_NAMES = BUMPS_PARAMS.map((s) => s.name);
const EXPERIMENT_NAMES = [...RUN_PARAM_NAMES, ...fitParams.map((s) => s.name)];
/** The experiment's two settings with a control here (found by name, so their ranges stay the experiment's). */
export const UNITS_SPEC = fitParams.find((s): s is IntParam => s.name === 'units' && s.type === 'int');
export const TARGET_SPEC = fitParams.find((s): s is EnumParam => s.name === 'target' && s.type === 'enum');
const K_SPEC = BUMPS_PARAMS[0] as EnumParam;
const M_SPEC = BUMPS_PARAMS[1] as IntParam;

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
  const exp = useExperiment({ experiment: 'neurons-fit', preset: step.preset, reserved: FIGURE_NAMES });
  const { values, ignored, set, setMany } = useUrlParams(BUMPS_PARAMS, undefined, EXPERIMENT_NAMES);
  const view = useView('fit', { accept: isFitCurveView, hz: 20 });
  const plotHeight = usePresentation().present ? PRESENTER_PLOT_HEIGHT : PLOT_HEIGHT;

  const rawUnits = typeof exp.values.units === 'number' ? exp.values.units : FIT_UNITS.default;
  const units = 2 * Math.max(1, Math.round(rawUnits / 2)); // two units per bump
  const target: TargetName = isTargetName(exp.values.target) ? exp.values.target : 'wave';
  const k = STEEPNESS.find((s) => String(s) === values.k) ?? STEEPNESS[0];
  const handBuilt = useHandBuilt(TARGETS[target].f, units, k);

  // A frame of the model before a rebuild (another width) is not this curve.
  const trained = view && view.units === units ? view : undefined;

  return (
    <div className="nr-figure nr-ua captions-spoken" data-testid="figure-bumps">
      <IgnoredNotice lines={ignored} testId="figure-notice" />
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
          directions={Number(values.m)}
          centre={[Number(values.cx), Number(values.cy)]}
          onCentre={(cx, cy) => setMany({ cx, cy })}
          height={plotHeight}
        />
      </div>
      {exp.ready && (
        <BumpsControls units={units} target={target} figure={values} setParam={exp.setParam} set={set} />
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
  trained: FitCurveView | undefined;
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
  target,
  figure,
  setParam,
  set,
}: {
  units: number;
  target: TargetName;
  figure: UrlParams['values'];
  setParam: ReturnType<typeof useExperiment>['setParam'];
  set: UrlParams['set'];
}) {
  return (
    <div className="nr-controls" role="group" aria-label="Network size, steepness and target">
      {UNITS_SPEC && (
        <ParamSlider
          spec={UNITS_SPEC}
          label="Hidden neurons N"
          value={units}
          onChange={setParam}
          testId="bumps-units"
        />
      )}
      <ParamSlider spec={K_SPEC} value={figure.k} onChange={set} />
      <ParamSlider spec={M_SPEC} value={figure.m} onChange={set} testId="tower-directions" />
      {TARGET_SPEC && <ParamSelect spec={TARGET_SPEC} label="Target" value={target} onChange={setParam} />}
    </div>
  );
}

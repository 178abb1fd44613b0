import { saturationParams } from '../../../experiments/loss/saturation';
import type { ParamTable } from '../../../experiments/types';
import { RUN_PARAM_NAMES } from '../../../state/runtimeLink';
import { useUrlParams } from '../../../state/useUrlParams';
import { FunctionPlot, LineChart, seriesColor, useChartTheme } from '../../../components/charts';
import { formatAccuracy, formatMetric } from '../../../components/run';
import { Tex } from '../../../components/math';
import { Formula } from './Formula';
import {
  binaryCrossEntropyLogitGradient,
  binaryCrossEntropyOfProb,
  sigmoid,
  squaredErrorLogitGradient,
} from '../../../experiments/loss/formulas';
import type { LessonStep } from '../../../lessons/types';
import { IgnoredNotice, ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls } from '../../../components/run';
import { replaceQuery, useRoute } from '../../../platform/router';
import { useRunStore } from '../../../state/runtimeContext';
import { useExperiment } from '../../../state/useExperiment';
import { useView } from '../../../state/useView';
import { isSaturationHistoryView } from '../../../experiments/loss/views';
import { fmt } from '../../../components/math/fixed';

/**
 * Step 5: loss and gradient curves of squared error and binary cross-entropy (drag h), then the race
 * (experiment loss-saturation): one sigmoid neuron from a confidently wrong start, trained with each loss.
 */
export function SaturationFigure({ step }: { step: LessonStep }) {
  const handle = useExperiment({
    experiment: 'loss-saturation',
    preset: step.preset,
    views: ['history'],
    reserved: [PART_PARAM, ...CURVE_PARAMS.map((s) => s.name)],
  });
  const { query } = useRoute();
  const part = query.get(PART_PARAM) === 'race' ? 'race' : 'curves';
  const show = (next: 'curves' | 'race') => {
    const q = new URLSearchParams(query);
    if (next === 'curves') q.delete(PART_PARAM);
    else q.set(PART_PARAM, next);
    replaceQuery(q);
  };
  return (
    <div className="loss-figure" data-testid="figure-saturation">
      <div className="chip-row" role="group" aria-label="Part of the figure">
        <button type="button" aria-pressed={part === 'curves'} onClick={() => show('curves')}>
          1 · Loss and gradient curves
        </button>
        <button type="button" aria-pressed={part === 'race'} onClick={() => show('race')}>
          2 · MSE vs BCE, trained
        </button>
      </div>
      {part === 'curves' ? (
        <LossCurves />
      ) : (
        <>
          <NoticeBar />
          <RunControls />
          <MetricsBar />
          <Race />
          {handle.ready && <ParamControls only={['lr', 'wrong']} label="Settings" />}
        </>
      )}
    </div>
  );
}

/** URL name of the figure's part (curves or race); reserved so the experiment does not report it as unknown. */
const PART_PARAM = 'part';

/** Part 1's probe: the prediction h and the target y, in the URL so a share link reopens the same point. */
const CURVE_PARAMS: ParamTable = [
  { name: 'h', label: 'Prediction h', type: 'number', live: true, default: 0.1, min: 0, max: 1, step: 0.001 },
  {
    name: 'y',
    label: 'Target',
    type: 'enum',
    live: true,
    default: '1',
    options: [
      { value: '1', label: 'y = 1' },
      { value: '0', label: 'y = 0' },
    ],
  },
];
/** The race's settings and run parameters share the URL with the probe. */
const CURVE_NEIGHBOURS = [PART_PARAM, ...RUN_PARAM_NAMES, ...saturationParams.map((s) => s.name)];

const logit = (h: number) => Math.log(h / (1 - h));
const Z_RANGE: [number, number] = [-8, 8];

/** BCE of h as text: ∞ where the log of 0 would be taken (a certain and wrong prediction). */
function bceText(h: number, y: number): string {
  const certainAndWrong = (y === 1 && h <= 0) || (y === 0 && h >= 1);
  return certainAndWrong ? '∞' : fmt(binaryCrossEntropyOfProb(h, y), 3);
}

/** The target picker and the read-outs at the probe: h, both losses and both gradients with respect to z. */
function CurveReadouts({ h, y, setY }: { h: number; y: number; setY(v: string): void }) {
  return (
    <div className="loss-curve-controls">
      <label>
        Target{' '}
        <select className="param-select" value={y} onChange={(e) => setY(e.target.value)}>
          <option value={1}>y = 1</option>
          <option value={0}>y = 0</option>
        </select>
      </label>
      <span>
        h = <strong data-testid="probe-h">{fmt(h, 3)}</strong>
      </span>
      <span>
        BCE = <strong data-testid="curve-bce">{bceText(h, y)}</strong>
      </span>
      <span>
        (h − y)² = <strong data-testid="curve-mse">{fmt((h - y) ** 2, 3)}</strong>
      </span>
      <span>
        ∂BCE/∂z = <strong data-testid="grad-bce">{fmt(h - y, 4)}</strong>
      </span>
      <span>
        ∂(h − y)²/∂z = <strong data-testid="grad-mse">{fmt(2 * (h - y) * h * (1 - h), 4)}</strong>
      </span>
    </div>
  );
}

function LossCurves() {
  const theme = useChartTheme();
  const { values, ignored, set } = useUrlParams(CURVE_PARAMS, undefined, CURVE_NEIGHBOURS);
  const h = typeof values.h === 'number' ? values.h : 0.1;
  const y = values.y === '0' ? 0 : 1;
  const setH = (v: number) => set('h', v);
  const z = Math.min(Z_RANGE[1], Math.max(Z_RANGE[0], logit(h)));
  const infinite = bceText(h, y) === '∞';
  const colorMse = seriesColor(theme, 1);
  return (
    <div className="loss-curves">
      <IgnoredNotice lines={ignored} />
      <div className="loss-pair">
        <FunctionPlot
          title={`Loss vs prediction h (y = ${y})`}
          f={(v) => binaryCrossEntropyOfProb(v, y)}
          fLabel="BCE"
          extra={[{ label: 'squared error', f: (v) => (v - y) ** 2, color: colorMse }]}
          xDomain={[0, 1]}
          yDomain={[0, 5]}
          xLabel="h"
          probe={h}
          onProbeChange={(v) => setH(Math.min(1, Math.max(0, Math.round(v * 1000) / 1000)))}
          showTangent={false}
          height={170}
          caption="BCE grows without bound towards the wrong end; squared error stays below 1."
        />
        <FunctionPlot
          title="Gradient ∂L/∂z of the logit"
          f={(v) => binaryCrossEntropyLogitGradient(v, y)}
          fLabel="∂BCE/∂z"
          extra={[{ label: '∂(h − y)²/∂z', f: (v) => squaredErrorLogitGradient(v, y), color: colorMse }]}
          xDomain={Z_RANGE}
          yDomain={[-1.1, 1.1]}
          xLabel="z"
          probe={z}
          onProbeChange={(v) => setH(Math.round(sigmoid(v) * 1000) / 1000)}
          showTangent={false}
          height={170}
          caption="BCE: h − y. Squared error carries σ′(z) and fades at both ends."
        />
      </div>
      <CurveReadouts h={h} y={y} setY={(v) => set('y', v)} />
      <Formula>
        <Tex
          display
          tex={`\\begin{aligned} \\frac{\\partial (h-y)^2}{\\partial z} &= 2(h-y)\\,h(1-h) = 2(${fmt(h - y, 3)})(${fmt(h, 3)})(${fmt(1 - h, 3)}) = ${fmt(2 * (h - y) * h * (1 - h), 4)}, \\\\ \\frac{\\partial\\,\\text{BCE}}{\\partial z} &= h - y = ${fmt(h - y, 3)} \\end{aligned}`}
        />
      </Formula>
      {infinite && (
        <p className="loss-note" data-testid="infinity-note">
          At h = {fmt(h, 0)} the model is certain of the wrong class: −log 0 is infinite, so the loss has no
          finite value. In training, h = σ(z) never reaches 0 or 1 exactly, and the loss is computed from z
          directly.
        </p>
      )}
    </div>
  );
}

/** Interleaved [step, value, …] → x and y arrays for LineChart. */
function split(v: Float32Array | undefined): { x: Float32Array; y: Float32Array } | null {
  if (!v) return null;
  const n = v.length >> 1;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = v[2 * i];
    y[i] = v[2 * i + 1];
  }
  return { x, y };
}

function Race() {
  const theme = useChartTheme();
  const history = useView('history', { accept: isSaturationHistoryView });
  const m = useRunStore((s) => s.metrics);
  // At least the step's natural stopping point, so the first steps do not fill the whole width.
  const xDomain: [number, number] = [0, Math.max(200, m?.step ?? 0)];
  const colorMse = seriesColor(theme, 1);
  const colorBce = seriesColor(theme, 0);
  const lines = [
    { label: 'MSE: accuracy', data: split(history?.accMse), color: colorMse, dashed: false },
    { label: 'BCE: accuracy', data: split(history?.accBce), color: colorBce, dashed: false },
    { label: 'MSE: (h − y)²', data: split(history?.sqMse), color: colorMse, dashed: true },
    { label: 'BCE: (h − y)²', data: split(history?.sqBce), color: colorBce, dashed: true },
  ].flatMap(({ data, ...rest }) => (data ? [{ ...rest, ...data }] : []));
  return (
    <div className="loss-race">
      <LineChart
        title="Accuracy (solid) and (h − y)² (dashed)"
        series={lines}
        xLabel="step"
        xDomain={xDomain}
        yDomain={[0, 1]}
        height={130}
      />
      <table className="loss-table">
        <thead>
          <tr>
            <th scope="col">trained with</th>
            <th scope="col">accuracy</th>
            <th scope="col">(h − y)²</th>
            <th scope="col" title="The loss read-out is the BCE-trained neuron’s BCE">
              BCE
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">MSE</th>
            <td data-testid="acc-mse">{formatAccuracy(m?.accMse)}</td>
            <td data-testid="sq-mse">{formatMetric(m?.sqMse)}</td>
            <td data-testid="ce-mse">{formatMetric(m?.ceMse)}</td>
          </tr>
          <tr>
            <th scope="row">BCE</th>
            <td data-testid="acc-bce">{formatAccuracy(m?.accBce)}</td>
            <td data-testid="sq-bce">{formatMetric(m?.sqBce)}</td>
            <td data-testid="ce-bce">{formatMetric(m?.ceBce)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

import { useMemo, type ReactNode } from 'react';
import {
  DecisionBoundary,
  LineChart,
  seriesColor,
  useChartTheme,
  type BoundaryPoint,
} from '../../../components/charts';
import { NetworkDiagram } from '../../../components/charts/NetworkDiagram';
import { formatAccuracy, formatMetric } from '../../../components/run';
import { functions1D, type Function1DName } from '../../../core';
import { ACTIVATIONS, isActivationName } from '../../../experiments/activations/functions';
import { PLANE, linspace } from '../../../experiments/activations/task';
import type { Metrics, ParamValues } from '../../../experiments/types';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { usePresentation } from '../../../lessons';
import { CurvePlot } from './CurvePlot';
import { useViews, viewWith } from './live';

/** Grid width (px) under which the grid is one column (compare.css: a phone, viewport ≤ 700 px). */
const ONE_COLUMN_BELOW = 560;

/** Shapes of the activations-compare views (src/experiments/activations/compare.ts). */
interface DataView {
  kind: 'classify' | 'regress';
  inDim: number;
  trainX: Float32Array;
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
}
interface FieldsView {
  kind: 'classify' | 'regress';
  n: number;
  a: Float32Array;
  b?: Float32Array;
}
interface CurvesView {
  x: Float64Array;
  trainA: Float64Array;
  trainB: Float64Array;
  testA: Float64Array;
  testB: Float64Array;
  hasB: boolean;
}
interface WeightsView {
  label: string;
  acts: string[];
  layers: { rows: number; cols: number; w: Float32Array; b: Float32Array }[];
}

const actLabel = (a: unknown) =>
  typeof a === 'string' && isActivationName(a) ? ACTIVATIONS[a].label : String(a);

/** What network A and B use, in words, from the current parameter values. */
export function describeNetworks(values: ParamValues): { a: string; b: string | null } {
  const depth = typeof values.depth === 'number' ? values.depth : 2;
  const acts = Array.from({ length: depth }, (_, i) => actLabel(values[`a${i + 1}`]));
  const a = acts.every((x) => x === acts[0]) ? acts[0] : acts.join(' → ');
  return { a, b: values.actB === 'off' ? null : actLabel(values.actB) };
}

/**
 * The two networks of activations-compare side by side: decision boundaries (2-D) or fitted curves (1-D), their loss
 * curves, one table of both networks' read-outs (`metric-loss-a` / `metric-loss-b`, …), (playground) their weights
 * or (step 2) the `beside` charts, and the settings. One three-column grid (one column on a phone; compare.css):
 * the loss curves beside the planes, the table beside the weights or the step and linear plots, the settings below,
 * so the figure with its controls fits one 1280×800 screen.
 */
export function ComparePanels({
  values,
  showNetworks,
  beside,
  settings,
}: {
  values: ParamValues;
  showNetworks: boolean;
  /** Step 2's step and linear plots, each in its grid area (`act-area-step`, `act-area-linear`); `roomy`: taller. */
  beside?: (roomy: boolean) => ReactNode;
  /** The settings (grid area `act-area-settings`). */
  settings: ReactNode;
}) {
  const names = showNetworks ? ['data', 'fields', 'curves', 'weights'] : ['data', 'fields', 'curves'];
  const { views, frame } = useViews(names);
  const theme = useChartTheme();
  const { present } = usePresentation();
  // Short charts only where the grid has three columns and must fit a laptop screen: a projector and a phone (one
  // column, CSS below 700 px) have room for taller ones.
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>(undefined);
  const roomy = present || gridWidth < ONE_COLUMN_BELOW;
  const data = viewWith<DataView>(views.data, ['trainX', 'trainY', 'testX', 'testY']);
  const fields = viewWith<FieldsView>(views.fields, ['a']);
  const curves = viewWith<CurvesView>(views.curves, ['x', 'trainA', 'trainB', 'testA', 'testB']);
  const weights =
    Array.isArray(views.weights) &&
    views.weights.every((w) => Array.isArray((w as { layers?: unknown }).layers))
      ? (views.weights as unknown as WeightsView[])
      : undefined;
  const metrics = frame?.metrics;
  const label = describeNetworks(values);
  const taskName = typeof values.task === 'string' ? values.task : '';

  const points = useMemo(() => {
    if (!data || data.kind !== 'classify') return [];
    const out: BoundaryPoint[] = [];
    for (const [x, y, test] of [
      [data.trainX, data.trainY, false],
      [data.testX, data.testY, true],
    ] as const) {
      for (let i = 0; i < y.length; i++) out.push({ x: x[2 * i], y: x[2 * i + 1], label: y[i], test });
    }
    return out;
  }, [data]);

  const regression = fields?.kind === 'regress' || data?.kind === 'regress';
  const colorA = seriesColor(theme, 0);
  const colorB = seriesColor(theme, 1);
  const chart = (which: 'A' | 'B', field: Float32Array | undefined, color: string) => {
    const title = `${which}: ${which === 'A' ? label.a : label.b}`;
    return regression ? (
      <FitPlot task={taskName} data={data} fit={field} n={fields?.n} color={color} title={title} />
    ) : (
      <Boundary field={field} n={fields?.n} points={points} title={title} />
    );
  };

  return (
    <div ref={gridRef} className={`act-grid ${showNetworks ? 'act-grid-playground' : 'act-grid-step'}`}>
      <NetworkPanel which="A" activation={label.a} chart={chart('A', fields?.a, colorA)} />
      {label.b !== null ? (
        <NetworkPanel which="B" activation={label.b} chart={chart('B', fields?.b, colorB)} />
      ) : (
        <p className="act-caption act-area-b">Network B is off: set “B: activation” to compare.</p>
      )}
      <div className="act-area-loss">
        <LineChart
          title="Loss A vs B (log)"
          yScale="log"
          xLabel="training steps"
          height={Math.round((roomy ? 190 : 138) * theme.fontScale)}
          series={
            curves
              ? [
                  { label: `A train (${label.a})`, x: curves.x, y: curves.trainA, color: colorA },
                  ...(curves.hasB
                    ? [{ label: `B train (${label.b ?? ''})`, x: curves.x, y: curves.trainB, color: colorB }]
                    : []),
                  { label: 'A test', x: curves.x, y: curves.testA, color: colorA, dashed: true },
                  ...(curves.hasB
                    ? [{ label: 'B test', x: curves.x, y: curves.testB, color: colorB, dashed: true }]
                    : []),
                ]
              : []
          }
          caption="Training and test loss of both networks over the steps."
        />
      </div>
      {showNetworks &&
        weights?.map((net, i) => (
          <div key={net.label} className={`act-area-w${i === 0 ? 'a' : 'b'}`}>
            <NetworkDiagram
              title={`Weights of ${net.label}`}
              layers={[net.layers[0].cols, ...net.layers.map((l) => l.rows)]}
              weights={net.layers.map((l) => l.w)}
              layerLabels={['in', ...net.layers.slice(0, -1).map((_, i) => `h${i + 1}`), 'out']}
              height={Math.round((roomy ? 170 : 92) * theme.fontScale)}
              caption={`Network ${net.label}: ${net.layers.length - 1} hidden layers with ${net.acts
                .map(actLabel)
                .join(', ')}; edge colour is the weight's sign, width its size.`}
            />
          </div>
        ))}
      {beside?.(roomy)}
      <div className="act-area-readouts">
        <ReadoutTable
          metrics={metrics}
          networks={[
            { which: 'A', activation: label.a, color: colorA },
            ...(label.b !== null ? [{ which: 'B' as const, activation: label.b, color: colorB }] : []),
          ]}
        />
        {showNetworks && <WeightKey positive={theme.positive} negative={theme.negative} />}
      </div>
      <div className="act-area-settings">{settings}</div>
    </div>
  );
}

/**
 * The colour key of both weight diagrams, once, beside them (their own legends are spoken only where the diagrams
 * stand side by side: two identical two-line legends would cost the figure its fit on a laptop screen).
 */
function WeightKey({ positive, negative }: { positive: string; negative: string }) {
  return (
    <p className="act-weight-key" aria-hidden="true">
      Weights:{' '}
      <span>
        <span className="act-swatch act-swatch-line" style={{ background: positive }} />
        positive
      </span>{' '}
      <span>
        <span className="act-swatch act-swatch-line" style={{ background: negative }} />
        negative
      </span>
    </p>
  );
}

/** One network's plane (2-D) or fitted curve (1-D). */
function NetworkPanel({
  which,
  activation,
  chart,
}: {
  which: 'A' | 'B';
  activation: string;
  chart: ReactNode;
}) {
  return (
    <section
      className={`act-panel act-area-${which.toLowerCase()}`}
      aria-label={`Network ${which} (${activation})`}
    >
      {chart}
    </section>
  );
}

/**
 * Both networks' read-outs in one small table under their loss curves (a column per network, its colour as in the
 * curves): `metric-loss-a`, `metric-val-loss-a`, `metric-accuracy-a` and the same with `-b`.
 */
function ReadoutTable({
  metrics,
  networks,
}: {
  metrics: Metrics | undefined;
  networks: { which: 'A' | 'B'; activation: string; color: string }[];
}) {
  const value = (key: string, which: 'A' | 'B') => metrics?.[`${key}${which === 'A' ? '' : 'B'}`];
  const rows = [
    { name: 'loss', key: 'loss', id: 'loss', format: formatMetric },
    { name: 'test loss', key: 'valLoss', id: 'val-loss', format: formatMetric },
    ...(value('accuracy', 'A') !== undefined
      ? [
          { name: 'accuracy', key: 'accuracy', id: 'accuracy', format: formatAccuracy },
          { name: 'test accuracy', key: 'valAccuracy', id: 'val-accuracy', format: formatAccuracy },
        ]
      : []),
  ];
  return (
    <table className="act-readouts" aria-label="Read-outs of networks A and B">
      <thead>
        <tr>
          <td />
          {networks.map((n) => (
            <th key={n.which} scope="col">
              <span className="act-swatch" style={{ background: n.color }} aria-hidden="true" />
              <abbr title={`Network ${n.which}: ${n.activation}`}>{n.which}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            {networks.map((n) => (
              <td
                key={n.which}
                className="act-metric-value"
                data-testid={`metric-${r.id}-${n.which.toLowerCase()}`}
              >
                {r.format(value(r.key, n.which))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Boundary({
  field,
  n,
  points,
  title,
}: {
  field: Float32Array | undefined;
  n: number | undefined;
  points: BoundaryPoint[];
  title: string;
}) {
  // Keep the plane square (a circle must look like a circle): size the chart from the panel's width.
  const [boxRef, boxWidth] = useElementWidth<HTMLDivElement>(undefined);
  // Capped (scaled with the presenter font) so both planes and the loss row fit one 1280×800 screen.
  const theme = useChartTheme();
  const side = Math.min(boxWidth, Math.round(250 * theme.fontScale));
  const grid =
    field && n && field.length === n * n
      ? { values: field, nx: n, ny: n, xDomain: PLANE, yDomain: PLANE }
      : undefined;
  return (
    <div ref={boxRef}>
      <DecisionBoundary
        width={side}
        grid={grid}
        points={points}
        domain={[PLANE, PLANE]}
        title={title}
        height={Math.round(side * 0.84)}
        caption={`${title}: the network's probability of class 1 over the plane; filled points train, hollow points test.`}
      />
    </div>
  );
}

const FIT_X = [-1.2, 1.2] as [number, number];

function FitPlot({
  task,
  data,
  fit,
  n,
  color,
  title,
}: {
  task: string;
  data: DataView | undefined;
  fit: Float32Array | undefined;
  n: number | undefined;
  color: string;
  title: string;
}) {
  const theme = useChartTheme();
  const xs = useMemo(() => linspace(FIT_X[0], FIT_X[1], n ?? 121), [n]);
  const points = useMemo(() => {
    if (!data || data.kind !== 'regress') return [];
    return [
      ...Array.from(data.trainX, (x, i) => ({ x, y: data.trainY[i] })),
      ...Array.from(data.testX, (x, i) => ({ x, y: data.testY[i], hollow: true })),
    ];
  }, [data]);
  const f = Object.hasOwn(functions1D, task) ? functions1D[task as Function1DName] : null;
  const target = useMemo(() => (f ? Float32Array.from(xs, f) : null), [xs, f]);
  return (
    <CurvePlot
      title={title}
      xDomain={FIT_X}
      yDomain={[-1.4, 1.6]}
      height={Math.round(190 * theme.fontScale)}
      points={points}
      curves={[
        ...(target
          ? [{ label: 'target', x: xs, y: target, color: theme.fgMuted, dashed: true, width: 1.5 }]
          : []),
        ...(fit && fit.length === xs.length ? [{ label: 'network', x: xs, y: fit, color }] : []),
      ]}
      caption={`${title}: the network's prediction (solid) against the target (dashed) and the data (dots; hollow = test).`}
    />
  );
}

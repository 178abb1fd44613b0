import { useMemo, type ReactNode } from 'react';
import { seriesColor, useChartTheme, type BoundaryPoint } from '../../../components/charts';
import { formatAccuracy, formatMetric } from '../../../components/run';
import type { Metrics, ParamValues } from '../../../experiments/types';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { usePresentation } from '../../../lessons';
import { Boundary, FitPlot, LossPanel, WeightDiagrams } from './CompareCharts';
import {
  isCompareCurvesView,
  isCompareDataView,
  isFieldsView,
  isNetworkWeightsList,
  type CompareDataView,
  type FieldsView,
} from '../../../experiments/activations/views';
import { useView } from '../../../state/useView';
import { boundaryPoints, describeNetworks, lossSeries } from './compareModel';
import { useFrameMetrics } from '../../../state/useFrameMetrics';

export { describeNetworks } from './compareModel';

/** Re-renders a second while training. */
const HZ = 15;

/** Grid width (px) under which the grid is one column (compare.css: a phone, viewport ≤ 700 px). */
const ONE_COLUMN_BELOW = 560;

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
  const data = useView('data', { accept: isCompareDataView, hz: HZ });
  const fields = useView('fields', { accept: isFieldsView, hz: HZ });
  const curves = useView('curves', { accept: isCompareCurvesView, hz: HZ });
  const metrics = useFrameMetrics(HZ);
  const theme = useChartTheme();
  const { present } = usePresentation();
  // Short charts only where the grid has three columns and must fit a laptop screen: a projector and a phone (one
  // column, CSS below 700 px) have room for taller ones.
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>(undefined);
  const roomy = present || gridWidth < ONE_COLUMN_BELOW;
  const label = describeNetworks(values);
  const points = useMemo(() => boundaryPoints(data), [data]);
  const colorA = seriesColor(theme, 0);
  const colorB = seriesColor(theme, 1);
  const chart = (which: 'A' | 'B', field: Float32Array | undefined) => (
    <NetworkChart
      title={`${which}: ${which === 'A' ? label.a : label.b}`}
      task={values.task}
      data={data}
      fields={fields}
      field={field}
      points={points}
      color={which === 'A' ? colorA : colorB}
    />
  );

  return (
    <div ref={gridRef} className={`act-grid ${showNetworks ? 'act-grid-playground' : 'act-grid-step'}`}>
      <NetworkPanel which="A" activation={label.a} chart={chart('A', fields?.a)} />
      {label.b !== null ? (
        <NetworkPanel which="B" activation={label.b} chart={chart('B', fields?.b)} />
      ) : (
        <p className="act-caption act-area-b">Network B is off: set “B: activation” to compare.</p>
      )}
      <LossPanel series={lossSeries(curves, label, colorA, colorB)} roomy={roomy} />
      {showNetworks && <NetworkWeights roomy={roomy} />}
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

/** A network's fitted curve (1-D regression) or its decision boundary over the plane (2-D classification). */
function NetworkChart({
  title,
  task,
  data,
  fields,
  field,
  points,
  color,
}: {
  title: string;
  task: unknown;
  data: CompareDataView | undefined;
  fields: FieldsView | undefined;
  field: Float32Array | undefined;
  points: BoundaryPoint[];
  color: string;
}) {
  const regression = fields?.kind === 'regress' || data?.kind === 'regress';
  return regression ? (
    <FitPlot
      task={typeof task === 'string' ? task : ''}
      data={data}
      fit={field}
      n={fields?.n}
      color={color}
      title={title}
    />
  ) : (
    <Boundary field={field} n={fields?.n} points={points} title={title} />
  );
}

/** Both networks' weight diagrams (the playground); the `weights` view is wanted only while they are shown. */
function NetworkWeights({ roomy }: { roomy: boolean }) {
  const weights = useView('weights', { accept: isNetworkWeightsList, hz: HZ });
  return weights ? <WeightDiagrams weights={weights} roomy={roomy} /> : null;
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

import { useMemo } from 'react';
import { DecisionBoundary, LineChart, useChartTheme, type BoundaryPoint } from '../../../components/charts';
import { NetworkDiagram } from '../../../components/charts/NetworkDiagram';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { functions1D, type Function1DName } from '../../../core';
import { PLANE, linspace } from '../../../experiments/activations/task';
import { CurvePlot } from './CurvePlot';
import type { CompareDataView, NetworkWeightsView } from '../../../experiments/activations/views';
import { actLabel, type LossLine } from './compareModel';

/** The charts of the activations-compare grid (ComparePanels): planes or fits, the loss curves, the weights. */

/** Both networks' loss curves in one log chart (grid area `act-area-loss`); `roomy`: taller. */
export function LossPanel({ series, roomy }: { series: LossLine[]; roomy: boolean }) {
  const theme = useChartTheme();
  return (
    <div className="act-area-loss">
      <LineChart
        title="Loss A vs B (log)"
        yScale="log"
        xLabel="training steps"
        height={Math.round((roomy ? 190 : 138) * theme.fontScale)}
        series={series}
        caption="Training and test loss of both networks over the steps."
      />
    </div>
  );
}

/** Each network's weights as a diagram in its grid area (`act-area-wa`, `act-area-wb`); `roomy`: taller. */
export function WeightDiagrams({ weights, roomy }: { weights: NetworkWeightsView[]; roomy: boolean }) {
  const theme = useChartTheme();
  return weights.map((net, i) => (
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
  ));
}

export function Boundary({
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

export function FitPlot({
  task,
  data,
  fit,
  n,
  color,
  title,
}: {
  task: string;
  data: CompareDataView | undefined;
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

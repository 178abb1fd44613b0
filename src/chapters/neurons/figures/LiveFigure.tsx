import { DecisionBoundary, LineChart, useChartTheme, type BoundaryPoint } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls } from '../../../components/run';
import { isBoundaryView, isLossHistoryView, isPointsView } from '../../../experiments/classifierViews';
import { useExperiment, useView, type Preset } from '../../../state';
import { useMemo } from 'react';

/** Weights and biases of a 2-input, 1-output MLP with these hidden layer sizes. */
export function parameterCount(hidden: readonly number[]): number {
  const sizes = [2, ...hidden, 1];
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += sizes[l - 1] * sizes[l] + sizes[l];
  return n;
}

export interface LiveFigureProps {
  preset?: Preset;
  /** Parameter controls to show (names from the classifier's table); none by default. */
  controls?: readonly string[];
  /** Show the network's parameter count (for comparing architectures). */
  showSize?: boolean;
}

/** Steps 4, 5 and 7: the 2-D classifier training live in the worker — boundary, points, loss curve. */
export function LiveFigure({ preset, controls, showSize }: LiveFigureProps) {
  const exp = useExperiment({ experiment: 'classifier2d', preset });
  const grid = useView('boundary', { accept: isBoundaryView });
  const pointsView = useView('points', { accept: isPointsView });
  const lossView = useView('lossHistory', { accept: isLossHistoryView });
  const theme = useChartTheme();
  // Sized so the figure with its controls fits one 1280×800 screen; scaled with the presenter font.
  const chartHeight = Math.round(230 * theme.fontScale);
  const hidden = Array.isArray(exp.values.hidden) ? (exp.values.hidden as number[]) : [];

  const points = useMemo(() => {
    const out: BoundaryPoint[] = [];
    if (!pointsView) return out;
    for (const [set, test] of [
      [pointsView.train, false],
      [pointsView.test, true],
    ] as const) {
      for (let i = 0; i < set.y.length; i++)
        out.push({ x: set.x[2 * i], y: set.x[2 * i + 1], label: set.y[i], test });
    }
    return out;
  }, [pointsView]);

  const architecture = hidden.length ? `2 → ${hidden.join(' → ')} → 1` : '2 → 1';

  return (
    <div className="nr-figure figure-compact nr-fit" data-testid="figure-live">
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      {showSize && (
        <p className="nr-readout">
          Network {architecture}: <strong data-testid="param-count">{parameterCount(hidden)}</strong>{' '}
          parameters
        </p>
      )}
      <div className="nr-pair">
        <DecisionBoundary
          grid={grid}
          points={points}
          classLabels={['class 0', 'class 1']}
          height={chartHeight}
          title={`Decision boundary (${architecture})`}
          caption={`P(class 1) of the network ${architecture} over the plane; filled points train, hollow points test.`}
        />
        <LineChart
          title="Training loss"
          xLabel="training steps"
          yLabel="loss"
          height={chartHeight}
          stepOptions={{ smooth: true }} // each point is one mini-batch's loss: noisy, shown smoothed
          series={lossView ? [{ label: 'mini-batch loss', x: lossView.step, y: lossView.loss }] : []}
          caption="Binary cross-entropy of each mini-batch, over the training steps."
        />
      </div>
      {controls && controls.length > 0 && exp.ready && <ParamControls only={controls} />}
    </div>
  );
}

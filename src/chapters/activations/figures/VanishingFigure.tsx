import { LineChart, seriesColor, useChartTheme } from '../../../components/charts';
import { BarChart } from '../../../components/charts/BarChart';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls, formatMetric } from '../../../components/run';
import { useExperiment } from '../../../state';
import { isDepthCurvesView, isLayerNorms } from '../../../experiments/activations/views';
import { useView } from '../../../state/useView';
import { useFrameMetrics } from '../../../state/useFrameMetrics';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';

/** Step 4: gradient norm per layer (log scale) of a deep MLP, every frame, beside its loss curve. */
export function VanishingFigure({ preset }: FigureProps) {
  const exp = useExperiment({ experiment: 'activations-depth', preset });
  const norms = useView('gradNorms', { accept: isLayerNorms, hz: 20 });
  const curves = useView('curves', { accept: isDepthCurvesView, hz: 20 });
  const m = useFrameMetrics(20);
  const theme = useChartTheme();
  // Sized so the figure with its controls fits one 1280×800 screen; scaled with the presenter font.
  const chartHeight = Math.round(210 * theme.fontScale);
  const act = String(exp.values.act ?? 'sigmoid');
  const bars = norms
    ? Array.from(norms, (value, l) => ({
        label: l === norms.length - 1 ? 'out' : `W${l + 1}`,
        value,
        color: seriesColor(theme, act === 'relu' ? 2 : act === 'tanh' ? 1 : 0),
      }))
    : [];
  const ratio = m?.gradRatio;
  const caption = norms
    ? `Gradient norm of each layer's weights, input side first: ${Array.from(norms, (v) => formatMetric(v, 2)).join(', ')}.`
    : 'Gradient norms appear after the first training step.';

  return (
    <div className="act-figure figure-compact act-fit" data-testid="figure-vanishing">
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <p className="act-readout">
        Output layer vs first layer:{' '}
        <strong data-testid="metric-grad-ratio">{ratio === undefined ? '—' : formatMetric(ratio, 3)}</strong>×
        larger gradient · first layer ‖∂L/∂W⁽¹⁾‖ ={' '}
        <strong data-testid="metric-grad-first">{formatMetric(m?.gradFirst, 3)}</strong>
      </p>
      <div className="act-pair">
        <BarChart
          title="Gradient norm per layer (log scale)"
          bars={bars}
          yScale="log"
          xLabel="layer (input → output)"
          height={chartHeight}
          caption={caption}
        />
        <LineChart
          title="Loss"
          xLabel="training steps"
          height={chartHeight}
          series={
            curves
              ? [
                  { label: 'train', x: curves.x, y: curves.train },
                  { label: 'test', x: curves.x, y: curves.test, dashed: true },
                ]
              : []
          }
          caption="Training and test loss."
        />
      </div>
      {exp.ready ? (
        <ParamControls only={['depth', 'act', 'lr', 'width', 'task']} />
      ) : (
        <p className="loading">Loading settings…</p>
      )}
    </div>
  );
}

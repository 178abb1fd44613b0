import { LineChart, fmt, seriesColor, useChartTheme, type LineSeries } from '../../../components/charts';
import { useView } from '../../../state/useView';
import { deinterleave } from '../../../components/charts/series';
import { isGradFlowView, isRecallCurvesView, isRecallInfoView } from '../../../experiments/lstm/views';

const MODEL_NAMES = { rnn: 'RNN', lstm: 'LSTM' } as const;
type Kind = keyof typeof MODEL_NAMES;
/** One colour per model in every figure of the chapter. */
export const MODEL_COLOR_INDEX: Record<Kind, number> = { rnn: 1, lstm: 0 };

/** Validation accuracy of each model over training steps, with the chance level dashed. */
export function AccuracyChart({ height = 200 }: { height?: number }) {
  const theme = useChartTheme();
  const curves = useView('curves', { accept: isRecallCurvesView }) ?? {};
  const info = useView('info', { accept: isRecallInfoView });
  const series: LineSeries[] = [];
  let lastStep = 1;
  for (const kind of ['rnn', 'lstm'] as const) {
    const points = curves[`${kind}Acc`];
    if (!points) continue;
    const { x, y } = deinterleave(points);
    if (x.length > 0) lastStep = Math.max(lastStep, x[x.length - 1]);
    series.push({ label: MODEL_NAMES[kind], x, y, color: seriesColor(theme, MODEL_COLOR_INDEX[kind]) });
  }
  if (info && series.length > 0) {
    series.push({
      label: 'chance',
      x: [0, lastStep],
      y: [info.chance, info.chance],
      dashed: true,
      color: theme.fgMuted,
    });
  }
  return (
    <LineChart
      series={series}
      title="Validation accuracy"
      xLabel="training step"
      yLabel="accuracy"
      yDomain={[0, 1]}
      height={height}
      caption="Accuracy on the validation sequences, measured every 10 training steps."
    />
  );
}

/**
 * Gradient norm against steps back from the last step, log scale: the state the gradient travels along is the
 * hidden state for the RNN and the cell state for the LSTM.
 */
export function GradientFlowChart({ height = 200 }: { height?: number }) {
  const theme = useChartTheme();
  const flow = useView('gradflow', { accept: isGradFlowView }) ?? {};
  const series: LineSeries[] = [];
  for (const kind of ['rnn', 'lstm'] as const) {
    const y = flow[kind];
    if (!y) continue;
    series.push({
      label: kind === 'rnn' ? 'RNN ‖∂L/∂h‖' : 'LSTM ‖∂L/∂c‖',
      x: Array.from(y, (_, k) => k),
      y,
      color: seriesColor(theme, MODEL_COLOR_INDEX[kind]),
    });
  }
  return (
    <LineChart
      series={series}
      title="Gradient through time"
      xLabel="steps back from the last symbol"
      yLabel="gradient norm"
      yScale="log"
      height={height}
      caption="Mean gradient norm of the loss with respect to the state, by steps back, on the validation sequences."
    />
  );
}

/** Ratio of the gradient reaching the first symbol to the one at the last step (how far it survives). */
export function gradientSurvival(flow: Float32Array | undefined): number | undefined {
  if (!flow || flow.length < 2 || !(flow[0] > 0)) return undefined;
  return flow[flow.length - 1] / flow[0];
}

/** Plain decimal for tiny ratios: scientific notation would break the plain-decimal read-out rule. */
export function ratioText(r: number | undefined): string {
  if (r === undefined || !Number.isFinite(r)) return '–';
  if (r === 0) return '0';
  const digits = Math.min(20, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(r)))));
  return r.toFixed(digits);
}

export { fmt };

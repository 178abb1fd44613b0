import { LineChart, MatrixView, seriesColor, useChartTheme } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt } from '../../../components/charts';
import { isBatchnormCurvesView, isBatchnormLayersView } from '../../../experiments/regularization/views';
import {
  batchNormHistogram,
  batchNormLayers,
  reach,
  sci,
  type BatchNormHistogram,
  type BatchNormLayers,
} from './batchNormModel';
import { Formula } from './Formula';
import { NO_VALUES, texFixed } from './views';

/** Step 6: the deep sigmoid network with and without batch norm, from one seed. */
export function BatchNormFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-batchnorm"
      step={step}
      views={['curves', 'layers']}
      valLabel="validation loss (batch norm)"
      controls={['depth', 'lr']}
      className="figure-compact reg-fit"
    >
      <BatchNormPlots />
    </ExperimentPanel>
  );
}

function BatchNormPlots() {
  const curves = useView('curves', { accept: isBatchnormCurvesView });
  const layers = useView('layers', { accept: isBatchnormLayersView });
  const bn = batchNormLayers(layers);
  const x = curves?.x ?? NO_VALUES;
  const loss = { plain: curves?.lossPlain, bn: curves?.lossBn };
  return (
    <div className="reg-bn">
      <BatchNormCharts
        x={x}
        lossPlain={curves?.plain ?? NO_VALUES}
        lossBn={curves?.bn ?? NO_VALUES}
        bn={bn}
      />
      {/* The histograms beside the read-out and the formula, so the figure with its controls fits one laptop screen. */}
      <div className="captions-spoken reg-plots reg-bn-bottom">
        <BatchNormHistograms histogram={batchNormHistogram(layers, bn.depth)} />
        <div className="reg-bn-text">
          <BatchNormReadout steps={x.length ? x[x.length - 1] : 0} loss={loss} bn={bn} />
          <Formula
            testId="bn-formula"
            tex={[
              `\\hat z = \\frac{z - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}, \\quad a = \\sigma(\\gamma \\hat z + \\beta)`,
              `\\text{layer 1: } \\bar\\gamma = ${texFixed(bn.gamma[0], 3)},\\ \\bar\\beta = ${texFixed(bn.beta[0], 3)}`,
              `L_{\\text{plain}} = ${texFixed(loss.plain, 4)} \\ \\text{vs}\\ L_{\\text{BN}} = ${texFixed(loss.bn, 4)}`,
            ]}
          />
        </div>
      </div>
    </div>
  );
}

/** The three line charts of the top row: both losses over steps, gradient norm per layer, γ and β per layer. */
function BatchNormCharts({
  x,
  lossPlain,
  lossBn,
  bn,
}: {
  x: ArrayLike<number>;
  lossPlain: ArrayLike<number>;
  lossBn: ArrayLike<number>;
  bn: BatchNormLayers;
}) {
  const theme = useChartTheme();
  const height = Math.round(100 * theme.fontScale);
  const hiddenX = bn.layerX.slice(0, bn.depth);
  return (
    <div className="captions-spoken reg-plots reg-bn-charts">
      <LineChart
        title="Loss"
        series={[
          { label: 'no BN', x, y: lossPlain, color: seriesColor(theme, 0) },
          { label: 'BN', x, y: lossBn, color: seriesColor(theme, 1) },
        ]}
        xLabel="step"
        yLabel="L"
        height={height}
      />
      <LineChart
        title="‖∂L/∂W‖"
        series={[
          { label: 'no BN', x: bn.layerX, y: bn.gradPlain, color: seriesColor(theme, 0) },
          { label: 'BN', x: bn.layerX, y: bn.gradBn, color: seriesColor(theme, 1) },
        ]}
        yScale="log"
        xLabel="layer (last = output)"
        yLabel="‖∂L/∂W‖"
        height={height}
      />
      <LineChart
        title="γ and β"
        series={[
          { label: 'scale γ', x: hiddenX, y: bn.gamma, color: seriesColor(theme, 2) },
          { label: 'shift β', x: hiddenX, y: bn.beta, color: seriesColor(theme, 3), dashed: true },
        ]}
        xLabel="layer (mean over units)"
        height={height}
      />
    </div>
  );
}

/** Activation histograms of both networks, one row per hidden layer; nothing until the view has arrived. */
function BatchNormHistograms({ histogram }: { histogram: BatchNormHistogram }) {
  if (!histogram.complete) return null;
  return (
    <MatrixView
      title="Activations per layer"
      values={histogram.values}
      rows={histogram.rows}
      cols={histogram.bins}
      rowLabels={histogram.rowLabels}
      colLabels={histogram.colLabels}
      colorScale="sequential"
      domain={[0, 1]}
      maxCell={12}
      showValues={false}
      caption="Rows: hidden layers without batch norm, then with it; columns: activation value from 0 to 1; colour: fraction of activations in that bin."
    />
  );
}

/** The sentence of live numbers under the charts (test ids are read by the e2e specs). */
function BatchNormReadout({
  steps,
  loss,
  bn,
}: {
  steps: number;
  loss: { plain: number | undefined; bn: number | undefined };
  bn: BatchNormLayers;
}) {
  return (
    <p className="reg-readout reg-bn-readout">
      After <strong data-testid="bn-steps">{steps}</strong> steps the training loss is{' '}
      <strong data-testid="loss-plain">{fmt(loss.plain)}</strong> without batch norm and{' '}
      <strong data-testid="loss-bn">{fmt(loss.bn)}</strong> with it. Gradient reaching layer 1, as a fraction
      of the output layer's: <span data-testid="reach-plain">{sci(reach(bn.gradPlain))}</span> without,{' '}
      <span data-testid="reach-bn">{sci(reach(bn.gradBn))}</span> with. Spread (standard deviation) of the
      hidden activations, mean over layers: <span data-testid="spread-plain">{fmt(bn.spreadPlain, 3)}</span>{' '}
      without, <span data-testid="spread-bn">{fmt(bn.spreadBn, 3)}</span> with.
    </p>
  );
}

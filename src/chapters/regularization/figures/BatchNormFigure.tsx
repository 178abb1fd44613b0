import { LineChart, MatrixView, seriesColor, useChartTheme } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useLatestView } from '../../../state/useExperiment';
import { ExperimentPanel } from '../../backprop/figures/ExperimentPanel';
import { fmt, num, record } from '../../backprop/figures/views';
import { Formula } from './Formula';
import { nums, texFixed } from './views';

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

/** Ratio of the first layer's gradient norm to the output layer's (how much of the gradient reaches the input). */
function reach(g: ArrayLike<number>): number | undefined {
  return g.length > 1 && g[g.length - 1] > 0 ? g[0] / g[g.length - 1] : undefined;
}

function mean(a: ArrayLike<number>): number | undefined {
  if (a.length === 0) return undefined;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/** Small ratios in exponent notation (a vanished gradient is 1e-6, not 0.0000). */
function sci(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '–' : x.toExponential(1);
}

function BatchNormPlots() {
  const theme = useChartTheme();
  const curves = record(useLatestView('curves'));
  const layers = record(useLatestView('layers'));
  const depth = num(layers?.depth) ?? 0;
  const bins = num(layers?.bins) ?? 20;
  const gradPlain = nums(layers?.gradPlain);
  const gradBn = nums(layers?.gradBn);
  const gamma = nums(layers?.gamma);
  const spreadPlain = mean(nums(layers?.spreadPlain));
  const spreadBn = mean(nums(layers?.spreadBn));
  const beta = nums(layers?.beta);
  const layerX = Array.from({ length: depth + 1 }, (_, l) => l + 1);
  const x = nums(curves?.x);
  const steps = x.length ? x[x.length - 1] : 0;
  const lossPlain = num(curves?.lossPlain);
  const lossBn = num(curves?.lossBn);
  // Both networks' histograms in one grid: rows "no BN 1…depth", then "BN 1…depth".
  const histPlain = nums(layers?.histPlain);
  const histBn = nums(layers?.histBn);
  const hist = new Float32Array(histPlain.length + histBn.length);
  hist.set(Array.from(histPlain));
  hist.set(Array.from(histBn), histPlain.length);
  const rowLabels = [
    ...Array.from({ length: depth }, (_, l) => `no BN ${l + 1}`),
    ...Array.from({ length: depth }, (_, l) => `BN ${l + 1}`),
  ];
  const colLabels = Array.from({ length: bins }, (_, b) => (b % 5 === 0 ? (b / bins).toFixed(2) : ''));
  return (
    <div className="reg-bn">
      <div className="captions-spoken reg-plots reg-bn-charts">
        <LineChart
          title="Loss"
          series={[
            { label: 'no BN', x, y: nums(curves?.plain), color: seriesColor(theme, 0) },
            { label: 'BN', x, y: nums(curves?.bn), color: seriesColor(theme, 1) },
          ]}
          xLabel="step"
          yLabel="L"
          height={Math.round(100 * theme.fontScale)}
        />
        <LineChart
          title="‖∂L/∂W‖"
          series={[
            { label: 'no BN', x: layerX, y: gradPlain, color: seriesColor(theme, 0) },
            { label: 'BN', x: layerX, y: gradBn, color: seriesColor(theme, 1) },
          ]}
          yScale="log"
          xLabel="layer (last = output)"
          yLabel="‖∂L/∂W‖"
          height={Math.round(100 * theme.fontScale)}
        />
        <LineChart
          title="γ and β"
          series={[
            { label: 'scale γ', x: layerX.slice(0, depth), y: gamma, color: seriesColor(theme, 2) },
            {
              label: 'shift β',
              x: layerX.slice(0, depth),
              y: beta,
              color: seriesColor(theme, 3),
              dashed: true,
            },
          ]}
          xLabel="layer (mean over units)"
          height={Math.round(100 * theme.fontScale)}
        />
      </div>
      {/* The histograms beside the read-out and the formula, so the figure with its controls fits one laptop screen. */}
      <div className="captions-spoken reg-plots reg-bn-bottom">
        {depth > 0 && hist.length === 2 * depth * bins && (
          <MatrixView
            title="Activations per layer"
            values={hist}
            rows={2 * depth}
            cols={bins}
            rowLabels={rowLabels}
            colLabels={colLabels}
            colorScale="sequential"
            domain={[0, 1]}
            maxCell={12}
            showValues={false}
            caption="Rows: hidden layers without batch norm, then with it; columns: activation value from 0 to 1; colour: fraction of activations in that bin."
          />
        )}
        <div className="reg-bn-text">
          <p className="reg-readout reg-bn-readout">
            After <strong data-testid="bn-steps">{steps}</strong> steps the training loss is{' '}
            <strong data-testid="loss-plain">{fmt(lossPlain)}</strong> without batch norm and{' '}
            <strong data-testid="loss-bn">{fmt(lossBn)}</strong> with it. Gradient reaching layer 1, as a
            fraction of the output layer's: <span data-testid="reach-plain">{sci(reach(gradPlain))}</span>{' '}
            without, <span data-testid="reach-bn">{sci(reach(gradBn))}</span> with. Spread (standard
            deviation) of the hidden activations, mean over layers:{' '}
            <span data-testid="spread-plain">{fmt(spreadPlain, 3)}</span> without,{' '}
            <span data-testid="spread-bn">{fmt(spreadBn, 3)}</span> with.
          </p>
          <Formula
            testId="bn-formula"
            tex={[
              `\\hat z = \\frac{z - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}, \\quad a = \\sigma(\\gamma \\hat z + \\beta)`,
              `\\text{layer 1: } \\bar\\gamma = ${texFixed(gamma[0], 3)},\\ \\bar\\beta = ${texFixed(beta[0], 3)}`,
              `L_{\\text{plain}} = ${texFixed(lossPlain, 4)} \\ \\text{vs}\\ L_{\\text{BN}} = ${texFixed(lossBn, 4)}`,
            ]}
          />
        </div>
      </div>
    </div>
  );
}

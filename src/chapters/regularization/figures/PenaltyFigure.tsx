import {
  Histogram,
  LineChart,
  seriesColor,
  useChartTheme,
  type LineSeries,
} from '../../../components/charts';
import { usePresentation } from '../../../lessons';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt } from '../../../components/charts';
import {
  isCoefficientPathsView,
  isPenaltyFitView,
  isPenaltyRunsView,
  isPenaltyWeightsView,
  type PenaltyRunView,
} from '../../../experiments/regularization/views';
import { FitPlot } from './FitPlot';
import { Formula } from './Formula';
import { PenaltyBoundary } from './PenaltyBoundary';
import { NO_VALUES, texFixed } from './views';

/**
 * Step 3: L2 and L1 at the same λ on a degree-15 polynomial — fits, weight histograms, coefficient paths — and a 2-D
 * classifier trained with the same penalties and λ, whose boundary smooths out as λ grows.
 */
export function PenaltyFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-penalty"
      step={step}
      views={['fit', 'weights', 'runs', 'paths', 'classifier']}
      valLabel="validation error"
      controls={['lambda']}
      className="help-spoken"
    >
      <PenaltyPlots />
    </ExperimentPanel>
  );
}

/**
 * Short charts: on a laptop the four of them, the table, the formula and the λ slider share one screen. The classifier's
 * boundary spans two chart rows, so its square plot is large enough to show the wiggles. A projector has room (and
 * presenter type is larger, so a short chart would be all axes): taller charts there.
 */
const HEIGHTS = { chart: 90, boundary: 240 };
const PRESENTER_HEIGHTS = { chart: 200, boundary: 320 };

function PenaltyPlots() {
  const theme = useChartTheme();
  const heights = usePresentation().present ? PRESENTER_HEIGHTS : HEIGHTS;
  const fit = useView('fit', { accept: isPenaltyFitView });
  const weights = useView('weights', { accept: isPenaltyWeightsView });
  const runs = useView('runs', { accept: isPenaltyRunsView });
  const lambda = runs?.lambda;
  const l2 = runs?.l2;
  const l1 = runs?.l1;
  return (
    <div className="captions-spoken reg-plots reg-three reg-penalty">
      <div className="reg-area-fit">
        {fit && (
          <FitPlot
            {...fit}
            title={`Fits at λ = ${fmt(lambda, 4)}`}
            height={heights.chart}
            curves={[
              { label: 'true function', y: fit.truthY, dashed: true, color: 2 },
              { label: 'L2 fit', y: fit.fitL2, color: 0 },
              { label: 'L1 fit', y: fit.fitL1, color: 1 },
            ]}
            caption="Both runs fit the same samples with the same λ."
          />
        )}
      </div>
      <div className="reg-area-hist">
        <Histogram
          title="Weights θ₁…θ_d"
          series={[
            { label: 'L2', values: weights?.l2 ?? NO_VALUES, color: seriesColor(theme, 0) },
            { label: 'L1', values: weights?.l1 ?? NO_VALUES, color: seriesColor(theme, 1) },
          ]}
          bins={21}
          xLabel="θⱼ"
          height={heights.chart}
        />
      </div>
      <div className="reg-area-paths">
        <CoefficientPaths lambda={lambda} height={heights.chart} />
      </div>
      <div className="reg-area-boundary">
        <PenaltyBoundary lambda={lambda} length={l2?.boundary} height={heights.boundary} />
      </div>
      <div className="reg-area-readouts">
        <PenaltyTable l2={l2} l1={l1} />
        <Formula
          testId="penalty-formula"
          tex={[
            `\\text{L2: } \\tfrac{1}{2m}\\Big(\\sum (h-y)^2 + ${texFixed(lambda, 4)} \\sum_{j\\ge1} \\theta_j^2\\Big) = ${texFixed(l2?.loss, 4)}`,
            `\\text{L1: } \\tfrac{1}{2m}\\Big(\\sum (h-y)^2 + ${texFixed(lambda, 4)} \\sum_{j\\ge1} |\\theta_j|\\Big) = ${texFixed(l1?.loss, 4)}`,
          ]}
        />
      </div>
    </div>
  );
}

/** Both runs side by side: the regression's zero weights and errors, the classifier's boundary length. */
function PenaltyTable({ l2, l1 }: { l2: PenaltyRunView | undefined; l1: PenaltyRunView | undefined }) {
  return (
    <table className="descent-table" data-testid="penalty-table">
      <thead>
        <tr>
          <th scope="col">penalty</th>
          <th scope="col">zero weights</th>
          <th scope="col">training</th>
          <th scope="col">validation</th>
          <th scope="col">boundary length</th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ['L2', 'l2', l2],
            ['L1', 'l1', l1],
          ] as const
        ).map(([name, id, s]) => (
          <tr key={id}>
            <th scope="row">{name}</th>
            <td data-testid={`zeros-${id}`}>{s?.zeros ?? '–'}</td>
            <td data-testid={`train-${id}`}>{fmt(s?.train)}</td>
            <td data-testid={`val-${id}`}>{fmt(s?.val)}</td>
            <td data-testid={`boundary-${id}`}>{fmt(s?.boundary, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The optimum's θⱼ against log₁₀ λ, one line per coefficient: L2 solid, L1 dashed. */
function CoefficientPaths({ lambda, height }: { lambda: number | undefined; height: number }) {
  const theme = useChartTheme();
  const paths = useView('paths', { accept: isCoefficientPathsView });
  const lambdas = paths?.lambdas ?? NO_VALUES;
  const degree = paths?.degree ?? 0;
  const l2 = paths?.l2 ?? NO_VALUES;
  const l1 = paths?.l1 ?? NO_VALUES;
  const x = Array.from(lambdas, (l) => Math.log10(l));
  const series: LineSeries[] = [];
  // Only the first few coefficients, so the chart stays readable; every θⱼ is in the histogram.
  const shown = Math.min(degree, 3);
  for (let j = 0; j < shown; j++) {
    const column = (flat: ArrayLike<number>) => Array.from(x, (_, i) => flat[i * degree + j]);
    series.push({ label: `θ${j + 1} L2`, x, y: column(l2), color: seriesColor(theme, j) });
    series.push({ label: `θ${j + 1} L1`, x, y: column(l1), color: seriesColor(theme, j), dashed: true });
  }
  const zerosL1 = paths?.zerosL1 ?? NO_VALUES;
  const at = lambda !== undefined ? Math.log10(lambda) : undefined;
  return (
    <LineChart
      title="Paths (L1 dashed)"
      series={series}
      xLabel="log₁₀ λ"
      yLabel="θⱼ optimum"
      height={height}
      caption={`At the largest λ, L1 has ${zerosL1.length ? zerosL1[zerosL1.length - 1] : '–'} of ${degree} weights at exactly 0; the current λ is at log₁₀ λ = ${fmt(at, 2)}.`}
    />
  );
}

import { LineChart, seriesColor, useChartTheme } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt } from '../../../components/charts';
import { isDegreeSweepView, isPolynomialFitView } from '../../../experiments/regularization/views';
import { FitPlot } from './FitPlot';
import { Formula } from './Formula';
import { NO_VALUES, texFixed } from './views';

/** Step 1: polynomials of degree 1–15 through the same noisy samples, and the U-curve of errors against degree. */
export function PolynomialFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-poly"
      step={step}
      views={['fit', 'sweep']}
      valLabel="validation error"
      controls={['degree', 'points']}
    >
      <PolynomialPlots />
    </ExperimentPanel>
  );
}

function PolynomialPlots() {
  const theme = useChartTheme();
  const fit = useView('fit', { accept: isPolynomialFitView });
  const sweep = useView('sweep', { accept: isDegreeSweepView });
  const degree = fit?.degree;
  const degrees = sweep?.degrees ?? NO_VALUES;
  const train = sweep?.train ?? NO_VALUES;
  const val = sweep?.val ?? NO_VALUES;
  const best = sweep?.bestDegree;
  return (
    <div className="captions-spoken reg-plots">
      {fit && (
        <FitPlot
          {...fit}
          title={`Fit, degree ${degree ?? '–'}`}
          height={170}
          curves={[
            { label: 'true function', y: fit.truthY, dashed: true, color: 2 },
            { label: `h(x), degree ${degree ?? '–'}`, y: fit.fitY, color: 0 },
          ]}
          caption={`A polynomial of degree ${degree ?? '–'} fitted to ${fit.trainX.length} noisy samples of sin(πx).`}
        />
      )}
      <LineChart
        title="U-curve: error vs degree"
        series={[
          { label: 'training error', x: degrees, y: train, color: seriesColor(theme, 0) },
          { label: 'validation error', x: degrees, y: val, color: seriesColor(theme, 1) },
        ]}
        xDomain={[1, 15]}
        yScale="log"
        xLabel="degree d"
        yLabel="error L"
        height={170}
        caption="Press Play: each step fits one more degree."
      />
      <Formula
        testId="poly-formula"
        tex={`h(x) = \\theta_0 + \\theta_1 x + \\dots + \\theta_{${degree ?? 'd'}} x^{${degree ?? 'd'}}, \\quad L_{\\text{train}} = ${texFixed(fit?.trainError, 4)}, \\quad L_{\\text{val}} = ${texFixed(fit?.valError, 4)}`}
      />
      <p className="reg-readout">
        Degrees fitted: <strong data-testid="degrees-swept">{degrees.length}</strong> of 15 · lowest
        validation error so far at degree{' '}
        <strong data-testid="best-degree">{best && best > 0 ? best : '–'}</strong>
        {best && best > 0 ? (
          <>
            {' '}
            (training <span data-testid="best-train">{fmt(train[best - 1])}</span>, validation{' '}
            <span data-testid="best-val">{fmt(val[best - 1])}</span>)
          </>
        ) : null}
        {degrees.length === 15 && (
          <>
            {' '}
            · degree 15: training <span data-testid="train-15">{fmt(train[14])}</span>, validation{' '}
            <span data-testid="val-15">{fmt(val[14])}</span>
          </>
        )}
      </p>
    </div>
  );
}

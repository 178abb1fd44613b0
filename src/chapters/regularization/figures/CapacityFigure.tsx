import { LineChart, seriesColor, useChartTheme } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt } from '../../../components/charts';
import { isCapacityCurvesView, isNetworkFitView } from '../../../experiments/regularization/views';
import { deinterleave } from '../../../components/charts/series';
import { FitPlot } from './FitPlot';
import { Formula } from './Formula';
import { texFixed } from './views';

/** Step 2: an MLP of chosen width and depth on the same samples; training and validation error over steps. */
export function CapacityFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-capacity"
      step={step}
      views={['fit', 'curves']}
      valLabel="validation error"
      controls={['width', 'depth']}
    >
      <CapacityPlots />
    </ExperimentPanel>
  );
}

function CapacityPlots() {
  const theme = useChartTheme();
  const fit = useView('fit', { accept: isNetworkFitView });
  const curves = useView('curves', { accept: isCapacityCurvesView });
  const train = deinterleave(curves?.train);
  const val = deinterleave(curves?.val);
  const bestStep = curves?.bestStep;
  const bestVal = curves?.bestVal;
  const params = curves?.parameters;
  const lastVal = val.y.length ? val.y[val.y.length - 1] : undefined;
  const lastTrain = train.y.length ? train.y[train.y.length - 1] : undefined;
  const steps = train.x.length ? train.x[train.x.length - 1] : 0;
  const marker = bestStep !== undefined && bestVal !== undefined && steps > 0;
  return (
    <div className="captions-spoken reg-plots">
      {fit && (
        <FitPlot
          {...fit}
          title={`Fit, ${params ?? '–'} parameters`}
          height={170}
          curves={[
            { label: 'true function', y: fit.truthY, dashed: true, color: 2 },
            { label: 'network h(x)', y: fit.fitY, color: 0 },
          ]}
          caption={`The network's current fit to ${fit.trainX.length} noisy samples.`}
        />
      )}
      <LineChart
        title="Errors over steps"
        series={[
          { label: 'training error', x: train.x, y: train.y, color: seriesColor(theme, 0) },
          { label: 'validation error', x: val.x, y: val.y, color: seriesColor(theme, 1) },
          ...(marker
            ? [
                {
                  label: 'lowest validation error',
                  x: [bestStep, bestStep],
                  y: [bestVal * 0.5, bestVal * 2],
                  color: seriesColor(theme, 3),
                  dashed: true,
                },
              ]
            : []),
        ]}
        yScale="log"
        xLabel="step"
        yLabel="L"
        height={170}
      />
      <Formula
        tex={`L_{\\text{train}} = ${texFixed(lastTrain, 4)}, \\quad L_{\\text{val}} = ${texFixed(lastVal, 4)}, \\quad \\min L_{\\text{val}} = ${texFixed(bestVal, 4)} \\text{ at step } ${bestStep ?? 0}`}
      />
      <p className="reg-readout">
        Lowest validation error <strong data-testid="best-val">{fmt(bestVal)}</strong> at step{' '}
        <strong data-testid="best-step">{bestStep ?? 0}</strong>; now{' '}
        <span data-testid="val-now">{fmt(lastVal)}</span>
        {marker && lastVal !== undefined && lastVal > bestVal * 1.1 && steps > bestStep ? (
          <span data-testid="val-turned-up">
            {' '}
            — validation error has turned up: early stopping would stop at step {bestStep}.
          </span>
        ) : null}
      </p>
    </div>
  );
}

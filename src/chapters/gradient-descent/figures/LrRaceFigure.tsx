import { LineChart, fmt, useGridView } from '../../../components/charts';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { isOptimumView, isRateRuns, type RateRunView } from '../../../experiments/descent/views';
import type { LessonStep } from '../../../lessons/types';
import { untilExit } from '../../../components/charts/series';
import { excessLossCurve, surfacePaths } from './descentModel';
import { RunHeader, SurfacePair, useRunColour } from './runParts';

const NAMES = ['too small', 'about right', 'too large', 'divergent'];

/** Gradient-descent step 2: four learning rates race on the same surface. */
export function LrRaceFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="descent-lr"
      step={step}
      views={['grid', 'runs', 'state']}
      controlsLabel="Learning rates"
      className="figure-compact descent-fit"
    >
      <LrRacePlots />
    </ExperimentPanel>
  );
}

function LrRacePlots() {
  const grid = useGridView('grid');
  const runs = useView('runs', { accept: isRateRuns }) ?? [];
  const state = useView('state', { accept: isOptimumView });
  const maxStable = state?.maxStableRate;
  const lossStar = state?.lossStar ?? 0;
  const colour = useRunColour();

  // Plot the excess loss J − J* so the log scale shows convergence all the way down.
  const series = runs.map((r, i) => ({
    label: `α${'₁₂₃₄'[i]} = ${fmt(r.alpha, 3)}`,
    ...excessLossCurve(r.curve, lossStar),
    color: colour(i),
  }));
  const paths = surfacePaths(
    runs.map((r) => ({ label: `α = ${fmt(r.alpha, 3)}`, path: r.path })),
    colour,
    (p) => (grid ? untilExit(p, grid.xDomain, grid.yDomain) : p),
  );

  return (
    <figure className="descent-figure" data-testid="lr-race-plot">
      <SurfacePair
        surface={{
          grid,
          paths,
          xLabel: 'w',
          yLabel: 'b',
          zLabel: 'L(w, b)',
          title: 'Four learning rates, one surface',
          height: 240,
          caption: 'Paths of gradient descent with four learning rates from the same start.',
        }}
      >
        <LineChart
          series={series}
          yScale="log"
          xLabel="iterations"
          yLabel="L − L*"
          title="Loss above the minimum"
          height={250}
        />
      </SurfacePair>
      <LrTable runs={runs} colour={colour} />
      <figcaption>
        The steepest curvature of this bowl is λ_max = {fmt(state?.lambdaMax, 3)}: any α above 2/λ_max ={' '}
        <strong data-testid="max-stable-rate">{fmt(maxStable, 3)}</strong> diverges.
      </figcaption>
    </figure>
  );
}

/** Each run's rate, loss and whether (and when) it diverged. */
function LrTable({ runs, colour }: { runs: RateRunView[]; colour: (i: number) => string }) {
  return (
    <table className="descent-table" data-testid="lr-table">
      <thead>
        <tr>
          <th scope="col">run</th>
          <th scope="col">α</th>
          <th scope="col">loss L</th>
          <th scope="col">state</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r, i) => {
          const at = r.divergedAt;
          return (
            <tr key={i} data-testid={`lr-run-${i + 1}`}>
              <RunHeader colour={colour(i)}>{NAMES[i]}</RunHeader>
              <td>{fmt(r.alpha, 3)}</td>
              <td>{fmt(r.loss)}</td>
              <td data-testid={`lr-state-${i + 1}`}>
                {at >= 0 ? <span className="descent-badge">diverged at step {at}</span> : 'running'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

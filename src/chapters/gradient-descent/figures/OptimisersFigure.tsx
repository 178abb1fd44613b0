import { LineChart, fmt, useGridView } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { isRuleRuns, isSurfaceInfoView, type RuleRunView } from '../../../experiments/descent/views';
import type { RuleId } from '../../../experiments/descent/rules';
import type { LessonStep } from '../../../lessons/types';
import { TableScroll } from '../../../lessons/figureKit/TableScroll';
import { excessLossCurve, surfacePaths } from './descentModel';
import { RunHeader, SurfacePair, useRunColour } from './runParts';

// 'sgd' is the experiment's id for the plain rule; on these analytic surfaces every step uses the exact gradient,
// so it is full-batch gradient descent, not stochastic — and is named so.
const LABELS: Record<RuleId, string> = { sgd: 'Gradient descent', momentum: 'Momentum', adam: 'Adam' };

/** Gradient-descent step 3: gradient descent, momentum and Adam racing on a valley or a saddle; β, β₁, β₂ live. */
export function OptimisersFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="descent-optim"
      step={step}
      views={['grid', 'runs', 'surface']}
      controls={['surface', 'angle', 'condition', 'lrsgd', 'lrmom', 'beta', 'lradam', 'beta1', 'beta2']}
      controlsLabel="Optimisers"
      className="figure-compact descent-fit"
    >
      <OptimiserPlots />
    </ExperimentPanel>
  );
}

function OptimiserPlots() {
  const grid = useGridView('grid');
  const runs = useView('runs', { accept: isRuleRuns }) ?? [];
  const surface = useView('surface', { accept: isSurfaceInfoView });
  const colour = useRunColour();

  const paths = surfacePaths(
    runs.map((r) => ({ label: ruleName(r), path: r.path })),
    colour,
  );
  const series = runs.map((r, i) => ({
    label: ruleName(r),
    ...excessLossCurve(r.curve, 0),
    color: colour(i),
  }));

  return (
    <figure className="descent-figure" data-testid="optimisers-plot">
      <SurfacePair
        surface={{
          grid,
          paths,
          xLabel: 'x',
          yLabel: 'y',
          zLabel: 'f − f_min',
          title: surface?.title ?? 'Surface',
          height: 210,
          caption: 'Gradient descent, momentum and Adam from the same start.',
        }}
      >
        {surface && (
          <div className="descent-formula">
            <Tex display tex={surface.tex} />
          </div>
        )}
        <LineChart
          series={series}
          yScale="log"
          xLabel="iterations"
          yLabel="f − f_min"
          title="Loss above the minimum"
          height={220}
        />
      </SurfacePair>
      <OptimiserTable runs={runs} colour={colour} />
      {/* The same β values as the sliders under the figure: spoken, not shown twice. */}
      <figcaption className="visually-hidden">
        Momentum β = {fmt(surface?.beta, 3)}; Adam β₁ = {fmt(surface?.beta1, 3)}, β₂ ={' '}
        {fmt(surface?.beta2, 4)}.
      </figcaption>
    </figure>
  );
}

/** The optimiser's name for a run. */
function ruleName(r: RuleRunView): string {
  return LABELS[r.rule];
}

/** Step size, position, loss (or where it diverged) and memory of each optimiser. */
function OptimiserTable({ runs, colour }: { runs: RuleRunView[]; colour: (i: number) => string }) {
  return (
    <TableScroll label="Optimisers: step size, position, loss and memory">
      <table className="descent-table" data-testid="optimiser-table">
        <thead>
          <tr>
            <th scope="col">optimiser</th>
            <th scope="col">α</th>
            <th scope="col">position (x, y)</th>
            <th scope="col">f − f_min</th>
            <th scope="col">memory (x, y)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => (
            <tr key={i} data-testid={`optimiser-${r.rule}`}>
              <RunHeader colour={colour(i)}>{ruleName(r)}</RunHeader>
              <td>{fmt(r.alpha, 3)}</td>
              <td>
                ({fmt(r.x, 3)}, {fmt(r.y, 3)})
              </td>
              <td>
                {r.divergedAt >= 0 ? (
                  <span className="descent-badge">diverged at step {r.divergedAt}</span>
                ) : (
                  fmt(r.loss, 6)
                )}
              </td>
              <td data-testid={`optimiser-memory-${r.rule}`}>{memoryText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Momentum's velocity v, Adam's m̂ and ŝ, per coordinate; plain gradient descent remembers nothing. */
function memoryText({ v, mHat, sHat }: RuleRunView): string {
  const pair = (p: readonly number[], digits: number) => `(${fmt(p[0], digits)}, ${fmt(p[1], digits)})`;
  if (v) return `v = ${pair(v, 3)}`;
  if (mHat && sHat) return `m̂ = ${pair(mHat, 3)}, ŝ = ${pair(sHat, 4)}`;
  return '—';
}

import { LineChart, LossSurface, seriesColor, useChartTheme } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../backprop/figures/ExperimentPanel';
import { floats, fmt, num, record, useGridView } from '../../backprop/figures/views';
import type { LessonStep } from '../../../lessons/types';
import { TableScroll } from '../../backprop/figures/TableScroll';
import { excessLossCurve, runList, surfacePaths, type RunRecord } from './descentModel';

// 'sgd' is the experiment's id for the plain rule; on these analytic surfaces every step uses the exact gradient,
// so it is full-batch gradient descent, not stochastic — and is named so.
const LABELS: Record<string, string> = { sgd: 'Gradient descent', momentum: 'Momentum', adam: 'Adam' };

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
  const theme = useChartTheme();
  const grid = useGridView('grid');
  const runs = runList(useView('runs'));
  const surface = record(useView('surface'));
  const colour = (i: number) => seriesColor(theme, i + 1);

  const paths = surfacePaths(
    runs.map((r) => ({ label: ruleName(r), path: r?.path })),
    colour,
  );
  const series = runs.map((r, i) => ({
    label: ruleName(r),
    ...excessLossCurve(floats(r?.curve), 0),
    color: colour(i),
  }));

  return (
    <figure className="descent-figure" data-testid="optimisers-plot">
      <div className="descent-pair">
        {grid ? (
          <LossSurface
            grid={grid}
            paths={paths}
            logLevels
            xLabel="x"
            yLabel="y"
            zLabel="f − f_min"
            title={typeof surface?.title === 'string' ? surface.title : 'Surface'}
            height={210}
            caption="Gradient descent, momentum and Adam from the same start."
          />
        ) : (
          <span />
        )}
        <div className="descent-stack">
          {typeof surface?.tex === 'string' && (
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
        </div>
      </div>
      <OptimiserTable runs={runs} colour={colour} />
      {/* The same β values as the sliders under the figure: spoken, not shown twice. */}
      <figcaption className="visually-hidden">
        Momentum β = {fmt(num(surface?.beta), 3)}; Adam β₁ = {fmt(num(surface?.beta1), 3)}, β₂ ={' '}
        {fmt(num(surface?.beta2), 4)}.
      </figcaption>
    </figure>
  );
}

/** The optimiser's name for a run (the experiment's rule id when it is not one of ours). */
function ruleName(r: RunRecord): string {
  return LABELS[String(r?.rule)] ?? String(r?.rule);
}

/** Step size, position, loss (or where it diverged) and memory of each optimiser. */
function OptimiserTable({ runs, colour }: { runs: RunRecord[]; colour: (i: number) => string }) {
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
            <tr key={i} data-testid={`optimiser-${String(r?.rule)}`}>
              <th scope="row">
                <span className="descent-swatch" style={{ background: colour(i) }} aria-hidden="true" />
                {ruleName(r)}
              </th>
              <td>{fmt(num(r?.alpha), 3)}</td>
              <td>
                ({fmt(num(r?.x), 3)}, {fmt(num(r?.y), 3)})
              </td>
              <td>
                {(num(r?.divergedAt) ?? -1) >= 0 ? (
                  <span className="descent-badge">diverged at step {num(r?.divergedAt)}</span>
                ) : (
                  fmt(num(r?.loss), 6)
                )}
              </td>
              <td data-testid={`optimiser-memory-${String(r?.rule)}`}>{memoryText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Momentum's velocity v, Adam's m̂ and ŝ, per coordinate; plain gradient descent remembers nothing. */
function memoryText(r: RunRecord): string {
  const pair = (key: string, digits: number) => {
    const v = r?.[key];
    if (!Array.isArray(v) || v.length < 2) return null;
    return `(${fmt(num(v[0]), digits)}, ${fmt(num(v[1]), digits)})`;
  };
  const v = pair('v', 3);
  if (v) return `v = ${v}`;
  const m = pair('mHat', 3);
  const sq = pair('sHat', 4);
  if (m && sq) return `m̂ = ${m}, ŝ = ${sq}`;
  return '—';
}

import { useChartTheme } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt } from '../../../components/charts';
import { isSearchView, type SearchRunView, type SearchView } from '../../../experiments/regularization/views';
import { Formula } from './Formula';
import { SearchColorKey, SearchScatter } from './SearchScatter';
import { texFixed } from './views';

/** Step 7: grid search against random search with the same budget of short trainings. */
export function SearchFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-search"
      step={step}
      views={['search']}
      valLabel="validation error"
      controls={['budget']}
    >
      <SearchPlots />
    </ExperimentPanel>
  );
}

/** [lo, hi] of the finite validation errors of both searches, or null before there are two different ones. */
function errorDomain(...searches: SearchRunView[]): [number, number] | null {
  const finite = searches.flatMap((s) => Array.from(s.val).filter((v) => Number.isFinite(v) && v > 0));
  if (finite.length === 0) return null;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return hi > lo ? [lo, hi] : null;
}

/** α, λ and validation error of a search's best trial (a TeX line). */
function bestTex(name: string, s: SearchRunView, test: number | undefined): string {
  const ok = s.best >= 0 && s.best < s.val.length;
  const a = ok ? s.lr[s.best].toPrecision(3) : '\\text{–}';
  const l = ok ? s.lambda[s.best].toPrecision(2) : '\\text{–}';
  const v = ok ? texFixed(s.val[s.best], 4) : '\\text{–}';
  const t = test === undefined ? '' : `,\\; L_{\\text{test}} = ${texFixed(test, 4)}`;
  return `\\text{${name}: } \\alpha^* = ${a},\\; \\lambda^* = ${l},\\; L_{\\text{val}} = ${v}${t}`;
}

function SearchPlots() {
  const theme = useChartTheme();
  const view = useView('search', { accept: isSearchView });
  if (!view) return <p className="reg-readout">Preparing the searches…</p>;
  const { grid, random, space, tests } = view;
  const domain = errorDomain(grid, random);
  const finished = tests.length === 2;
  return (
    <div className="captions-spoken reg-plots">
      <div className="reg-readout reg-search-head">
        <SearchProgress view={view} />
        <SearchColorKey theme={theme} domain={domain} />
        <span className="reg-marker-key">○ planned · × blew up · ⊙ best</span>
      </div>
      <SearchScatter
        title="Grid search"
        {...grid}
        space={space}
        colorDomain={domain}
        theme={theme}
        testId="scatter-grid"
      />
      <SearchScatter
        title="Random search"
        {...random}
        space={space}
        colorDomain={domain}
        theme={theme}
        testId="scatter-random"
      />
      <Formula
        testId="search-formula"
        tex={[
          bestTex('grid', grid, finished ? tests[0] : undefined),
          bestTex('random', random, finished ? tests[1] : undefined),
        ]}
      />
      <SearchBestReadout grid={grid} random={random} tests={finished ? tests : undefined} />
      <SeedTally tally={view.tally} />
    </div>
  );
}

/** Trials done of planned, and why fewer than the budget when the grid cannot use all of it. */
function SearchProgress({ view }: { view: SearchView }) {
  const { trials, done, requested } = view;
  return (
    <span>
      <label htmlFor="search-progress-bar">Trials </label>
      <progress id="search-progress-bar" max={trials} value={done} data-testid="search-progress" />{' '}
      <strong data-testid="trials-done">{done}</strong> of <span data-testid="trials-total">{trials}</span>
      {requested !== trials && (
        <span data-testid="budget-note">
          {' '}
          (a {view.gridLrs} × {view.gridLambdas} grid uses {trials} of the {requested}; both get {trials})
        </span>
      )}
    </span>
  );
}

/** Validation error of a search's best trial so far, if it has one. */
function bestVal(s: SearchRunView): number | undefined {
  return s.best >= 0 ? s.val[s.best] : undefined;
}

/** The best trial of each search, then the test errors (`tests`, grid then random) once both searches are done. */
function SearchBestReadout({
  grid,
  random,
  tests,
}: {
  grid: SearchRunView;
  random: SearchRunView;
  tests: ArrayLike<number> | undefined;
}) {
  return (
    <p className="reg-readout">
      Best validation error: grid <strong data-testid="best-grid-val">{fmt(bestVal(grid))}</strong>
      {grid.best >= 0 && (
        <>
          {' '}
          (α <span data-testid="best-grid-lr">{grid.lr[grid.best].toPrecision(3)}</span>)
        </>
      )}
      , random <strong data-testid="best-random-val">{fmt(bestVal(random))}</strong>
      {random.best >= 0 && (
        <>
          {' '}
          (α <span data-testid="best-random-lr">{random.lr[random.best].toPrecision(3)}</span>)
        </>
      )}
      .{' '}
      {tests ? (
        <span data-testid="test-scores">
          Test error, once both are done: grid <strong data-testid="test-grid">{fmt(tests[0])}</strong>,
          random <strong data-testid="test-random">{fmt(tests[1])}</strong>.
        </span>
      ) : (
        <span>Test set: untouched until both finish.</span>
      )}
    </p>
  );
}

/** The repeat over further seeds: `tally` = [seeds done, random wins, grid wins, ties, seeds planned]. */
function SeedTally({ tally }: { tally: ArrayLike<number> }) {
  return (
    <p className="reg-readout" data-testid="seed-tally">
      Seeds compared: <strong data-testid="seeds-done">{tally[0] ?? 0}</strong> of {tally[4] ?? 0} · lower
      validation error found by random <strong data-testid="random-wins">{tally[1] ?? 0}</strong>, grid{' '}
      <strong data-testid="grid-wins">{tally[2] ?? 0}</strong>
      {(tally[3] ?? 0) > 0 ? `, ties ${tally[3]}` : ''}
    </p>
  );
}

/**
 * Regularisation step 7: choosing hyperparameters, grid search against random search. One training step of this
 * experiment is one trial of each search (two short trainings, src/experiments/regularization/searchTrial.ts), so
 * Play, Step, Run, Reset and the pace work as in every other figure, and a search can be paused mid-way.
 *
 * Phases, by step count (N = trials per search, R = SEEDS):
 *   1 … N        the shown search: trial k of the grid and of the random search on this seed's data;
 *                at N both have finished: each picks its lowest validation error, and only then is the chosen
 *                network scored on the test set, once.
 *   N+1 … R·N    the same two searches repeated on R − 1 further seeds (new data, initial weights and random points),
 *                one trial pair a step; after each seed, whichever search found the lower validation error scores.
 * Every number derives from the run's seed: a share link replays the same trials and results.
 */
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { SearchViews } from './views';
import { gridPoints, gridShape, randomPoints, type SearchPoint, type SearchSpace } from './searchPlan';
import {
  runTrial,
  searchData,
  startErrors,
  testError,
  trialInputs,
  type TrialInputs,
  type TrialResult,
} from './searchTrial';

/** The searched box: the learning rate over three decades (it matters), λ over two small decades (it barely does). */
export const SEARCH_SPACE: SearchSpace = { lr: { lo: 0.001, hi: 1 }, lambda: { lo: 0.00001, hi: 0.001 } };
/** Seeds the two searches are compared over (the shown one and SEEDS − 1 more). */
export const SEEDS = 10;

export const searchParams: ParamTable = [
  {
    name: 'budget',
    label: 'Budget: trainings per search',
    type: 'int',
    default: 9,
    min: 4,
    max: 25,
    live: false,
    help: 'Short trainings each search may run.',
  },
];

/** One search on one seed: its points, its trials so far and the best (lowest validation error) among them. */
interface SearchRun {
  points: SearchPoint[];
  trials: TrialResult[];
  best: TrialResult | null;
}

/** One seed: its data and the two searches, which share the data and the initial weights. */
interface SeedRun {
  inputs: TrialInputs;
  grid: SearchRun;
  random: SearchRun;
}

/** Seed r of the comparison (r = 0 is the run's own seed); each derives data, weights and points from it. */
export function seedFor(seed: number, r: number): number {
  return (seed + Math.imul(r, 0x9e3779b9)) >>> 0;
}

function newSeedRun(seed: number, budget: number): SeedRun {
  const inputs = trialInputs(searchData(seed), (seed ^ 0x2545f491) >>> 0);
  const run = (points: SearchPoint[]): SearchRun => ({ points, trials: [], best: null });
  return {
    inputs,
    grid: run(gridPoints(SEARCH_SPACE, budget)),
    random: run(randomPoints(SEARCH_SPACE, budget, (seed ^ 0x5bd1e995) >>> 0)),
  };
}

/** Run the next trial of a search; keep its trained network only while it is the best. */
function advance(search: SearchRun, inputs: TrialInputs): void {
  const trial = runTrial(inputs, search.points[search.trials.length]);
  search.trials.push(trial);
  if (search.best === null || trial.val < search.best.val) search.best = trial;
}

/** Tally of the comparison over seeds: which search found the lower validation error. */
export interface Tally {
  seeds: number;
  randomWins: number;
  gridWins: number;
  ties: number;
}

function score(tally: Tally, run: SeedRun): void {
  const g = run.grid.best?.val ?? Infinity;
  const r = run.random.best?.val ?? Infinity;
  tally.seeds++;
  if (r < g) tally.randomWins++;
  else if (g < r) tally.gridWins++;
  else tally.ties++;
}

/** Points and validation errors of a search, for the scatter: lr [n], lambda [n], val [n] (Infinity = blew up). */
function searchView(search: SearchRun) {
  const n = search.trials.length;
  return {
    lr: Float64Array.from(search.points, (p) => p.lr),
    lambda: Float64Array.from(search.points, (p) => p.lambda),
    val: Float64Array.from({ length: n }, (_, i) => search.trials[i].val),
    best: search.best ? search.trials.indexOf(search.best) : -1,
  };
}

/** Everything one search experiment changes as it runs; the module functions below read and update it. */
interface SearchState {
  seed: number;
  /** The budget asked for, and the trials per search it allows (the grid's shape may use fewer). */
  requested: number;
  trials: number;
  /** The searches on the run's own seed, which the figure shows. */
  shown: SeedRun;
  /** Errors of the untrained network, the read-out before any trial has finished. */
  start: ReturnType<typeof startErrors>;
  tally: Tally;
  /** Test errors of the two chosen networks, measured once when the shown search finishes. */
  tests: { grid: number; random: number } | null;
  /** The repeat on a further seed under way (dropped when it is scored). */
  repeat: SeedRun | null;
  steps: number;
}

function buildSearchState(params: ParamValues, seed: number): SearchState {
  const requested = params.budget as number;
  const shown = newSeedRun(seedFor(seed, 0), requested);
  return {
    seed,
    requested,
    trials: gridShape(requested).trials,
    shown,
    start: startErrors(shown.inputs),
    tally: { seeds: 0, randomWins: 0, gridWins: 0, ties: 0 },
    tests: null,
    repeat: null,
    steps: 0,
  };
}

/** One step: the next trial of both searches on the current seed, and the scoring when that seed is done. */
function trialPair(s: SearchState): void {
  const { trials, shown } = s;
  const seedIndex = Math.floor(s.steps / trials);
  const run = seedIndex === 0 ? shown : (s.repeat ??= newSeedRun(seedFor(s.seed, seedIndex), s.requested));
  advance(run.grid, run.inputs);
  advance(run.random, run.inputs);
  s.steps++;
  if (s.steps % trials !== 0) return;
  score(s.tally, run);
  if (seedIndex === 0)
    s.tests = {
      grid: testError(shown.inputs, shown.grid.best!),
      random: testError(shown.inputs, shown.random.best!),
    };
  s.repeat = null; // a finished repeat keeps nothing but its score
}

/** The best trial of the shown searches so far (either search's; the lower validation error). */
function bestShown(s: SearchState): TrialResult | null {
  const g = s.shown.grid.best;
  const r = s.shown.random.best;
  if (!g) return r;
  if (!r) return g;
  return r.val < g.val ? r : g;
}

function searchMetrics(s: SearchState): Metrics {
  const { steps, trials, tally, tests } = s;
  const b = bestShown(s);
  // Read-out bar: the errors of the best trial so far (finite ones only; the untrained network before that).
  const finite = b !== null && Number.isFinite(b.val) && Number.isFinite(b.train);
  const m: Metrics = {
    step: steps,
    epoch: 0,
    loss: finite ? b.train : s.start.train,
    valLoss: finite ? b.val : s.start.val,
    trialsDone: Math.min(steps, trials),
    trials,
    seedsDone: tally.seeds,
    randomWins: tally.randomWins,
    gridWins: tally.gridWins,
  };
  if (tests) {
    m.testGrid = tests.grid;
    m.testRandom = tests.random;
  }
  return m;
}

function searchViews(s: SearchState, wanted: readonly string[]): Partial<SearchViews> {
  if (!wanted.includes('search')) return {};
  const { requested, trials, tally, tests } = s;
  const shape = gridShape(requested);
  return {
    search: {
      requested,
      trials,
      gridLrs: shape.lrs,
      gridLambdas: shape.lambdas,
      done: Math.min(s.steps, trials),
      grid: searchView(s.shown.grid),
      random: searchView(s.shown.random),
      space: [SEARCH_SPACE.lr.lo, SEARCH_SPACE.lr.hi, SEARCH_SPACE.lambda.lo, SEARCH_SPACE.lambda.hi],
      tally: [tally.seeds, tally.randomWins, tally.gridWins, tally.ties, SEEDS],
      tests: tests ? [tests.grid, tests.random] : [],
    },
  };
}

export function createSearch(params: ParamValues, seed: number): Trainer<SearchViews> {
  const s = buildSearchState(params, seed);
  const total = s.trials * SEEDS;
  return {
    step(n) {
      for (let i = 0; i < n && s.steps < total; i++) trialPair(s);
    },
    metrics: () => searchMetrics(s),
    views: (wanted) => searchViews(s, wanted),
    set() {
      // The budget is structural: changing it rebuilds the searches (the host calls create again).
    },
    divergence: () => null, // a trial that blows up is a result of the search (validation error ∞), not a failure
  };
}

export const searchExperiment: Experiment<SearchViews> = {
  id: 'reg-search',
  title: 'Grid search versus random search',
  params: searchParams,
  create: createSearch,
};

// Measurement protocol shared by all workloads: build every engine's trainer from the same data, check that the
// losses agree for the first steps, warm up, then interleave engines in rounds and report medians.
import { NotAvailableError } from './types';
import type { Engine, EngineName, Trainer, WorkloadData } from './types';
import {
  FINAL_TOLERANCE,
  checkAgreement,
  finalLossCheck,
  freshTrajectory,
  printCheck,
  stepChecked,
  type CheckReport,
  type FinalCheck,
} from './lossChecks';
import { median, now, settleHeap } from './measure';

export { FINAL_TOLERANCE, TOLERANCE, printCheck, type CheckReport, type FinalCheck } from './lossChecks';
export { benchMatmul, maxAbsDiff, type MatmulResult } from './matmulBench';
export { median } from './measure';

export interface HarnessOptions {
  /** Timed seconds per engine per workload (split across rounds). */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  checkSteps: number;
  /**
   * A child process of bench/isolate.ts with one engine: instead of the final check, record the losses of a fresh run
   * of as many steps (FinalCheck.trajectory); the parent checks engines against each other.
   */
  trajectory?: boolean;
}

export interface MemoryGrowth {
  /** Sum over rounds 2.. of (heapUsed after gc at round end − heapUsed after gc at round start). */
  heapBytes: number;
  /** Same for external + arrayBuffers (where Wasm memory and typed-array stores live). */
  externalBytes: number;
  /** heapBytes per timed step of rounds 2.. */
  bytesPerStep: number;
  flat: boolean;
}

export type Status = 'ok' | 'missing' | 'error' | 'mismatch';

export interface WorkloadResult {
  engine: EngineName;
  workload: string;
  status: Status;
  message?: string;
  steps: number;
  msPerStepRounds: number[];
  msPerStep: number; // median over rounds
  stepsPerSec: number;
  checkLosses: number[];
  lastLoss: number;
  memory?: MemoryGrowth;
}

function emptyResult(engine: EngineName, workload: string, status: Status, message: string): WorkloadResult {
  return {
    engine,
    workload,
    status,
    message,
    steps: 0,
    msPerStepRounds: [],
    msPerStep: NaN,
    stepsPerSec: NaN,
    checkLosses: [],
    lastLoss: NaN,
  };
}

export interface Live {
  engine: Engine;
  trainer: Trainer;
  result: WorkloadResult;
}

/** Heap growth and timed steps of one engine over rounds 2.. */
interface Growth {
  heap: number;
  ext: number;
  steps: number;
}

/** One workload's run across engines: the live trainers and what each phase records for the next. */
interface WorkloadRun {
  data: WorkloadData;
  opts: HarnessOptions;
  results: WorkloadResult[];
  live: Live[];
  losses: Map<EngineName, number[]>;
  checkMs: Map<EngineName, number>;
  /** Steps each trainer has taken so far (check, warm-up, timed), for the final loss check. */
  taken: Map<EngineName, number>;
  growth: Map<EngineName, Growth>;
}

/** 1. Build each engine's trainer and run the first steps (also the agreement check); failures are reported. */
async function startEngines(run: WorkloadRun, engines: Engine[]): Promise<void> {
  const { data, opts } = run;
  for (const engine of engines) {
    await engine.activate();
    let trainer: Trainer | undefined;
    try {
      trainer = engine.createTrainer(data);
      const ls: number[] = [];
      const t0 = now();
      for (let i = 0; i < opts.checkSteps; i++) ls.push(stepChecked(trainer, engine.name));
      run.checkMs.set(engine.name, now() - t0);
      run.losses.set(engine.name, ls);
      const result = emptyResult(engine.name, data.id, 'ok', '');
      delete result.message;
      result.checkLosses = ls;
      run.live.push({ engine, trainer, result });
      run.results.push(result);
    } catch (err) {
      trainer?.dispose();
      const missing = err instanceof NotAvailableError;
      const message = err instanceof Error ? err.message : String(err);
      if (!missing)
        console.error(`!!! ${engine.name} ${data.id} failed: ${err instanceof Error ? err.stack : message}`);
      run.results.push(emptyResult(engine.name, data.id, missing ? 'missing' : 'error', message));
    }
  }
}

/** Engines whose first losses disagree with the reference are marked and leave the run. */
function dropMismatches(run: WorkloadRun, check: CheckReport): void {
  for (const row of check.rows) {
    if (row.pass) continue;
    const idx = run.live.findIndex((l) => l.engine.name === row.engine);
    if (idx < 0) continue;
    const [l] = run.live.splice(idx, 1);
    l.result.status = 'mismatch';
    l.result.message = `loss differs from ${check.reference} by rel ${row.maxRelDiff.toExponential(2)}`;
    l.trainer.dispose();
  }
}

const countSteps = (run: WorkloadRun, name: EngineName, n: number) =>
  run.taken.set(name, run.taken.get(name)! + n);

/**
 * 2. Warm up (JIT, caches, allocator pools). The check steps already count: an engine whose check steps took
 *    longer than the warm-up time (a slow one) is warm enough and goes straight to timing.
 */
async function warmUp(run: WorkloadRun): Promise<void> {
  const { opts } = run;
  for (const l of run.live) {
    if (run.checkMs.get(l.engine.name)! >= opts.warmupSeconds * 1000) continue;
    await l.engine.activate();
    const t0 = now();
    do {
      stepChecked(l.trainer, l.engine.name);
      countSteps(run, l.engine.name, 1);
    } while (now() - t0 < opts.warmupSeconds * 1000);
  }
}

/** One engine's timed slice of one round: steps until the slice is used up; heap growth counted after round 0. */
async function timeSlice(run: WorkloadRun, l: Live, round: number, slice: number): Promise<void> {
  await l.engine.activate();
  const before = await settleHeap();
  const t0 = now();
  let steps = 0;
  let loss: number;
  do {
    loss = stepChecked(l.trainer, l.engine.name); // read every step, as the live UI does
    steps++;
  } while (now() - t0 < slice);
  const elapsed = now() - t0;
  const after = await settleHeap();
  l.result.msPerStepRounds.push(elapsed / steps);
  l.result.steps += steps;
  countSteps(run, l.engine.name, steps);
  l.result.lastLoss = loss;
  // Round 0 may still fill caches and pools; growth is judged on the later rounds.
  if (round > 0) {
    const g = run.growth.get(l.engine.name) ?? { heap: 0, ext: 0, steps: 0 };
    g.heap += after.heapUsed - before.heapUsed;
    g.ext += after.external + after.arrayBuffers - (before.external + before.arrayBuffers);
    g.steps += steps;
    run.growth.set(l.engine.name, g);
  }
}

/** 3. Interleaved timed rounds; the engine order rotates every round so none always runs first after a gc. */
async function timedRounds(run: WorkloadRun): Promise<void> {
  const { opts, live } = run;
  const slice = (opts.seconds * 1000) / opts.rounds;
  // An engine whose single step takes more than two slices (tfjs-cpu on W2/W3) runs one step per round anyway; it
  // joins only the first 3 rounds so a full run stays within a few minutes (its median is over 3 steps).
  const SLOW_ROUNDS = 3;
  const roundsFor = (name: EngineName) =>
    run.checkMs.get(name)! / opts.checkSteps > 2 * slice ? Math.min(SLOW_ROUNDS, opts.rounds) : opts.rounds;
  for (let round = 0; round < opts.rounds; round++) {
    for (let k = 0; k < live.length; k++) {
      const l = live[(round + k) % live.length];
      if (round >= roundsFor(l.engine.name)) continue;
      await timeSlice(run, l, round, slice);
    }
  }
}

/** Medians, speed and memory growth into each live engine's result; the trainers are disposed. */
function finishResults(run: WorkloadRun): void {
  for (const l of run.live) {
    const r = l.result;
    r.msPerStep = median(r.msPerStepRounds);
    r.stepsPerSec = 1000 / r.msPerStep;
    const g = run.growth.get(l.engine.name) ?? { heap: 0, ext: 0, steps: 0 };
    // Flat = the JS heap grew by less than 1 MiB over all later rounds, or by less than 64 bytes a step (a leak of
    // one small object per step would show as ≥ 64 B/step). Wasm memory shows up in `externalBytes`, reported only:
    // Wasm memories never shrink, so a one-off growth there is not a leak.
    const bytesPerStep = g.heap / Math.max(1, g.steps);
    const flat = g.heap < 1 << 20 || bytesPerStep < 64;
    if (g.steps > 0) r.memory = { heapBytes: g.heap, externalBytes: g.ext, bytesPerStep, flat };
    l.trainer.dispose();
  }
}

/** The one engine's fresh run of as many steps as it took, for the parent's final check (HarnessOptions.trajectory). */
async function ownTrajectory(run: WorkloadRun): Promise<FinalCheck | undefined> {
  if (run.live.length === 0) return undefined; // the engine failed or is missing: its result says so
  if (run.live.length > 1) throw new Error('--trajectory needs exactly one engine');
  const l = run.live[0];
  const trajectory = await freshTrajectory(l.engine, run.data, run.taken.get(l.engine.name)!);
  return { reference: l.engine.name, tolerance: FINAL_TOLERANCE, rows: [], trajectory };
}

export async function benchWorkload(
  data: WorkloadData,
  engines: Engine[],
  opts: HarnessOptions,
): Promise<{ results: WorkloadResult[]; check: CheckReport }> {
  const run: WorkloadRun = {
    data,
    opts,
    results: [],
    live: [],
    losses: new Map(),
    checkMs: new Map(),
    taken: new Map(),
    growth: new Map(),
  };
  await startEngines(run, engines);
  const check = checkAgreement(data.id, run.losses);
  printCheck(check);
  dropMismatches(run, check);
  run.taken = new Map(run.live.map((l) => [l.engine.name, opts.checkSteps]));
  await warmUp(run);
  await timedRounds(run);
  const final = opts.trajectory ? await ownTrajectory(run) : await finalLossCheck(data, run.live, run.taken);
  finishResults(run);
  return { results: run.results, check: { ...check, final } };
}

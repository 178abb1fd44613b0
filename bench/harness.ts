// Measurement protocol shared by all workloads: build every engine's trainer from the same data, check that the
// losses agree for the first steps, warm up, then interleave engines in rounds and report medians.
import { matmulFlops } from './workloads/matmul';
import { NotAvailableError } from './types';
import type { Engine, EngineName, MatmulCase, MatmulRunner, Trainer, WorkloadData } from './types';

export interface HarnessOptions {
  /** Timed seconds per engine per workload (split across rounds). */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  checkSteps: number;
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

export interface CheckReport {
  workload: string;
  reference: EngineName;
  tolerances: { firstStep: number; laterSteps: number };
  rows: { engine: EngineName; losses: number[]; maxRelDiff: number; pass: boolean }[];
  /** After the timed rounds: last losses vs a fresh reference run of as many steps. */
  final?: FinalCheck;
}

export interface FinalCheck {
  reference: EngineName;
  /** Relative bound for other engines; the reference engine itself must match exactly. */
  tolerance: number;
  rows: {
    engine: EngineName;
    steps: number;
    loss: number;
    reference: number;
    relDiff: number;
    pass: boolean;
  }[];
}

/**
 * Final-loss bound between different engines after the whole run. Provisional: float32 trajectories drift apart
 * with the step count; see bench/README.md (Fairness) for the measured spread.
 */
export const FINAL_TOLERANCE = 2e-2;

/**
 * Relative tolerance for loss agreement, from measurements (tfjs-cpu, tfjs-wasm, jax-js and core, first 5 steps):
 * engines differ by at most ~9e-6 relative (float32 summation order, exp/log1p implementations), at step 1 and after.
 * Perturbing ONE engine's definition moves its first-5-step losses by (relative): W1 lr×1.1 → 1.2e-3, a zeroed bias
 * → 3e-2; W2 lr×1.1 → 2.7e-2, β2 0.99 → 7.9e-4, ε 1e-7 → 2.8e-3; W3 lr×1.1 → 3.3e-3, no causal mask → 9e-3, one
 * zeroed attention bias → 6.4e-4, ε 1e-4 → 1.4e-3. So 2e-4 after step 1 passes every engine with > 20× headroom and
 * still catches those bugs (not W3's ε 1e-7 or β2 0.99, which change its first steps by < 1e-4). Step 1 is a pure
 * forward pass from identical weights, so it gets a tighter 5e-5.
 */
export const TOLERANCE = {
  firstStep: 5e-5,
  laterSteps: 2e-4,
};

const now = () => performance.now();
/**
 * Full collection, twice with a macrotask between: V8 frees ArrayBuffer backing stores on a background task after a
 * GC, so a single gc() can still show freed tensors' buffers in `arrayBuffers`.
 */
async function settleHeap(): Promise<NodeJS.MemoryUsage> {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    await new Promise((resolve) => setImmediate(resolve));
    g();
  }
  return process.memoryUsage();
}

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

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

function stepChecked(trainer: Trainer, engine: EngineName): number {
  const loss = trainer.step();
  if (!Number.isFinite(loss)) throw new Error(`${engine}: non-finite loss ${loss}`);
  return loss;
}

/** Compares each engine's first losses with the reference engine's; marks disagreeing engines. */
function checkAgreement(workload: string, losses: Map<EngineName, number[]>): CheckReport {
  const engines = [...losses.keys()];
  const reference: EngineName = engines.includes('tfjs-cpu') ? 'tfjs-cpu' : engines[0];
  const ref = losses.get(reference) ?? [];
  const rows = engines.map((engine) => {
    const ls = losses.get(engine) ?? [];
    let maxRelDiff = 0;
    let pass = ls.length === ref.length;
    ls.forEach((l, i) => {
      const rel = Math.abs(l - ref[i]) / Math.max(1e-6, Math.abs(ref[i]));
      maxRelDiff = Math.max(maxRelDiff, rel);
      if (rel > (i === 0 ? TOLERANCE.firstStep : TOLERANCE.laterSteps)) pass = false;
    });
    return { engine, losses: ls, maxRelDiff, pass };
  });
  return { workload, reference, tolerances: TOLERANCE, rows };
}

export function printCheck(report: CheckReport): void {
  console.log(
    `\n[check ${report.workload}] losses of the first ${report.rows[0]?.losses.length ?? 0} steps vs ${report.reference}` +
      ` (relative tolerance ${report.tolerances.firstStep.toExponential()} at step 1, ${report.tolerances.laterSteps.toExponential()} after):`,
  );
  for (const r of report.rows) {
    const ls = r.losses.map((l) => l.toFixed(6)).join(' ');
    console.log(
      `  ${r.engine.padEnd(10)} ${ls}   max rel diff ${r.maxRelDiff.toExponential(2)}  ${r.pass ? 'OK' : 'MISMATCH'}`,
    );
  }
  if (report.rows.some((r) => !r.pass)) {
    console.error(
      `\n!!! [check ${report.workload}] LOSSES DISAGREE: engines marked MISMATCH are excluded from timing.\n`,
    );
  }
}

interface Live {
  engine: Engine;
  trainer: Trainer;
  result: WorkloadResult;
}

export async function benchWorkload(
  data: WorkloadData,
  engines: Engine[],
  opts: HarnessOptions,
): Promise<{ results: WorkloadResult[]; check: CheckReport }> {
  const results: WorkloadResult[] = [];
  const live: Live[] = [];
  const losses = new Map<EngineName, number[]>();
  const checkMs = new Map<EngineName, number>();

  // 1. Build and run the first steps (also the agreement check).
  for (const engine of engines) {
    await engine.activate();
    let trainer: Trainer | undefined;
    try {
      trainer = engine.createTrainer(data);
      const ls: number[] = [];
      const t0 = now();
      for (let i = 0; i < opts.checkSteps; i++) ls.push(stepChecked(trainer, engine.name));
      checkMs.set(engine.name, now() - t0);
      losses.set(engine.name, ls);
      const result = emptyResult(engine.name, data.id, 'ok', '');
      delete result.message;
      result.checkLosses = ls;
      live.push({ engine, trainer, result });
      results.push(result);
    } catch (err) {
      trainer?.dispose();
      const missing = err instanceof NotAvailableError;
      const message = err instanceof Error ? err.message : String(err);
      if (!missing)
        console.error(`!!! ${engine.name} ${data.id} failed: ${err instanceof Error ? err.stack : message}`);
      results.push(emptyResult(engine.name, data.id, missing ? 'missing' : 'error', message));
    }
  }
  const check = checkAgreement(data.id, losses);
  printCheck(check);
  for (const row of check.rows) {
    if (row.pass) continue;
    const idx = live.findIndex((l) => l.engine.name === row.engine);
    if (idx < 0) continue;
    const [l] = live.splice(idx, 1);
    l.result.status = 'mismatch';
    l.result.message = `loss differs from ${check.reference} by rel ${row.maxRelDiff.toExponential(2)}`;
    l.trainer.dispose();
  }

  // 2. Warm up (JIT, caches, allocator pools). The check steps already count: an engine whose check steps took
  //    longer than the warm-up time (a slow one) is warm enough and goes straight to timing.
  /** Steps each trainer has taken so far (check, warm-up, timed), for the final loss check. */
  const taken = new Map<EngineName, number>(live.map((l) => [l.engine.name, opts.checkSteps]));
  const count = (name: EngineName, n: number) => taken.set(name, taken.get(name)! + n);
  for (const l of live) {
    if (checkMs.get(l.engine.name)! >= opts.warmupSeconds * 1000) continue;
    await l.engine.activate();
    const t0 = now();
    do {
      stepChecked(l.trainer, l.engine.name);
      count(l.engine.name, 1);
    } while (now() - t0 < opts.warmupSeconds * 1000);
  }

  // 3. Interleaved timed rounds; the engine order rotates every round so none always runs first after a gc.
  const slice = (opts.seconds * 1000) / opts.rounds;
  const growth = new Map<EngineName, { heap: number; ext: number; steps: number }>();
  // An engine whose single step takes more than two slices (tfjs-cpu on W2/W3) runs one step per round anyway; it
  // joins only the first 3 rounds so a full run stays within a few minutes (its median is over 3 steps).
  const SLOW_ROUNDS = 3;
  const roundsFor = (name: EngineName) =>
    checkMs.get(name)! / opts.checkSteps > 2 * slice ? Math.min(SLOW_ROUNDS, opts.rounds) : opts.rounds;
  for (let round = 0; round < opts.rounds; round++) {
    for (let k = 0; k < live.length; k++) {
      const l = live[(round + k) % live.length];
      if (round >= roundsFor(l.engine.name)) continue;
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
      count(l.engine.name, steps);
      l.result.lastLoss = loss;
      // Round 0 may still fill caches and pools; growth is judged on the later rounds.
      if (round > 0) {
        const g = growth.get(l.engine.name) ?? { heap: 0, ext: 0, steps: 0 };
        g.heap += after.heapUsed - before.heapUsed;
        g.ext += after.external + after.arrayBuffers - (before.external + before.arrayBuffers);
        g.steps += steps;
        growth.set(l.engine.name, g);
      }
    }
  }
  const final = await finalLossCheck(data, live, taken);
  for (const l of live) {
    const r = l.result;
    r.msPerStep = median(r.msPerStepRounds);
    r.stepsPerSec = 1000 / r.msPerStep;
    const g = growth.get(l.engine.name) ?? { heap: 0, ext: 0, steps: 0 };
    // Flat = the JS heap grew by less than 1 MiB over all later rounds, or by less than 64 bytes a step (a leak of
    // one small object per step would show as ≥ 64 B/step). Wasm memory shows up in `externalBytes`, reported only:
    // Wasm memories never shrink, so a one-off growth there is not a leak.
    const bytesPerStep = g.heap / Math.max(1, g.steps);
    const flat = g.heap < 1 << 20 || bytesPerStep < 64;
    if (g.steps > 0) r.memory = { heapBytes: g.heap, externalBytes: g.ext, bytesPerStep, flat };
    l.trainer.dispose();
  }
  return { results, check: { ...check, final } };
}

/**
 * After timing: each engine's last loss (after its N steps in all) against a FRESH trainer of the reference engine
 * (the one that took the most steps, usually core) run for the same N steps. A divergence that set in during the timed rounds (state corrupted by a reused buffer,
 * a NaN, a different algorithm after warm-up) fails it; the reference engine must reproduce its own loss exactly.
 * Different engines drift apart slowly over thousands of float32 steps, hence the looser bound for them.
 */
async function finalLossCheck(
  data: WorkloadData,
  live: Live[],
  taken: Map<EngineName, number>,
): Promise<FinalCheck | undefined> {
  if (live.length === 0) return undefined;
  // The engine that took the most steps (the fastest, usually core): re-running its count costs what its run did.
  const ref = live.reduce((a, b) => (taken.get(b.engine.name)! > taken.get(a.engine.name)! ? b : a));
  await ref.engine.activate();
  const fresh = ref.engine.createTrainer(data);
  const wanted = new Set(live.map((l) => taken.get(l.engine.name)!));
  const lossAt = new Map<number, number>();
  const last = Math.max(...wanted);
  try {
    for (let n = 1; n <= last; n++) {
      const loss = stepChecked(fresh, ref.engine.name);
      if (wanted.has(n)) lossAt.set(n, loss);
    }
  } finally {
    fresh.dispose();
  }
  const rows = live.map((l) => {
    const steps = taken.get(l.engine.name)!;
    const loss = l.result.lastLoss;
    const reference = lossAt.get(steps)!;
    const relDiff = Math.abs(loss - reference) / Math.max(1e-3, Math.abs(reference));
    const bound = l === ref ? 0 : FINAL_TOLERANCE;
    return { engine: l.engine.name, steps, loss, reference, relDiff, pass: relDiff <= bound };
  });
  const summary = rows
    .map(
      (r) =>
        `${r.engine} ${r.steps} steps ${r.loss.toFixed(6)} vs ${r.reference.toFixed(6)} (rel ${r.relDiff.toExponential(1)})${r.pass ? '' : ' DIVERGED'}`,
    )
    .join('; ');
  console.log(`[final ${data.id}] last loss vs a fresh ${ref.engine.name} run of as many steps: ${summary}`);
  for (const r of rows) {
    if (r.pass) continue;
    const l = live.find((x) => x.engine.name === r.engine)!;
    l.result.status = 'mismatch';
    l.result.message = `after ${r.steps} steps, loss ${r.loss} vs a fresh ${ref.engine.name} run's ${r.reference}`;
  }
  return { reference: ref.engine.name, tolerance: FINAL_TOLERANCE, rows };
}

export interface MatmulResult {
  engine: EngineName;
  case: string;
  status: Status;
  message?: string;
  gflops: number; // median over rounds
  msPerCall: number;
  /** Whole-product cross-check: max |C − C of the first engine|. */
  maxAbsDiff?: number;
}

/** Largest |a[i] − b[i]|; Infinity when the lengths differ or a value is not finite. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}

/** Matmul cross-check bound on max |ΔC| (entries are up to ≈ 60 in size; float32 engines differ by ≈ 1e-5). */
const MATMUL_TOLERANCE = 1e-3;

/** GFLOP/s of one product per engine: each call computes C and reads it back, interleaved like the workloads. */
export async function benchMatmul(
  c: MatmulCase,
  engines: Engine[],
  opts: HarnessOptions,
): Promise<MatmulResult[]> {
  const runners: { engine: Engine; runner: MatmulRunner; times: number[]; diff: number }[] = [];
  const results: MatmulResult[] = [];
  let reference: Float32Array | undefined;
  for (const engine of engines) {
    await engine.activate();
    try {
      const runner = engine.createMatmul(c);
      // Same inputs ⇒ the whole product C must agree with the first engine's (float32, K ≤ 384 terms of unit
      // normals: engines differ by ~1e-5; a wrong element, row or transpose differs by O(1)).
      const product = runner.run().slice();
      reference ??= product;
      const diff = maxAbsDiff(product, reference);
      if (!(diff <= MATMUL_TOLERANCE)) {
        throw new Error(`C differs from the first engine's by max |Δ| ${diff} (> ${MATMUL_TOLERANCE})`);
      }
      runners.push({ engine, runner, times: [], diff });
    } catch (err) {
      const missing = err instanceof NotAvailableError;
      const message = err instanceof Error ? err.message : String(err);
      if (!missing) console.error(`!!! ${engine.name} matmul ${c.name}: ${message}`);
      results.push({
        engine: engine.name,
        case: c.name,
        status: missing ? 'missing' : 'error',
        message,
        gflops: NaN,
        msPerCall: NaN,
      });
    }
  }
  const slice = (opts.seconds * 1000) / opts.rounds;
  for (const r of runners) {
    await r.engine.activate();
    const t0 = now();
    while (now() - t0 < opts.warmupSeconds * 500) r.runner.run();
  }
  for (let round = 0; round < opts.rounds; round++) {
    for (let k = 0; k < runners.length; k++) {
      const r = runners[(round + k) % runners.length];
      await r.engine.activate();
      const t0 = now();
      let calls = 0;
      do {
        r.runner.run();
        calls++;
      } while (now() - t0 < slice);
      r.times.push((now() - t0) / calls);
    }
  }
  for (const r of runners) {
    const ms = median(r.times);
    results.push({
      engine: r.engine.name,
      case: c.name,
      status: 'ok',
      gflops: matmulFlops(c) / (ms * 1e6),
      msPerCall: ms,
      maxAbsDiff: r.diff,
    });
    r.runner.dispose();
  }
  return results;
}

// Loss agreement between engines: the first steps against a reference engine before timing, and each engine's last
// loss against a fresh reference run after timing. An engine that fails either is excluded or marked a mismatch.
import type { Engine, EngineName, Trainer, WorkloadData } from './types';
import type { Live } from './harness';

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
  /**
   * Only from a child process that ran one engine (`--trajectory`, bench/isolate.ts): the loss after each step of a
   * fresh run of that engine, as many steps as it took in all, for the parent's cross-engine check.
   */
  trajectory?: number[];
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

export function stepChecked(trainer: Trainer, engine: EngineName): number {
  const loss = trainer.step();
  if (!Number.isFinite(loss)) throw new Error(`${engine}: non-finite loss ${loss}`);
  return loss;
}

/** Compares each engine's first losses with the reference engine's; marks disagreeing engines. */
export function checkAgreement(workload: string, losses: Map<EngineName, number[]>): CheckReport {
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

/** A fresh trainer of `engine` on `data`, run for `steps` steps: the loss after each. */
export async function freshTrajectory(engine: Engine, data: WorkloadData, steps: number): Promise<number[]> {
  await engine.activate();
  const fresh = engine.createTrainer(data);
  const losses: number[] = [];
  try {
    for (let n = 1; n <= steps; n++) losses.push(stepChecked(fresh, engine.name));
  } finally {
    fresh.dispose();
  }
  return losses;
}

/** One engine's run for the final check: its steps in all, its last loss, and (the reference's) fresh losses. */
export interface FinalRun {
  engine: EngineName;
  steps: number;
  loss: number;
  trajectory?: readonly number[];
}

/**
 * The final check's rows: each run's last loss against the reference's fresh run at the same step count — the
 * reference is the run that took the most steps (the fastest, usually core: re-running its count costs what its run
 * did); it must reproduce its own loss exactly, other engines within FINAL_TOLERANCE. Prints one summary line.
 */
function finalRows(
  workload: string,
  runs: FinalRun[],
  ref: FinalRun,
  freshLosses: readonly number[],
): FinalCheck {
  const rows = runs.map((r) => {
    const reference = freshLosses[r.steps - 1];
    const relDiff = Math.abs(r.loss - reference) / Math.max(1e-3, Math.abs(reference));
    const bound = r === ref ? 0 : FINAL_TOLERANCE;
    return { engine: r.engine, steps: r.steps, loss: r.loss, reference, relDiff, pass: relDiff <= bound };
  });
  const summary = rows
    .map(
      (r) =>
        `${r.engine} ${r.steps} steps ${r.loss.toFixed(6)} vs ${r.reference.toFixed(6)} (rel ${r.relDiff.toExponential(1)})${r.pass ? '' : ' DIVERGED'}`,
    )
    .join('; ');
  console.log(`[final ${workload}] last loss vs a fresh ${ref.engine} run of as many steps: ${summary}`);
  return { reference: ref.engine, tolerance: FINAL_TOLERANCE, rows };
}

const mostSteps = (runs: FinalRun[]) => runs.reduce((a, b) => (b.steps > a.steps ? b : a));

/**
 * After timing: each engine's last loss (after its N steps in all) against a FRESH trainer of the reference engine
 * run for the same N steps. A divergence that set in during the timed rounds (state corrupted by a reused buffer,
 * a NaN, a different algorithm after warm-up) fails it; the reference engine must reproduce its own loss exactly.
 * Different engines drift apart slowly over thousands of float32 steps, hence the looser bound for them.
 */
export async function finalLossCheck(
  data: WorkloadData,
  live: Live[],
  taken: Map<EngineName, number>,
): Promise<FinalCheck | undefined> {
  if (live.length === 0) return undefined;
  const runs = live.map((l) => ({
    engine: l.engine.name,
    steps: taken.get(l.engine.name)!,
    loss: l.result.lastLoss,
  }));
  const ref = mostSteps(runs);
  const refEngine = live.find((l) => l.engine.name === ref.engine)!.engine;
  const check = finalRows(data.id, runs, ref, await freshTrajectory(refEngine, data, ref.steps));
  for (const r of check.rows) {
    if (r.pass) continue;
    const l = live.find((x) => x.engine.name === r.engine)!;
    l.result.status = 'mismatch';
    l.result.message = `after ${r.steps} steps, loss ${r.loss} vs a fresh ${ref.engine} run's ${r.reference}`;
  }
  return check;
}

/**
 * The final check across engines that ran in processes of their own (bench/isolate.ts): the same rows as
 * finalLossCheck, from each run's reported steps and last loss and the reference run's recorded fresh trajectory.
 */
export function crossEngineFinal(workload: string, runs: FinalRun[]): FinalCheck | undefined {
  if (runs.length === 0) return undefined;
  const ref = mostSteps(runs);
  return finalRows(workload, runs, ref, ref.trajectory ?? []);
}

// Loss agreement between engines: the first steps against a reference engine before timing, and each engine's last
// loss against a fresh reference run after timing. An engine that fails either is excluded or marked a mismatch.
import type { EngineName, Trainer, WorkloadData } from './types';
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

/**
 * After timing: each engine's last loss (after its N steps in all) against a FRESH trainer of the reference engine
 * (the one that took the most steps, usually core) run for the same N steps. A divergence that set in during the timed rounds (state corrupted by a reused buffer,
 * a NaN, a different algorithm after warm-up) fails it; the reference engine must reproduce its own loss exactly.
 * Different engines drift apart slowly over thousands of float32 steps, hence the looser bound for them.
 */
export async function finalLossCheck(
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

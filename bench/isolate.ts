// Fresh Node processes for the bench: one per workload and engine (W1, W2, W3), one for the matmul part; run one
// after another, their results merged.
//
// Why a process per part: in one long process an earlier workload leaves JIT and heap state behind that can slow a
// later one. Measured on 2026-12-06 (2-core EPYC, quiet, single runs): the core's W3 step took 31.8 ms after W1 in
// the same process, 42.0 ms after W2, and 52.7 ms at the end of a full one-process run, while jax-js's W3 stayed at
// 62–64 ms. The app gives every experiment a fresh worker, so a fresh process per workload is what users get.
//
// Why a process per engine: an engine can change V8's state for every other engine in its process. Node 20's V8
// compiles typed-array loops with fewer checks until the process first detaches an ArrayBuffer or grows a
// WebAssembly memory; after that, every such loop of every library is slower. jax-js starts its Wasm memory at 0
// pages and grows it on its first arrays. Measured 2026-12-07 (same machine, quiet): a plain `b[i] += a[i]·0.5`
// loop took 2.3 ns an element before and 5.2 ns after one `memory.grow`; the core's W3 step took 54.7 ms alone and
// 65.3 ms after 5 jax-js steps in the same process (jax-js disposed); in one interleaved run, core 65.5 ms and jax-js
// 95.6 ms, each alone 50.4 ms and 98.6 ms. A user runs one engine in a page, not two, so each gets its own process.
// The agreement checks that compare engines (first losses, final loss) are done here, from the children's reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckReport, MatmulResult, WorkloadResult } from './harness';
import { checkAgreement, crossEngineFinal, printCheck } from './lossChecks';
import type { ResultsFile } from './report';

/** What the parent passes on to each child: the same engines and timing options. */
export interface ChildOptions {
  engines: string[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
}

export interface MergedRun {
  results: WorkloadResult[];
  checks: CheckReport[];
  matmul: MatmulResult[];
  engines: ResultsFile['engines'];
  /** Exit codes of children that failed (a mismatch or an error), by part. */
  failedParts: string[];
}

/** Runs `script --same-process --only <part> --engines <engines> …` and reads what it wrote (null if it died). */
function runChild(
  script: string,
  dir: string,
  part: string,
  engines: string[],
  options: ChildOptions,
  failed: string[],
): ResultsFile | null {
  const label = engines.length === 1 ? `${part}-${engines[0]}` : part;
  const out = path.join(dir, `${label}.json`);
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      script,
      '--same-process',
      `--only=${part}`,
      `--engines=${engines.join(',')}`,
      `--seconds=${options.seconds}`,
      `--rounds=${options.rounds}`,
      `--warmup=${options.warmupSeconds}`,
      ...(engines.length === 1 && part !== 'matmul' ? ['--trajectory'] : []),
      `--out=${out}`,
    ],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) failed.push(`${label} (exit ${child.status ?? child.signal})`);
  try {
    return JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
  } catch {
    return null; // the child died before writing: reported through `failed`
  }
}

function addEngines(merged: MergedRun, file: ResultsFile): void {
  for (const e of file.engines) if (!merged.engines.some((m) => m.name === e.name)) merged.engines.push(e);
}

/**
 * One workload, each engine in a process of its own; then the cross-engine checks on what they report: the first
 * losses against the reference engine's, and each last loss against a fresh run of the engine that took the most
 * steps (its child recorded that run's loss after every step).
 */
function runWorkloadPerEngine(
  script: string,
  dir: string,
  part: string,
  options: ChildOptions,
  merged: MergedRun,
): void {
  const runs: { result: WorkloadResult; steps: number; trajectory: number[] }[] = [];
  for (const engine of options.engines) {
    console.log(`\n== ${part} · ${engine} in its own process`);
    const file = runChild(script, dir, part, [engine], options, merged.failedParts);
    if (!file) continue;
    addEngines(merged, file);
    merged.results.push(...file.workloads);
    const result = file.workloads.find((r) => r.engine === engine);
    const final = file.checks[0]?.final;
    if (result?.status === 'ok' && final?.trajectory)
      runs.push({ result, steps: final.trajectory.length, trajectory: final.trajectory });
  }
  const check = checkAgreement(part, new Map(runs.map((r) => [r.result.engine, r.result.checkLosses])));
  printCheck(check);
  for (const row of check.rows) {
    if (row.pass) continue;
    const run = runs.find((r) => r.result.engine === row.engine)!;
    Object.assign(run.result, { status: 'mismatch', msPerStep: NaN, stepsPerSec: NaN });
    run.result.message = `loss differs from ${check.reference} by rel ${row.maxRelDiff.toExponential(2)}`;
  }
  const agreeing = runs.filter((r) => r.result.status === 'ok');
  const final = crossEngineFinal(
    part,
    agreeing.map((r) => ({
      engine: r.result.engine,
      steps: r.steps,
      loss: r.result.lastLoss,
      trajectory: r.trajectory,
    })),
  );
  for (const row of final?.rows ?? []) {
    if (row.pass) continue;
    const run = agreeing.find((r) => r.result.engine === row.engine)!;
    run.result.status = 'mismatch';
    run.result.message = `after ${row.steps} steps, loss ${row.loss} vs a fresh ${final!.reference} run's ${row.reference}`;
  }
  merged.checks.push({ ...check, final });
}

/** Runs every part in child processes (see the file comment), printing each child's output as it goes. */
export function runPartsInChildProcesses(script: string, parts: string[], options: ChildOptions): MergedRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-bench-'));
  const merged: MergedRun = { results: [], checks: [], matmul: [], engines: [], failedParts: [] };
  try {
    for (const part of parts) {
      if (part !== 'matmul') {
        runWorkloadPerEngine(script, dir, part, options, merged);
        continue;
      }
      console.log(`\n== ${part} in its own process`);
      const file = runChild(script, dir, part, options.engines, options, merged.failedParts);
      if (!file) continue;
      addEngines(merged, file);
      merged.matmul.push(...file.matmul);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return merged;
}

// One Node process per part of the bench (W1, W2, W3, matmul), run one after another, their results merged.
//
// Why: in one long process an earlier workload leaves JIT and heap state behind that can slow a later one. Measured
// on 2026-12-06 (2-core EPYC, quiet, single runs): the core's W3 step took 31.8 ms after W1 in the same process,
// 42.0 ms after W2, and 52.7 ms at the end of a full one-process run, while jax-js's W3 stayed at 62–64 ms. The app
// gives every experiment a fresh worker, so a fresh process per workload is what users get, for every engine alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckReport, MatmulResult, WorkloadResult } from './harness';
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

/** Runs `script --only <part> --same-process …` once per part, printing each child's output as it goes. */
export function runPartsInChildProcesses(script: string, parts: string[], options: ChildOptions): MergedRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-bench-'));
  const merged: MergedRun = { results: [], checks: [], matmul: [], engines: [], failedParts: [] };
  try {
    for (const part of parts) {
      const out = path.join(dir, `${part}.json`);
      console.log(`\n== ${part} in its own process`);
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          script,
          '--same-process',
          `--only=${part}`,
          `--engines=${options.engines.join(',')}`,
          `--seconds=${options.seconds}`,
          `--rounds=${options.rounds}`,
          `--warmup=${options.warmupSeconds}`,
          `--out=${out}`,
        ],
        { stdio: 'inherit' },
      );
      if (child.status !== 0) merged.failedParts.push(`${part} (exit ${child.status ?? child.signal})`);
      let file: ResultsFile;
      try {
        file = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
      } catch {
        continue; // the child died before writing: reported through failedParts
      }
      merged.results.push(...file.workloads);
      merged.checks.push(...file.checks);
      merged.matmul.push(...file.matmul);
      for (const e of file.engines)
        if (!merged.engines.some((m) => m.name === e.name)) merged.engines.push(e);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return merged;
}

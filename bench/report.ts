// The printed table and bench/results.json.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { CheckReport, MatmulResult, WorkloadResult } from './harness';
import type { Engine } from './types';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  totalMemGiB: number;
  loadAverage1m: number;
  date: string;
  /** HEAD of the repository, and whether src/core differed from it (the working tree is shared while we work). */
  gitCommit: string;
  coreUncommittedChanges: boolean;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
    date: new Date().toISOString(),
    gitCommit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    coreUncommittedChanges: git(['status', '--porcelain', '--', 'src/core']) !== '',
  };
}

/** Our core's speed divided by the peer's (> 1: core is faster). NaN when either side did not run. */
export function ratioToCore(rows: { engine: string; value: number }[], peer: string): number {
  const core = rows.find((r) => r.engine === 'core')?.value ?? NaN;
  const other = rows.find((r) => r.engine === peer)?.value ?? NaN;
  return core / other;
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const fmtRatio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

export function printTable(results: WorkloadResult[], matmul: MatmulResult[]): void {
  const header = ['engine', 'workload', 'steps/s', 'ms/step', 'core÷engine', 'last loss', 'heap', 'status'];
  const lines: string[][] = [header];
  for (const r of results) {
    const rows = results
      .filter((x) => x.workload === r.workload)
      .map((x) => ({ engine: x.engine, value: x.stepsPerSec }));
    const ratio = r.engine === 'core' ? '' : fmtRatio(ratioToCore(rows, r.engine));
    const heap = r.memory
      ? `${r.memory.flat ? 'flat' : 'GROWS'} (${fmt(r.memory.bytesPerStep, 0)} B/step)`
      : '';
    lines.push([
      r.engine,
      r.workload,
      fmt(r.stepsPerSec, r.stepsPerSec < 100 ? 2 : 0),
      fmt(r.msPerStep, r.msPerStep < 1 ? 3 : 1),
      ratio,
      Number.isFinite(r.lastLoss) ? r.lastLoss.toFixed(4) : '—',
      heap,
      r.status === 'ok' ? 'ok' : `${r.status}: ${r.message ?? ''}`.slice(0, 70),
    ]);
  }
  printAligned(lines);

  if (matmul.length > 0) {
    console.log('');
    const mm: string[][] = [['engine', 'matmul (W3 shapes)', 'GFLOP/s', 'µs/call', 'core÷engine', 'status']];
    for (const r of matmul) {
      const rows = matmul
        .filter((x) => x.case === r.case)
        .map((x) => ({ engine: x.engine, value: x.gflops }));
      mm.push([
        r.engine,
        r.case,
        fmt(r.gflops, 2),
        fmt(r.msPerCall * 1000, 0),
        r.engine === 'core' ? '' : fmtRatio(ratioToCore(rows, r.engine)),
        r.status === 'ok' ? 'ok' : `${r.status}: ${r.message ?? ''}`.slice(0, 70),
      ]);
    }
    printAligned(mm);
  }
}

function printAligned(lines: string[][]): void {
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => [...(l[c] ?? '')].length)));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  lines.forEach((l, i) => {
    console.log(
      l
        .map((cell, c) => pad(cell, widths[c]))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

export interface ResultsFile {
  machine: Machine;
  options: Record<string, unknown>;
  fairness: string[];
  engines: { name: string; description: string }[];
  checks: CheckReport[];
  workloads: WorkloadResult[];
  ratios: Record<string, Record<string, number>>;
  targets: TargetVerdict[];
  matmul: MatmulResult[];
  notes: string[];
}

/** core÷peer speed ratios per workload (and matmul case), as also printed in the table. */
export function allRatios(results: WorkloadResult[], matmul: MatmulResult[]): ResultsFile['ratios'] {
  const out: ResultsFile['ratios'] = {};
  const add = (key: string, rows: { engine: string; value: number }[]) => {
    out[key] = {};
    for (const r of rows) if (r.engine !== 'core') out[key][r.engine] = ratioToCore(rows, r.engine);
  };
  for (const w of new Set(results.map((r) => r.workload))) {
    add(
      w,
      results.filter((r) => r.workload === w).map((r) => ({ engine: r.engine, value: r.stepsPerSec })),
    );
  }
  for (const c of new Set(matmul.map((r) => r.case))) {
    add(
      `matmul ${c}`,
      matmul.filter((r) => r.case === c).map((r) => ({ engine: r.engine, value: r.gflops })),
    );
  }
  return out;
}

export function describeEngines(engines: Engine[]): ResultsFile['engines'] {
  return engines.map((e) => ({ name: e.name, description: e.description }));
}

/**
 * The speed targets of issues #3 and #20 (the sequence models at twice jax-js, W1 staying at ten times): our core's
 * steps/s divided by the peer's must reach `atLeast`.
 */
export const TARGETS = [
  { workload: 'W1', peer: 'tfjs-cpu', atLeast: 5 },
  { workload: 'W1', peer: 'jax-js', atLeast: 10 },
  { workload: 'W2', peer: 'tfjs-cpu', atLeast: 3 },
  { workload: 'W2', peer: 'jax-js', atLeast: 2 },
  { workload: 'W3', peer: 'tfjs-cpu', atLeast: 3 },
  { workload: 'W3', peer: 'jax-js', atLeast: 2 },
] as const;

export interface TargetVerdict {
  workload: string;
  peer: string;
  atLeast: number;
  ratio: number | null;
  verdict: 'met' | 'missed' | 'not measured';
}

export function targetVerdicts(ratios: ResultsFile['ratios']): TargetVerdict[] {
  return TARGETS.map(({ workload, peer, atLeast }) => {
    const ratio = ratios[workload]?.[peer];
    const measured = ratio !== undefined && Number.isFinite(ratio);
    return {
      workload,
      peer,
      atLeast,
      ratio: measured ? ratio : null,
      verdict: !measured ? 'not measured' : ratio >= atLeast ? 'met' : 'missed',
    };
  });
}

export function printTargets(verdicts: TargetVerdict[]): void {
  console.log('\nTargets (issues #3 and #20), core steps/s ÷ peer steps/s:');
  for (const v of verdicts) {
    const got = v.ratio === null ? '—' : `${v.ratio.toFixed(2)}×`;
    console.log(
      `  ${v.workload} vs ${v.peer.padEnd(9)} ≥ ${v.atLeast}×: ${got.padStart(9)}  ${v.verdict.toUpperCase()}`,
    );
  }
}

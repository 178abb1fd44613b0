/**
 * The browser numbers beside Node's: steps/s of the same code in both, their ratio, and whether the first losses
 * agree (same code and data, so a difference beyond float noise means the browser ran something else).
 */
import type { BrowserBenchResult, BrowserWorkloadResult } from './protocol';

/** One Node row: a workload's steps/s and first losses (bench/results.json `workloads`, or measured in-process). */
export interface NodeRow {
  engine?: string;
  workload: string;
  stepsPerSec?: number;
  checkLosses?: readonly number[];
}

/** The part of bench/results.json this reads: the Node run's per-engine, per-workload rows. */
export interface NodeResults {
  workloads: readonly NodeRow[];
}

export interface ComparedRow {
  workload: string;
  browserStepsPerSec: number;
  nodeStepsPerSec: number | null;
  /** Browser steps/s ÷ Node steps/s (null without a Node number). */
  browserOverNode: number | null;
  maxRelLossDiff: number | null;
}

export interface Comparison {
  rows: ComparedRow[];
  lines: string[];
  agree: boolean;
}

/** Relative tolerance for the first losses (the Node bench allows 5e-5 at step 1 between engines). */
export const LOSS_TOLERANCE = 5e-5;

function maxRelativeDiff(a: readonly number[], b: readonly number[] | undefined): number | null {
  if (!b || a.length === 0) return null;
  let max = 0;
  a.forEach((x, i) => {
    const ref = b[i];
    if (ref !== undefined) max = Math.max(max, Math.abs(x - ref) / Math.max(Math.abs(ref), 1e-12));
  });
  return max;
}

function describe(w: BrowserWorkloadResult, row: ComparedRow): string {
  if (w.status !== 'ok') return `${w.workload}: FAILED ${w.error ?? ''}`;
  const { nodeStepsPerSec: node, browserOverNode: ratio, maxRelLossDiff: diff } = row;
  return (
    `${w.workload}: browser ${w.stepsPerSec.toFixed(1)} steps/s (${w.msPerStep.toFixed(3)} ms/step)` +
    (node ? `, Node ${node.toFixed(1)} steps/s, browser/Node ${ratio?.toFixed(2)}` : ', no Node number') +
    (diff !== null ? `, first losses within ${diff.toExponential(1)} of Node's` : '')
  );
}

/** Browser runs against Node rows of the same workloads. */
export function compareRuns(browser: readonly BrowserWorkloadResult[], node: readonly NodeRow[]): Comparison {
  const rows: ComparedRow[] = [];
  const lines: string[] = [];
  let agree = true;
  for (const w of browser) {
    const n = node.find((r) => r.workload === w.workload);
    const nodeSps = n?.stepsPerSec ?? null;
    const diff = maxRelativeDiff(w.checkLosses, n?.checkLosses);
    if (w.status !== 'ok' || (diff !== null && !(diff <= LOSS_TOLERANCE))) agree = false;
    const row: ComparedRow = {
      workload: w.workload,
      browserStepsPerSec: w.stepsPerSec,
      nodeStepsPerSec: nodeSps,
      browserOverNode: nodeSps ? w.stepsPerSec / nodeSps : null,
      maxRelLossDiff: diff,
    };
    rows.push(row);
    lines.push(describe(w, row));
  }
  return { rows, lines, agree };
}

/** The core's W1–W3 in the browser against the core's rows of the Node bench. */
export function compareWithNode(browser: BrowserBenchResult, node: NodeResults): Comparison {
  const core = node.workloads.filter((r) => r.engine === 'core');
  const chrome = browser.userAgent.split(' ').find((s) => s.startsWith('Chrome')) ?? 'Chromium';
  const result = compareRuns(browser.workloads, core);
  return { ...result, lines: [`core in a ${chrome} worker, kernels ${browser.kernels}`, ...result.lines] };
}

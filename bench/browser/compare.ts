/**
 * The browser numbers beside Node's: steps/s of the core in both, their ratio, and whether the first losses agree
 * (same code and data, so a difference beyond float noise means the browser ran something else).
 */
import type { BrowserBenchResult } from './protocol';

/** The part of bench/results.json this reads: the Node run's per-engine, per-workload rows. */
export interface NodeResults {
  workloads: readonly {
    engine: string;
    workload: string;
    stepsPerSec?: number;
    checkLosses?: readonly number[];
  }[];
}

export interface ComparedRow {
  workload: string;
  browserStepsPerSec: number;
  nodeStepsPerSec: number | null;
  /** Browser steps/s ÷ Node steps/s (null without a Node number). */
  browserOverNode: number | null;
  maxRelLossDiff: number | null;
}

/** Relative tolerance for the first losses (the Node bench allows 5e-5 at step 1 between engines). */
export const LOSS_TOLERANCE = 5e-5;

export function compareWithNode(
  browser: BrowserBenchResult,
  node: NodeResults,
): { rows: ComparedRow[]; lines: string[]; agree: boolean } {
  const rows: ComparedRow[] = [];
  const lines = [
    `core in ${browser.userAgent.split(' ').find((s) => s.startsWith('Chrome')) ?? 'Chromium'} worker, kernels ${browser.kernels}`,
  ];
  let agree = true;
  for (const w of browser.workloads) {
    const n = node.workloads.find((r) => r.engine === 'core' && r.workload === w.workload);
    const nodeSps = n?.stepsPerSec ?? null;
    let maxRel: number | null = null;
    if (n?.checkLosses && w.checkLosses.length > 0) {
      maxRel = 0;
      w.checkLosses.forEach((l, i) => {
        const ref = n.checkLosses?.[i];
        if (ref !== undefined)
          maxRel = Math.max(maxRel ?? 0, Math.abs(l - ref) / Math.max(Math.abs(ref), 1e-12));
      });
    }
    if (w.status !== 'ok' || (maxRel !== null && !(maxRel <= LOSS_TOLERANCE))) agree = false;
    const ratio = nodeSps ? w.stepsPerSec / nodeSps : null;
    rows.push({
      workload: w.workload,
      browserStepsPerSec: w.stepsPerSec,
      nodeStepsPerSec: nodeSps,
      browserOverNode: ratio,
      maxRelLossDiff: maxRel,
    });
    lines.push(
      w.status === 'ok'
        ? `${w.workload}: browser ${w.stepsPerSec.toFixed(0)} steps/s (${w.msPerStep.toFixed(3)} ms/step)` +
            (nodeSps
              ? `, Node ${nodeSps.toFixed(0)} steps/s, browser/Node ${ratio?.toFixed(2)}`
              : ', no Node number') +
            (maxRel !== null ? `, first losses within ${maxRel.toExponential(1)} of Node's` : '')
        : `${w.workload}: FAILED ${w.error ?? ''}`,
    );
  }
  return { rows, lines, agree };
}

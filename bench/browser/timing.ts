/**
 * Times one trainer the way bench/harness.ts does in Node: `checkSteps` first steps (their losses are kept for the
 * agreement check against Node's), warm-up up to `warmupSeconds`, then `rounds` rounds of `seconds / rounds` each;
 * the reported ms/step is the median over rounds. Pure timing, no DOM: it runs in the browser worker.
 */
import type { Trainer } from '../types';

export interface TimedRun {
  steps: number;
  msPerStepRounds: number[];
  msPerStep: number;
  checkLosses: number[];
  /** The loss of the last step taken (read after timing from trainers that do not return it from every step). */
  lastLoss: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function timeTrainer(
  trainer: Trainer,
  opts: { seconds: number; rounds: number; warmupSeconds: number; checkSteps?: number },
  now: () => number = () => performance.now(),
): TimedRun {
  const checkLosses: number[] = [];
  let steps = 0;
  let lastLoss = NaN;
  const start = now();
  for (let i = 0; i < (opts.checkSteps ?? 5); i++, steps++) checkLosses.push((lastLoss = trainer.step()));
  while (now() - start < opts.warmupSeconds * 1000) {
    lastLoss = trainer.step();
    steps++;
  }
  const roundMs = (opts.seconds * 1000) / opts.rounds;
  const msPerStepRounds: number[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const t0 = now();
    let n = 0;
    do {
      lastLoss = trainer.step();
      n++;
    } while (now() - t0 < roundMs);
    msPerStepRounds.push((now() - t0) / n);
    steps += n;
  }
  if (trainer.lastLoss) lastLoss = trainer.lastLoss();
  return { steps, msPerStepRounds, msPerStep: median(msPerStepRounds), checkLosses, lastLoss };
}

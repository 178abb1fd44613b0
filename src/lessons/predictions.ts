/**
 * Outcome rules for "Predict, then run" (see types.ts `Prediction`), shared by the chapters: small functions that
 * say which option the live read-outs show. Each returns null until the run has reached the moment its question is
 * about, so a reveal never comes early.
 */
import type { Prediction, RunReadouts } from './types';
import { formatMetric } from '../components/run/formatMetric';

/** Index of the smallest of the named read-outs, once `ready` says the moment has come. */
export function lowestOf(
  names: readonly string[],
  ready: (now: RunReadouts) => boolean,
  describe: (now: RunReadouts) => string,
): Prediction['outcome'] {
  return (now) => {
    if (!ready(now)) return null;
    const values = names.map((n) => now[n]);
    if (values.some((v) => v === undefined || !Number.isFinite(v))) return null;
    const option = values.indexOf(Math.min(...(values as number[])));
    return { option, evidence: describe(now) };
  };
}

/**
 * Rises (0) / stays about the same (1) / falls (2): read-out `name` at step `at` against its value when the
 * prediction was locked in; "the same" means within ±`band` of it (relative).
 */
export function trendOf(name: string, at: number, band = 0.2): Prediction['outcome'] {
  return (now, atLock) => {
    const before = atLock[name];
    const after = now[name];
    if (now.step < at || before === undefined || after === undefined) return null;
    const option = after > before * (1 + band) ? 0 : after < before * (1 - band) ? 2 : 1;
    return {
      option,
      evidence: `${name} ${formatMetric(before, 3)} at step ${atLock.step} → ${formatMetric(after, 3)} at step ${now.step}`,
    };
  };
}

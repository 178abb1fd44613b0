/**
 * The 1-input targets of the neurons chapter's universal-approximation step, shared by the hand-built bumps (drawn on
 * the main thread) and the trained one-hidden-layer fit (trained in the worker), so both chase the same function.
 */

export type TargetName = 'wave' | 'kink' | 'ripple';

export const TARGETS: Readonly<Record<TargetName, { label: string; f: (x: number) => number }>> = {
  wave: { label: 'wave: 0.5 + 0.4·sin(2πx)', f: (x) => 0.5 + 0.4 * Math.sin(2 * Math.PI * x) },
  kink: { label: 'kink: |x − 0.4|', f: (x) => Math.abs(x - 0.4) },
  ripple: { label: 'ripple: 0.5 + 0.3·x·sin(12x)', f: (x) => 0.5 + 0.3 * x * Math.sin(12 * x) },
};

export function isTargetName(v: unknown): v is TargetName {
  return typeof v === 'string' && Object.hasOwn(TARGETS, v);
}

/** Largest |f(x) − ŷ(x)| over `samples` evenly spaced points of [0.02, 0.98] (the edges are half-bumps). */
export function maxError(f: (x: number) => number, predict: (x: number) => number, samples = 400): number {
  let worst = 0;
  for (let i = 0; i < samples; i++) {
    const x = 0.02 + (0.96 * i) / (samples - 1);
    worst = Math.max(worst, Math.abs(f(x) - predict(x)));
  }
  return worst;
}

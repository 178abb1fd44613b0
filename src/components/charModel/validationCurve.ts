import type { MetricHistory } from '../../state/frames';
import { bits } from './format';

/**
 * The held-out loss (bits per character) at the steps it was measured. The char model measures it every few steps and
 * every frame repeats the last value, so each measurement is one point at its own step (`valStep`), not a staircase
 * along the frames' steps. `n`: how many frames of the history to read.
 */
export function validationCurve(h: MetricHistory, n = h.length): { x: Float64Array; y: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < n; k++) {
    const at = Number.isFinite(h.valStep[k]) ? h.valStep[k] : h.step[k];
    if (!Number.isFinite(h.valLoss[k]) || at === xs[xs.length - 1]) continue;
    xs.push(at);
    ys.push(bits(h.valLoss[k]));
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

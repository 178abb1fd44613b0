import { BoundedSeries } from '../boundedSeries';

/** A history's arrays: the steps (float64: exact past 2²⁴) and one float32 series per name. */
export type HistorySeries<N extends string> = { step: Float64Array } & { [K in N]: Float32Array };

/**
 * The Transformer's loss and evaluation history: at most `capacity` points; a compaction keeps the earlier point of
 * each pair, so the first step stays. Missing or non-finite values are stored as NaN.
 */
export class DownsampledHistory<N extends string = string> extends BoundedSeries<'step' | N> {
  constructor(
    private readonly seriesNames: readonly N[],
    capacity = 400,
  ) {
    const nan = Object.fromEntries(seriesNames.map((n) => [n, 'nan' as const]));
    super({
      columns: ['step', ...seriesNames],
      capacity: Math.max(4, capacity),
      keep: 'earlier',
      sampling: 'sinceKept',
      nonFinite: nan as Partial<Record<'step' | N, 'nan'>>,
    });
  }

  /** { step: Float64Array, <name>: Float32Array } copies, ready to post to the page. */
  series(): HistorySeries<N> {
    const out: Record<string, Float32Array | Float64Array> = { step: this.column('step').slice() };
    for (const n of this.seriesNames) out[n] = Float32Array.from(this.column(n));
    return out as HistorySeries<N>;
  }
}

// Matmul benchmark: GFLOP/s of one product per engine, cross-checked against the first engine's product.
import { matmulFlops } from './workloads/matmul';
import { NotAvailableError } from './types';
import type { Engine, EngineName, MatmulCase, MatmulRunner } from './types';
import type { HarnessOptions, Status } from './harness';
import { median, now } from './measure';

export interface MatmulResult {
  engine: EngineName;
  case: string;
  status: Status;
  message?: string;
  gflops: number; // median over rounds
  msPerCall: number;
  /** Whole-product cross-check: max |C − C of the first engine|. */
  maxAbsDiff?: number;
}

/** Largest |a[i] − b[i]|; Infinity when the lengths differ or a value is not finite. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}

/** Matmul cross-check bound on max |ΔC| (entries are up to ≈ 60 in size; float32 engines differ by ≈ 1e-5). */
const MATMUL_TOLERANCE = 1e-3;

/** GFLOP/s of one product per engine: each call computes C and reads it back, interleaved like the workloads. */
export async function benchMatmul(
  c: MatmulCase,
  engines: Engine[],
  opts: HarnessOptions,
): Promise<MatmulResult[]> {
  const runners: { engine: Engine; runner: MatmulRunner; times: number[]; diff: number }[] = [];
  const results: MatmulResult[] = [];
  let reference: Float32Array | undefined;
  for (const engine of engines) {
    await engine.activate();
    try {
      const runner = engine.createMatmul(c);
      // Same inputs ⇒ the whole product C must agree with the first engine's (float32, K ≤ 384 terms of unit
      // normals: engines differ by ~1e-5; a wrong element, row or transpose differs by O(1)).
      const product = runner.run().slice();
      reference ??= product;
      const diff = maxAbsDiff(product, reference);
      if (!(diff <= MATMUL_TOLERANCE)) {
        throw new Error(`C differs from the first engine's by max |Δ| ${diff} (> ${MATMUL_TOLERANCE})`);
      }
      runners.push({ engine, runner, times: [], diff });
    } catch (err) {
      const missing = err instanceof NotAvailableError;
      const message = err instanceof Error ? err.message : String(err);
      if (!missing) console.error(`!!! ${engine.name} matmul ${c.name}: ${message}`);
      results.push({
        engine: engine.name,
        case: c.name,
        status: missing ? 'missing' : 'error',
        message,
        gflops: NaN,
        msPerCall: NaN,
      });
    }
  }
  const slice = (opts.seconds * 1000) / opts.rounds;
  for (const r of runners) {
    await r.engine.activate();
    const t0 = now();
    while (now() - t0 < opts.warmupSeconds * 500) r.runner.run();
  }
  for (let round = 0; round < opts.rounds; round++) {
    for (let k = 0; k < runners.length; k++) {
      const r = runners[(round + k) % runners.length];
      await r.engine.activate();
      const t0 = now();
      let calls = 0;
      do {
        r.runner.run();
        calls++;
      } while (now() - t0 < slice);
      r.times.push((now() - t0) / calls);
    }
  }
  for (const r of runners) {
    const ms = median(r.times);
    results.push({
      engine: r.engine.name,
      case: c.name,
      status: 'ok',
      gflops: matmulFlops(c) / (ms * 1e6),
      msPerCall: ms,
      maxAbsDiff: r.diff,
    });
    r.runner.dispose();
  }
  return results;
}

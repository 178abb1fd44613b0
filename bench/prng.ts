// Seeded PRNG for the benchmark's shared data and initial weights. Kept inside bench/ so peers can be benchmarked
// without depending on the core; every engine receives the SAME arrays generated here.

/** mulberry32: a small, fast 32-bit PRNG; good enough for weights and toy data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  uniform(lo: number, hi: number): number;
  normal(): number;
  int(n: number): number;
}

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      // Box–Muller; 1 - u keeps log away from 0.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** Xavier/Glorot uniform for a [fanIn, fanOut] weight. */
export function xavierUniform(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-limit, limit);
  return out;
}

export function normalArray(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
  return out;
}

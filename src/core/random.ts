/**
 * Seeded randomness. Every random choice in the core (init, data, shuffling, dropout, sampling) goes through an
 * `Rng` made from a seed, so a seed reproduces a run bit for bit. Never use Math.random in core/ or experiments/.
 *
 * Generator: xoshiro128** (32-bit state words, fast in JS), seeded through splitmix32 so that nearby seeds
 * (0, 1, 2, …) give unrelated streams.
 */

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Cached second value of the Box–Muller pair. */
  private spare: number | null = null;

  constructor(seed: number) {
    // Non-finite or fractional seeds are folded to a 32-bit integer so bad input never yields NaN streams.
    const s = Number.isFinite(seed) ? Math.floor(seed) : 0;
    const init = splitmix32(s ^ Math.floor(s / 4294967296));
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal N(mean, std²) by Box–Muller. */
  normal(mean = 0, std = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  }

  /** A permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** Sample an index from (unnormalised, non-negative) weights; falls back to uniform if they sum to 0 or NaN. */
  categorical(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] > 0 ? weights[i] : 0;
    if (!(total > 0) || !Number.isFinite(total)) return this.int(weights.length);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] > 0 ? weights[i] : 0;
      if (r < w) return i;
      r -= w;
    }
    return weights.length - 1;
  }

  /** The generator's whole state (a timeline snapshot); `setState` continues the stream exactly from here. */
  getState(): RngState {
    return { words: [this.a, this.b, this.c, this.d], spare: this.spare };
  }

  setState(state: RngState): void {
    [this.a, this.b, this.c, this.d] = state.words;
    this.spare = state.spare;
  }

  /** An independent child stream (e.g. one per layer), derived deterministically from this one. */
  fork(): Rng {
    return new Rng(this.nextU32());
  }
}

export interface RngState {
  readonly words: readonly [number, number, number, number];
  readonly spare: number | null;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Accept either a seed or an existing generator. */
export type SeedOrRng = number | Rng;

export function toRng(seedOrRng: SeedOrRng): Rng {
  return seedOrRng instanceof Rng ? seedOrRng : new Rng(seedOrRng);
}

/** The run's seed in a link: its name, default and range, and how its text is read. */

/** The seed's URL name. */
export const SEED_PARAM = 'seed';
export const DEFAULT_SEED = 1;
/** Seeds are 32-bit unsigned integers (the core's Rng folds to 32 bits anyway). */
export const MAX_SEED = 4294967295;

/** Parses the `seed` text: an integer 0…MAX_SEED. */
export function parseSeed(raw: string | null): { seed: number; problem: string | null } {
  if (raw === null) return { seed: DEFAULT_SEED, problem: null };
  const t = raw.trim();
  if (t.length > 20 || !/^\+?\d+$/.test(t))
    return { seed: DEFAULT_SEED, problem: `not a whole number ≥ 0 — using ${DEFAULT_SEED}` };
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > MAX_SEED)
    return { seed: DEFAULT_SEED, problem: `too large — using ${DEFAULT_SEED}` };
  return { seed: n, problem: null };
}

export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

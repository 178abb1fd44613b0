/**
 * The two-input picture behind the universal approximation theorem: a **tower** from one hidden layer of sigmoids.
 *
 * Along each of M directions uᵢ = (cos πi/M, sin πi/M) two steep sigmoids make a ridge — a bump across the line
 * through the centre c, 1 on the strip |uᵢ·(x − c)| < r and 0 outside:
 *
 *   ridgeᵢ(x) = σ(k(uᵢ·(x − c) + r)) − σ(k(uᵢ·(x − c) − r))            (2M hidden units)
 *
 * Near c every ridge is on (sum ≈ M); away from c at most a few are (the ridges cross only there). A threshold output
 * neuron keeps what lies above half of M:
 *
 *   tower(x) = σ(β · (Σᵢ ridgeᵢ(x) / M − ½))
 *
 * With M = 2 the two ridges alone already sit at the threshold (a cross of half-height arms); every extra direction
 * lowers the arms (1/M of the maximum) and rounds the top. Pure functions (no DOM): the figure draws, tests check.
 */

export const TOWER_DOMAIN: [number, number] = [0, 1];
/** Half-width of each ridge (the tower's radius is about √2·r). */
export const TOWER_RADIUS = 0.12;
/** Steepness of the hidden sigmoids and of the output threshold. */
export const TOWER_STEEPNESS = 60;
export const TOWER_THRESHOLD_STEEPNESS = 20;
export const TOWER_DIRECTIONS = { default: 2, min: 2, max: 16 } as const;

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export interface Tower {
  directions: number;
  centre: readonly [number, number];
  /** The output neuron at (x₁, x₂), in (0, 1). */
  at(x1: number, x2: number): number;
}

export function tower(directions: number, centre: readonly [number, number]): Tower {
  const m = Math.max(1, Math.round(directions));
  const cos = Float64Array.from({ length: m }, (_, i) => Math.cos((Math.PI * i) / m));
  const sin = Float64Array.from({ length: m }, (_, i) => Math.sin((Math.PI * i) / m));
  const k = TOWER_STEEPNESS;
  const r = TOWER_RADIUS;
  const at = (x1: number, x2: number) => {
    const dx = x1 - centre[0];
    const dy = x2 - centre[1];
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const along = cos[i] * dx + sin[i] * dy; // uᵢ·(x − c)
      sum += sigmoid(k * (along + r)) - sigmoid(k * (along - r));
    }
    return sigmoid(TOWER_THRESHOLD_STEEPNESS * (sum / m - 0.5));
  };
  return { directions: m, centre, at };
}

/**
 * The largest output at least `distance` away from the centre, over an n×n grid of the unit square: how tall the
 * tower's stray arms are (a sharp tower keeps this near 0).
 */
export function largestAway(t: Tower, distance: number, n = 60): number {
  let worst = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x1 = i / (n - 1);
      const x2 = j / (n - 1);
      if (Math.hypot(x1 - t.centre[0], x2 - t.centre[1]) < distance) continue;
      worst = Math.max(worst, t.at(x1, x2));
    }
  }
  return worst;
}

/** Distance from the centre beyond which `largestAway` measures the arms: well outside the tower's top. */
export const AWAY_DISTANCE = 3 * TOWER_RADIUS;

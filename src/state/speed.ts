/**
 * Play's speed: steps per second, or `null` for full speed (as fast as the worker can train). Pure helpers for the
 * `speed` URL parameter and the speed control's stops. A display frame is ~1/60 s, so 60 steps/s is one step per frame.
 */

/** URL name of the speed: steps per second, or `max`. */
export const SPEED_PARAM = 'speed';
/** URL text for full speed. */
export const FULL_SPEED_TEXT = 'max';
/** Slowest and fastest speeds a link may ask for (steps per second); values outside are clamped. */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 1_000_000;
/** Steps per second that show one step per display frame. */
export const STEPS_PER_FRAME_RATE = 60;

/** The speed control's stops: a few steps per second, one step per frame (60), several per frame, full speed. */
export const SPEED_STOPS: readonly (number | null)[] = [
  1,
  2,
  5,
  10,
  20,
  30,
  60,
  120,
  300,
  600,
  1500,
  3000,
  6000,
  15_000,
  30_000,
  60_000,
  null,
];

export interface ParsedSpeed {
  speed: number | null;
  /** Why the raw value was not used as given (plain text), or null. */
  problem: string | null;
}

function describe(speed: number | null): string {
  return speed === null ? 'full speed' : `${formatSpeedNumber(speed)} steps/s`;
}

/** Reads a `speed` value. Garbage → `fallback` with a problem; out of range → clamped with a problem. */
export function parseSpeed(raw: string, fallback: number | null): ParsedSpeed {
  const text = raw.trim().toLowerCase();
  if (text === FULL_SPEED_TEXT) return { speed: null, problem: null };
  const n = text === '' || text.length > 20 ? Number.NaN : Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    return {
      speed: fallback,
      problem: `not a speed (steps per second, or “max”) — using ${describe(fallback)}`,
    };
  }
  if (n < MIN_SPEED) return { speed: MIN_SPEED, problem: `too slow — using ${describe(MIN_SPEED)}` };
  if (n > MAX_SPEED) return { speed: MAX_SPEED, problem: `too fast — using ${describe(MAX_SPEED)}` };
  return { speed: roundSpeed(n), problem: null };
}

/** Two decimals at most, so links stay short and read the same everywhere. */
function roundSpeed(n: number): number {
  return Math.round(n * 100) / 100;
}

function formatSpeedNumber(n: number): string {
  return String(roundSpeed(n));
}

/** The URL text of a speed. */
export function formatSpeed(speed: number | null): string {
  return speed === null ? FULL_SPEED_TEXT : formatSpeedNumber(speed);
}

/** What the control shows, e.g. "10 steps/s", "60 steps/s · 1 per frame", "full speed". */
export function speedLabel(speed: number | null): string {
  if (speed === null) return 'full speed';
  const base = `${formatSpeedNumber(speed)} ${speed === 1 ? 'step' : 'steps'}/s`;
  if (speed < STEPS_PER_FRAME_RATE) return base;
  const perFrame = speed / STEPS_PER_FRAME_RATE;
  return `${base} · ${perFrame < 10 ? Number(perFrame.toFixed(1)) : Math.round(perFrame)} per frame`;
}

/** Index of the stop nearest to `speed` (by ratio; full speed is the last stop). */
export function nearestStop(speed: number | null): number {
  if (speed === null) return SPEED_STOPS.length - 1;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  SPEED_STOPS.forEach((stop, i) => {
    if (stop === null) return;
    const distance = Math.abs(Math.log(stop / speed));
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

export function sameSpeed(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && roundSpeed(a) === roundSpeed(b));
}

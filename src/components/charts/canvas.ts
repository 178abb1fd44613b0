import { color as d3color, interpolateLab } from 'd3';

/**
 * Size a canvas for the device pixel ratio (crisp on high-DPI screens) and return its 2D context scaled so drawing
 * code works in CSS px. Returns null where there is no canvas (jsdom in unit tests, or a blocked context): callers
 * then skip drawing and the SVG parts of the chart still render.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  if (!canvas || width <= 0 || height <= 0) return null;
  if (typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent)) return null; // jsdom: no canvas
  const dpr = Math.min(3, Math.max(1, (typeof window !== 'undefined' && window.devicePixelRatio) || 1));
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  let ctx: CanvasRenderingContext2D | null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    return null;
  }
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** A 256-entry RGB lookup table of an interpolator over [0, 1] (fast per-pixel colouring). */
export function colorLut(interpolate: (t: number) => string, n = 256): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(n * 3);
  for (let i = 0; i < n; i++) {
    const c = d3color(interpolate(i / (n - 1)))?.rgb();
    lut[i * 3] = c?.r ?? 128;
    lut[i * 3 + 1] = c?.g ?? 128;
    lut[i * 3 + 2] = c?.b ?? 128;
  }
  return lut;
}

/** Interpolator for signed values: negative colour ← neutral → positive colour, t ∈ [0, 1] with 0.5 neutral. */
export function divergingInterpolator(negative: string, neutral: string, positive: string) {
  const lo = interpolateLab(neutral, negative);
  const hi = interpolateLab(neutral, positive);
  return (t: number) => (t < 0.5 ? lo((0.5 - t) * 2) : hi((t - 0.5) * 2));
}

/** Black or white, whichever reads better on `fill` (for numbers printed on coloured cells and circles). */
export function readableTextOn(fill: string): string {
  const c = d3color(fill)?.rgb();
  if (!c) return '#111111';
  return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140 ? '#ffffff' : '#111111';
}

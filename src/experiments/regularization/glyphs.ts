/**
 * Regularisation step 5's data: 12×12 grey images of the digits 0–9, drawn procedurally from strokes, and the six
 * augmentations (rotate, translate, zoom, crop, noise, brightness). Pure TypeScript; every random choice takes an Rng.
 *
 * Images are Float32Array [SIZE·SIZE] row-major, ink 1 on background 0. A glyph is drawn in a "pose" (rotation,
 * shift, scale, stroke width, ink): training glyphs are drawn almost upright and centred, validation glyphs in
 * varied poses — the situation augmentation is for: few, tidy training examples and messier new data.
 */
import type { Rng } from '../../core';
import type { AugmentDrawView } from './views';

export const SIZE = 12;
export const PIXELS = SIZE * SIZE;
export const CLASSES = 10;
const CENTRE = (SIZE - 1) / 2;
/** The digit's box in pixels (width, height) before pose scaling. */
const BOX_W = 7;
const BOX_H = 9;

type Stroke = readonly (readonly [number, number])[];

/** Strokes of each digit in a unit box (x right, y down). */
const DIGITS: readonly (readonly Stroke[])[] = [
  [
    [
      [0.2, 0],
      [0.8, 0],
      [1, 0.2],
      [1, 0.8],
      [0.8, 1],
      [0.2, 1],
      [0, 0.8],
      [0, 0.2],
      [0.2, 0],
    ],
  ],
  [
    [
      [0.25, 0.25],
      [0.6, 0],
      [0.6, 1],
    ],
  ],
  [
    [
      [0, 0.2],
      [0.2, 0],
      [0.8, 0],
      [1, 0.2],
      [1, 0.4],
      [0, 1],
      [1, 1],
    ],
  ],
  [
    [
      [0, 0],
      [1, 0],
      [0.4, 0.45],
      [0.8, 0.5],
      [1, 0.75],
      [0.8, 1],
      [0, 1],
    ],
  ],
  [
    [
      [0.75, 1],
      [0.75, 0],
      [0, 0.7],
      [1, 0.7],
    ],
  ],
  [
    [
      [1, 0],
      [0, 0],
      [0, 0.45],
      [0.7, 0.45],
      [1, 0.7],
      [0.7, 1],
      [0, 1],
    ],
  ],
  [
    [
      [0.9, 0],
      [0.3, 0],
      [0, 0.4],
      [0, 1],
      [1, 1],
      [1, 0.55],
      [0, 0.55],
    ],
  ],
  [
    [
      [0, 0],
      [1, 0],
      [0.4, 1],
    ],
  ],
  [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
    [
      [0, 0.5],
      [1, 0.5],
    ],
  ],
  [
    [
      [1, 0.45],
      [0, 0.45],
      [0, 0],
      [1, 0],
      [1, 1],
      [0.1, 1],
    ],
  ],
];

export interface Pose {
  /** Rotation in radians (positive: clockwise on screen). */
  angle: number;
  dx: number;
  dy: number;
  scale: number;
  /** Stroke width in pixels. */
  width: number;
  /** Ink intensity (1 = full). */
  ink: number;
}

/** Distance from point (px, py) to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2)) : 0;
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

/** Draws digit `label` in `pose`: [PIXELS], anti-aliased over one pixel. */
export function drawGlyph(label: number, pose: Pose): Float32Array {
  const cos = Math.cos(pose.angle);
  const sin = Math.sin(pose.angle);
  const place = ([u, v]: readonly [number, number]): [number, number] => {
    const x = (u - 0.5) * BOX_W * pose.scale;
    const y = (v - 0.5) * BOX_H * pose.scale;
    return [CENTRE + pose.dx + cos * x - sin * y, CENTRE + pose.dy + sin * x + cos * y];
  };
  const segments: number[] = []; // [ax, ay, bx, by]…
  for (const stroke of DIGITS[label]) {
    for (let k = 0; k + 1 < stroke.length; k++) segments.push(...place(stroke[k]), ...place(stroke[k + 1]));
  }
  const img = new Float32Array(PIXELS);
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      let d = Infinity;
      for (let s = 0; s < segments.length; s += 4) {
        d = Math.min(
          d,
          segmentDistance(c, r, segments[s], segments[s + 1], segments[s + 2], segments[s + 3]),
        );
      }
      img[r * SIZE + c] = pose.ink * Math.max(0, Math.min(1, pose.width / 2 + 0.5 - d));
    }
  }
  return img;
}

const DEG = Math.PI / 180;

/** A tidy pose: nearly upright and centred (the few training examples). */
export function tidyPose(rng: Rng): Pose {
  return {
    angle: rng.uniform(-3, 3) * DEG,
    dx: rng.uniform(-0.4, 0.4),
    dy: rng.uniform(-0.4, 0.4),
    scale: rng.uniform(0.95, 1.05),
    width: rng.uniform(1.1, 1.5),
    ink: 1,
  };
}

/** A varied pose: tilted, shifted, resized, fainter or bolder (new data the model has to cope with). */
export function variedPose(rng: Rng): Pose {
  return {
    angle: rng.uniform(-20, 20) * DEG,
    dx: rng.uniform(-1.8, 1.8),
    dy: rng.uniform(-1.5, 1.5),
    scale: rng.uniform(0.8, 1.15),
    width: rng.uniform(0.9, 1.7),
    ink: rng.uniform(0.6, 1),
  };
}

export interface GlyphSet {
  /** Images, [n·PIXELS]. */
  x: Float32Array;
  /** Class of each image, [n]. */
  y: Int32Array;
  n: number;
}

/** `perClass` glyphs of every digit (class-major order), posed by `pose`, plus pixel noise of std `noise`. */
export function glyphSet(perClass: number, pose: (rng: Rng) => Pose, noise: number, rng: Rng): GlyphSet {
  const n = perClass * CLASSES;
  const x = new Float32Array(n * PIXELS);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = Math.floor(i / perClass);
    y[i] = label;
    const img = drawGlyph(label, pose(rng));
    for (let p = 0; p < PIXELS; p++) img[p] = clamp01(img[p] + (noise > 0 ? rng.normal(0, noise) : 0));
    x.set(img, i * PIXELS);
  }
  return { x, y, n };
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

export const AUGMENTATIONS = ['rotate', 'translate', 'zoom', 'crop', 'noise', 'brightness'] as const;
export type Augmentation = (typeof AUGMENTATIONS)[number];
export type AugmentOptions = Readonly<Record<Augmentation, boolean>>;

/** The random draws of one augmentation (also shown in the lesson's formula), the fields of the `gallery` view's `draw`. */
export type AugmentDraw = AugmentDrawView;

/**
 * Draws one augmentation's random numbers. Every draw is made whether or not its toggle is on, so a toggle changes
 * only its own transformation and the stream stays aligned. Switched-off draws are neutral.
 */
export function drawAugment(options: AugmentOptions, rng: Rng): AugmentDraw {
  const angle = rng.uniform(-20, 20) * DEG;
  const dx = rng.uniform(-2, 2);
  const dy = rng.uniform(-2, 2);
  const zoom = rng.uniform(0.8, 1.2);
  const cropSide = rng.uniform(8.5, SIZE);
  const cropX = rng.uniform(-1, 1) * ((SIZE - cropSide) / 2);
  const cropY = rng.uniform(-1, 1) * ((SIZE - cropSide) / 2);
  const brightness = rng.uniform(0.6, 1.3);
  const noise = rng.uniform(0.05, 0.2);
  return {
    angle: options.rotate ? angle : 0,
    dx: options.translate ? dx : 0,
    dy: options.translate ? dy : 0,
    zoom: options.zoom ? zoom : 1,
    cropSide: options.crop ? cropSide : SIZE,
    cropX: options.crop ? cropX : 0,
    cropY: options.crop ? cropY : 0,
    brightness: options.brightness ? brightness : 1,
    noise: options.noise ? noise : 0,
  };
}

/** Bilinear sample of img at (x, y) in pixel coordinates; 0 outside. */
function sample(img: Float32Array, offset: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (r: number, c: number) =>
    r < 0 || c < 0 || r >= SIZE || c >= SIZE ? 0 : img[offset + r * SIZE + c];
  return (
    (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
    fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))
  );
}

/**
 * Applies one draw to the image at `offset` of `src` and writes [PIXELS] to `out` at `outOffset`. Geometry: crop a
 * window and stretch it to full size, zoom, rotate, translate — done backwards, each output pixel looks up where it
 * came from. Then brightness (× factor) and pixel noise, clamped to [0, 1]. `rng` supplies the noise
 * (one normal draw per pixel, always).
 */
export function applyAugment(
  src: Float32Array,
  offset: number,
  draw: AugmentDraw,
  rng: Rng,
  out: Float32Array,
  outOffset: number,
): void {
  const cos = Math.cos(draw.angle);
  const sin = Math.sin(draw.angle);
  const stretch = draw.cropSide / SIZE;
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const ux = c - CENTRE - draw.dx; // undo the shift
      const uy = r - CENTRE - draw.dy;
      const vx = (cos * ux + sin * uy) / draw.zoom; // undo the rotation, then the zoom
      const vy = (-sin * ux + cos * uy) / draw.zoom;
      const sx = CENTRE + draw.cropX + vx * stretch; // back into the crop window
      const sy = CENTRE + draw.cropY + vy * stretch;
      const v = sample(src, offset, sx, sy) * draw.brightness;
      const n = rng.normal(0, 1) * draw.noise; // drawn even when off: the stream stays aligned
      out[outOffset + r * SIZE + c] = clamp01(v + n);
    }
  }
}

/** Augments every image of a set [n·PIXELS] with fresh draws from `rng`; returns the images and the draws. */
export function augmentBatch(
  x: Float32Array,
  n: number,
  options: AugmentOptions,
  rng: Rng,
): { x: Float32Array; draws: AugmentDraw[] } {
  const out = new Float32Array(n * PIXELS);
  const draws: AugmentDraw[] = [];
  for (let i = 0; i < n; i++) {
    const draw = drawAugment(options, rng);
    draws.push(draw);
    applyAugment(x, i * PIXELS, draw, rng, out, i * PIXELS);
  }
  return { x: out, draws };
}

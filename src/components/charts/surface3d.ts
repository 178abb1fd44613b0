import { colorLut } from './canvas';
import { sampleAt, type Grid2D } from './grid';

/**
 * A shaded 3D surface on a 2D canvas: the grid is split into quads, projected with a rotation (azimuth) and tilt
 * (elevation), sorted back to front (painter's algorithm) and filled with Lambert shading. Small and dependency
 * free; good enough for a ≤ 48×48 mesh redrawn on every drag frame.
 */
export interface View3D {
  /** Rotation about the vertical axis, radians. */
  azimuth: number;
  /** Tilt of the camera above the plane, radians (0 = side view, π/2 = top view). */
  elevation: number;
}

export interface Surface3DStyle {
  colorAt: (t: number) => string; // t ∈ [0,1]: low → high loss
  pathColors: readonly string[];
  fg: string;
  fgMuted: string;
  font: string;
}

export interface Path3D {
  points: ArrayLike<number>; // flat [x0, y0, x1, y1, …]
  length: number;
}

type V3 = [number, number, number];

/** Largest mesh drawn (cells per side): a finer grid is sampled with a stride. */
const MAX_CELLS = 48;

export function drawSurface3D(
  ctx: CanvasRenderingContext2D,
  grid: Grid2D,
  width: number,
  height: number,
  view: View3D,
  style: Surface3DStyle,
  paths: readonly Path3D[],
  labels: { x: string; y: string; z: string },
) {
  const range = finiteRange(grid.values);
  if (!range) return;
  const camera = makeCamera(grid, range, width, height, view);
  const mesh = buildMesh(grid, camera, range.hi);
  drawFloor(ctx, camera, style);
  drawQuads(ctx, mesh, style);
  drawPaths(ctx, grid, camera, range, paths, style);
  drawLabels(ctx, camera, labels, style);
}

interface Range {
  lo: number;
  hi: number;
}

/** The finite values' range (hi > lo always), or null when there is none. */
function finiteRange(values: ArrayLike<number>): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) return null;
  return { lo, hi: hi > lo ? hi : lo + 1 };
}

interface Camera {
  /** Data (x, y, value) → model space: x, y ∈ [-1, 1], z ∈ [-0.5, 0.5]. */
  norm: (x: number, y: number, v: number) => V3;
  /** Model space → screen x, y and depth (larger = nearer the camera). */
  project: (p: V3) => V3;
}

function makeCamera(grid: Grid2D, { lo, hi }: Range, width: number, height: number, view: View3D): Camera {
  const ca = Math.cos(view.azimuth);
  const sa = Math.sin(view.azimuth);
  const ce = Math.cos(view.elevation);
  const se = Math.sin(view.elevation);
  const scale = Math.min(width, height) * 0.36;
  const cx = width / 2;
  const cy = height / 2 + scale * 0.1;
  return {
    norm: (x, y, v) => [
      ((x - grid.xDomain[0]) / (grid.xDomain[1] - grid.xDomain[0])) * 2 - 1,
      ((y - grid.yDomain[0]) / (grid.yDomain[1] - grid.yDomain[0])) * 2 - 1,
      (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) - 0.5,
    ],
    project: (p) => {
      const xr = p[0] * ca - p[1] * sa;
      const yr = p[0] * sa + p[1] * ca;
      return [cx + xr * scale, cy - (yr * se + p[2] * ce) * scale, -yr * ce + p[2] * se];
    },
  };
}

interface Mesh {
  /** Screen positions of the vertices (x, y, depth). */
  P: V3[];
  quads: { idx: number[]; depth: number; shade: number; t: number }[];
}

/**
 * The grid as quads, each with Lambert shading and its mean height t ∈ [0, 1], sorted back to front (painter's
 * algorithm). Non-finite values are drawn at the top of the range.
 */
function buildMesh(grid: Grid2D, camera: Camera, hi: number): Mesh {
  const stride = Math.max(1, Math.ceil(Math.max(grid.nx, grid.ny) / MAX_CELLS));
  const cols = Math.floor((grid.nx - 1) / stride) + 1;
  const rows = Math.floor((grid.ny - 1) / stride) + 1;
  const P: V3[] = [];
  const M: V3[] = [];
  for (let r = 0; r < rows; r++) {
    const j = Math.min(grid.ny - 1, r * stride);
    const y = grid.yDomain[0] + ((grid.yDomain[1] - grid.yDomain[0]) * j) / (grid.ny - 1);
    for (let c = 0; c < cols; c++) {
      const i = Math.min(grid.nx - 1, c * stride);
      const x = grid.xDomain[0] + ((grid.xDomain[1] - grid.xDomain[0]) * i) / (grid.nx - 1);
      const v = grid.values[j * grid.nx + i];
      const m = camera.norm(x, y, Number.isFinite(v) ? v : hi);
      M.push(m);
      P.push(camera.project(m));
    }
  }
  const light = normalise([-0.45, -0.55, 0.7]);
  const quads: Mesh['quads'] = [];
  for (let r = 0; r < rows - 1; r++) {
    for (let c = 0; c < cols - 1; c++) {
      const a = r * cols + c;
      const idx = [a, a + 1, a + cols + 1, a + cols];
      let n = normalise(cross(sub(M[idx[2]], M[idx[0]]), sub(M[idx[3]], M[idx[1]])));
      if (n[2] < 0) n = [-n[0], -n[1], -n[2]];
      const shade = 0.45 + 0.55 * Math.max(0, dot(n, light));
      const t = (M[idx[0]][2] + M[idx[1]][2] + M[idx[2]][2] + M[idx[3]][2]) / 4 + 0.5;
      const depth = (P[idx[0]][2] + P[idx[1]][2] + P[idx[2]][2] + P[idx[3]][2]) / 4;
      quads.push({ idx, depth, shade, t });
    }
  }
  quads.sort((q1, q2) => q1.depth - q2.depth);
  return { P, quads };
}

/** The floor's outline, behind everything. */
function drawFloor(ctx: CanvasRenderingContext2D, camera: Camera, style: Surface3DStyle) {
  const corners = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([x, y]) => camera.project([x, y, -0.5]));
  ctx.strokeStyle = style.fgMuted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  corners.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
  ctx.stroke();
}

function drawQuads(ctx: CanvasRenderingContext2D, { P, quads }: Mesh, style: Surface3DStyle) {
  const lut = colorLut(style.colorAt, 64);
  for (const q of quads) {
    const li = Math.round(Math.max(0, Math.min(1, q.t)) * 63) * 3;
    const rr = Math.round(lut[li] * q.shade);
    const gg = Math.round(lut[li + 1] * q.shade);
    const bb = Math.round(lut[li + 2] * q.shade);
    const fill = `rgb(${rr},${gg},${bb})`;
    ctx.fillStyle = fill;
    ctx.strokeStyle = fill;
    ctx.beginPath();
    q.idx.forEach((k, i) => (i ? ctx.lineTo(P[k][0], P[k][1]) : ctx.moveTo(P[k][0], P[k][1])));
    ctx.closePath();
    ctx.fill();
    ctx.stroke(); // hides hairline seams between quads
  }
}

/** Optimiser paths, lifted slightly above the surface, each ending in a dot. */
function drawPaths(
  ctx: CanvasRenderingContext2D,
  grid: Grid2D,
  camera: Camera,
  { lo, hi }: Range,
  paths: readonly Path3D[],
  style: Surface3DStyle,
) {
  paths.forEach((path, pi) => {
    ctx.strokeStyle = style.pathColors[pi % style.pathColors.length];
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    let pen = false;
    let last: [number, number] | null = null;
    for (let i = 0; i < path.length; i++) {
      const x = path.points[2 * i];
      const y = path.points[2 * i + 1];
      const v = sampleAt(grid, x, y);
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const [px, py] = camera.project(camera.norm(x, y, v + (hi - lo) * 0.01));
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
      last = [px, py];
    }
    ctx.stroke();
    if (last) {
      ctx.beginPath();
      ctx.arc(last[0], last[1], 5, 0, Math.PI * 2);
      ctx.fill();
    }
  });
}

/** Axis labels at the floor's edges (x, y) and above a corner (z). */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  camera: Camera,
  labels: { x: string; y: string; z: string },
  style: Surface3DStyle,
) {
  ctx.fillStyle = style.fg;
  ctx.font = style.font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const lx = camera.project([0, -1.25, -0.5]);
  const ly = camera.project([1.25, 0, -0.5]);
  const lz = camera.project([-1, -1, 0.62]);
  ctx.fillText(labels.x, lx[0], lx[1]);
  ctx.fillText(labels.y, ly[0], ly[1]);
  ctx.fillText(labels.z, lz[0], lz[1]);
}

function sub(a: V3, b: V3): V3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function dot(a: V3, b: V3) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
function normalise(a: V3): V3 {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}

import { geoPath, geoTransform } from 'd3';

/**
 * A scalar field sampled on a regular grid over a rectangle of the plane (DecisionBoundary, LossSurface).
 * `values[j * nx + i]` is the value at x = xDomain[0] + i·(xDomain[1]−xDomain[0])/(nx−1) and
 * y = yDomain[0] + j·(yDomain[1]−yDomain[0])/(ny−1): row j = 0 is the BOTTOM of the plot (smallest y).
 */
export interface Grid2D {
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  xDomain: [number, number];
  yDomain: [number, number];
}

/** Sample f on an n×n grid (a convenience for figures that have a formula rather than worker data). */
export function sampleGrid(
  f: (x: number, y: number) => number,
  xDomain: [number, number],
  yDomain: [number, number],
  n = 80,
): Grid2D {
  const nx = Math.max(2, Math.floor(n));
  const ny = nx;
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = yDomain[0] + ((yDomain[1] - yDomain[0]) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const x = xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / (nx - 1);
      let v: number;
      try {
        v = f(x, y);
      } catch {
        v = NaN;
      }
      values[j * nx + i] = v;
    }
  }
  return { values, nx, ny, xDomain, yDomain };
}

/** Whether the grid's shape and arrays are consistent (a bad grid is not drawn; the chart says so). */
export function isValidGrid(g: Grid2D | undefined | null, channels = 1): g is Grid2D {
  return Boolean(
    g &&
    Number.isInteger(g.nx) &&
    Number.isInteger(g.ny) &&
    g.nx >= 2 &&
    g.ny >= 2 &&
    g.values &&
    g.values.length >= g.nx * g.ny * channels &&
    Number.isFinite(g.xDomain[0]) &&
    Number.isFinite(g.xDomain[1]) &&
    Number.isFinite(g.yDomain[0]) &&
    Number.isFinite(g.yDomain[1]) &&
    g.xDomain[1] !== g.xDomain[0] &&
    g.yDomain[1] !== g.yDomain[0],
  );
}

/**
 * A d3 geoPath that maps d3-contour's grid coordinates (cell i spans [i, i+1], its sample at i+0.5) to pixels.
 */
export function gridPath(g: Grid2D, sx: (x: number) => number, sy: (y: number) => number) {
  const dx = (g.xDomain[1] - g.xDomain[0]) / (g.nx - 1);
  const dy = (g.yDomain[1] - g.yDomain[0]) / (g.ny - 1);
  const projection = geoTransform({
    point(x, y) {
      this.stream.point(sx(g.xDomain[0] + (x - 0.5) * dx), sy(g.yDomain[0] + (y - 0.5) * dy));
    },
  });
  return geoPath(projection);
}

/** Bilinear interpolation of the grid at (x, y); NaN outside. */
export function sampleAt(g: Grid2D, x: number, y: number): number {
  const fx = ((x - g.xDomain[0]) / (g.xDomain[1] - g.xDomain[0])) * (g.nx - 1);
  const fy = ((y - g.yDomain[0]) / (g.yDomain[1] - g.yDomain[0])) * (g.ny - 1);
  if (!(fx >= 0 && fy >= 0 && fx <= g.nx - 1 && fy <= g.ny - 1)) return NaN;
  const i = Math.min(g.nx - 2, Math.floor(fx));
  const j = Math.min(g.ny - 2, Math.floor(fy));
  const tx = fx - i;
  const ty = fy - j;
  const v = g.values;
  const a = v[j * g.nx + i];
  const b = v[j * g.nx + i + 1];
  const c = v[(j + 1) * g.nx + i];
  const d = v[(j + 1) * g.nx + i + 1];
  return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
}

/**
 * Paint per-cell RGB colours onto a canvas context so cell centres land exactly on their sample positions
 * (the image extends half a cell beyond the plot and is clipped to it).
 */
export function paintGrid(
  ctx: CanvasRenderingContext2D,
  g: Grid2D,
  colorOf: (index: number, out: Uint8ClampedArray, offset: number) => void,
  plotW: number,
  plotH: number,
) {
  const img = new ImageData(g.nx, g.ny);
  const data = img.data;
  for (let j = 0; j < g.ny; j++) {
    const row = g.ny - 1 - j; // image rows go top-down, grid rows bottom-up
    for (let i = 0; i < g.nx; i++) {
      const o = (row * g.nx + i) * 4;
      colorOf(j * g.nx + i, data, o);
      data[o + 3] = 255;
    }
  }
  const off = document.createElement('canvas');
  off.width = g.nx;
  off.height = g.ny;
  const octx = off.getContext('2d');
  if (!octx) return;
  octx.putImageData(img, 0, 0);
  const cw = plotW / (g.nx - 1);
  const ch = plotH / (g.ny - 1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, plotW, plotH);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(off, -cw / 2, -ch / 2, plotW + cw, plotH + ch);
  ctx.restore();
}

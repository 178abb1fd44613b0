import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { CanvasLine, type LineCanvas } from './canvasLine';
import { columnVertices, linePath, reduceColumns, type Column } from './linePath';

type Pt = [number, number];

/** Records a CanvasLine's calls: the stroked polyline's subpaths, and the filled polygons. */
class Recorder implements LineCanvas {
  subpaths: Pt[][] = [];
  stroked: Pt[][] = [];
  filled: Pt[][] = [];
  beginPath() {
    this.subpaths = [];
  }
  moveTo(x: number, y: number) {
    this.subpaths.push([[x, y]]);
  }
  lineTo(x: number, y: number) {
    this.subpaths[this.subpaths.length - 1].push([x, y]);
  }
  closePath() {}
  stroke() {
    this.stroked = this.subpaths;
  }
  fill() {
    this.filled = this.subpaths;
  }
}

const LINE = 2;

/** Draws ys (x = index) on a 100-px-wide plot through a CanvasLine, as drawLinesOnCanvas does. */
function draw(ys: number[], width = 100) {
  const sx = scaleLinear()
    .domain([0, ys.length - 1])
    .range([0, width]);
  const sy = scaleLinear().domain([0, 100]).range([100, 0]);
  const ctx = new Recorder();
  const line = new CanvasLine(ctx, LINE);
  ctx.beginPath();
  reduceColumns({ xs: null, ys, length: ys.length, sx, sy }, line);
  line.finish();
  ctx.stroke();
  line.fillBands();
  return { ctx, sx, sy };
}

/** Even–odd point-in-polygon (a point on the edge may go either way; the tests keep clear of edges). */
function inside(poly: Pt[], [x, y]: Pt): boolean {
  let inPoly = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inPoly = !inPoly;
  }
  return inPoly;
}

/** A deterministic noisy series: a slow trend with ±amp noise. */
function noisy(n: number, amp: number): number[] {
  let s = 12345;
  return Array.from({ length: n }, (_, i) => {
    s = (s * 16807) % 2147483647;
    return 50 + 20 * Math.sin(i / 400) + amp * (2 * (s / 2147483647) - 1);
  });
}

describe('CanvasLine', () => {
  it('strokes a sparse series through the same vertices as the SVG path, with no band', () => {
    const ys = noisy(60, 10);
    const { ctx, sx, sy } = draw(ys);
    // the vertices the SVG path writer gets: every column through columnVertices
    const svgVertices: Pt[] = [];
    const svgWriter = {
      column: (c: Column) => columnVertices(c, (x, y) => svgVertices.push([x, y])),
      gap() {},
    };
    reduceColumns({ xs: null, ys, length: ys.length, sx, sy }, svgWriter);
    expect(svgVertices.length).toBeGreaterThan(50);
    expect(linePath(null, ys, ys.length, sx, sy).points).toBe(svgVertices.length);
    expect(ctx.stroked).toHaveLength(1);
    expect(ctx.stroked[0]).toEqual(svgVertices);
    expect(ctx.filled).toHaveLength(0);
  });

  it('fills a dense noisy series as one band that holds every point and strokes nothing', () => {
    const ys = noisy(5000, 10); // 50 points per pixel column
    const { ctx, sx, sy } = draw(ys);
    expect(ctx.stroked.flat()).toHaveLength(0);
    expect(ctx.filled).toHaveLength(1);
    const band = ctx.filled[0];
    // every point lies inside the polygon (half a line width inside its edge)
    const misses = ys.filter((y, i) => !inside(band, [Math.round(sx(i)), sy(y)]));
    expect(misses).toHaveLength(0);
    // and the band is no taller than the points' span plus a line width (it is the line, not a box around it)
    const ysPx = ys.map((y) => sy(y));
    const edge = band.map(([, y]) => y);
    expect(Math.min(...edge)).toBeGreaterThanOrEqual(Math.min(...ysPx) - LINE / 2 - 1e-9);
    expect(Math.max(...edge)).toBeLessThanOrEqual(Math.max(...ysPx) + LINE / 2 + 1e-9);
  });

  it('gives a one-column spike the line’s width at its tip, as a stroke would', () => {
    const ys = noisy(5000, 1);
    const column = (i: number) => Math.round((i * 100) / 4999);
    ys.forEach((_, i) => {
      if (column(i) === 50) ys[i] = 95; // pixel column 50 reaches near the top of the plot
    });
    const { ctx, sy } = draw(ys);
    const tip = sy(95) - LINE / 2;
    const atTip = ctx.filled[0].filter(([, y]) => Math.abs(y - tip) < 1e-9).map(([x]) => x);
    expect(Math.max(...atTip) - Math.min(...atTip)).toBeGreaterThanOrEqual(LINE);
  });

  it('breaks the band at a gap, and joins a sparse stretch to a dense one without a jump', () => {
    const dense = noisy(2000, 10); // columns 0–50: dense
    const ys = [...dense, NaN, ...dense];
    const { ctx } = draw(ys);
    expect(ctx.filled).toHaveLength(2);

    // sparse start (one point per pixel column), then dense (60 points per column)
    const sparseXs = Array.from({ length: 50 }, (_, i) => i);
    const denseXs = Array.from({ length: 50 * 60 }, (_, k) => 50 + k / 60);
    const mixedXs = [...sparseXs, ...denseXs];
    const mixed = [...sparseXs.map((i) => 10 + i), ...noisy(denseXs.length, 5).map((y) => y + 30)];
    const identity = scaleLinear().domain([0, 100]).range([0, 100]);
    const sy = scaleLinear().domain([0, 100]).range([100, 0]);
    const rec = new Recorder();
    const line = new CanvasLine(rec, LINE);
    rec.beginPath();
    reduceColumns({ xs: mixedXs, ys: mixed, length: mixed.length, sx: identity, sy }, line);
    line.finish();
    rec.stroke();
    line.fillBands();
    expect(rec.filled).toHaveLength(1);
    const lastStroked = rec.stroked[0][rec.stroked[0].length - 1];
    const band = rec.filled[0];
    const bandStartX = Math.min(...band.map(([x]) => x));
    expect(bandStartX).toBeLessThanOrEqual(lastStroked[0] + 1);
    // the band's first column reaches the stroked line's last point
    const firstColumnEdges = band.filter(([x]) => x === bandStartX).map(([, y]) => y);
    expect(Math.min(...firstColumnEdges)).toBeLessThanOrEqual(lastStroked[1]);
    expect(Math.max(...firstColumnEdges)).toBeGreaterThanOrEqual(lastStroked[1]);
  });
});

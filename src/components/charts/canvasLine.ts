import { columnVertices, type Column, type ColumnSink } from './linePath';

/** The canvas calls a CanvasLine makes (a CanvasRenderingContext2D fits; tests pass a recorder). */
export interface LineCanvas {
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  stroke(): void;
  fill(): void;
}

/** A column with at least this many points (less one) is drawn as part of a band. */
const BAND_MIN_EXTRA = 3;

type Run = { xs: number[]; tops: number[]; bottoms: number[] };

/**
 * Draws one downsampled series on a canvas, fast where it is dense.
 *
 * Why: a dense noisy series reduces to a zigzag of up to four vertices per pixel column, and stroking that zigzag
 * with a 2 px round-joined line made Chromium's software canvas spend 13–20 ms per frame rasterising it (measured on
 * the gallery's 100k-point live chart, 60 updates/s) — more than a frame. So a column of four or more points is
 * drawn as part of a filled band instead: its top and bottom, widened by half the line width, joined across
 * neighbouring columns. That costs about a tenth, and it covers the pixels the stroked zigzag covered. Sparser
 * columns keep their vertices and are stroked as before (dashed series: the dashes are on the stroked parts; a dense
 * dashed series was a solid-looking scribble before, and is a solid band now).
 *
 * Use: `ctx.beginPath()`, feed it columns (reduceColumns), then `finish()` and `ctx.stroke()` for the polyline, then
 * `fillBands()` (which begins its own path).
 */
export class CanvasLine implements ColumnSink {
  private readonly runs: Run[] = [];
  /** The run of adjacent band columns being collected. */
  private run: Run | null = null;
  /** Where the previous column ended (its x and last y), null after a gap or at the start. */
  private prev: { x: number; last: number } | null = null;
  /** The polyline's pen, null when lifted; `moved` is false while its spot still needs a moveTo before a lineTo. */
  private pen: { x: number; y: number; moved: boolean } | null = null;
  private readonly vertex = (x: number, y: number) => {
    if (this.pen) this.lineTo(x, y);
    else this.pen = { x, y, moved: false };
  };

  constructor(
    private readonly ctx: LineCanvas,
    private readonly lineWidth: number,
  ) {}

  column(c: Readonly<Column>) {
    const adjacent = this.prev !== null && c.x - this.prev.x <= 1;
    if (c.extra >= BAND_MIN_EXTRA) this.bandColumn(c, adjacent);
    else {
      this.endRun(); // a run is adjacent band columns only
      columnVertices(c, this.vertex);
    }
    this.prev = { x: c.x, last: c.last };
  }

  gap() {
    this.endRun();
    this.prev = null;
    this.pen = null;
  }

  /** Ends the last band run. */
  finish() {
    this.endRun();
  }

  /** Fills every band run collected, in the current fill style. */
  fillBands() {
    const { ctx } = this;
    const half = this.lineWidth / 2;
    ctx.beginPath();
    for (const { xs, tops, bottoms } of this.runs) {
      const n = xs.length;
      // One x-monotone polygon per run: the top edge left to right, the bottom edge back. Each column stands for a
      // line width's stroke, so between two columns the edge is the higher (lower) of the two, as for the strokes'
      // union; the run's ends reach half a line out.
      ctx.moveTo(xs[0] - half, tops[0]);
      for (let i = 0; i + 1 < n; i++) ctx.lineTo(xs[i] + 0.5, Math.min(tops[i], tops[i + 1]));
      ctx.lineTo(xs[n - 1] + half, tops[n - 1]);
      ctx.lineTo(xs[n - 1] + half, bottoms[n - 1]);
      for (let i = n - 2; i >= 0; i--) ctx.lineTo(xs[i] + 0.5, Math.max(bottoms[i], bottoms[i + 1]));
      ctx.lineTo(xs[0] - half, bottoms[0]);
      ctx.closePath();
    }
    ctx.fill();
  }

  private bandColumn(c: Readonly<Column>, adjacent: boolean) {
    const half = this.lineWidth / 2;
    let top = c.min;
    let bottom = c.max;
    if (adjacent && this.prev) {
      // the step from the previous column's last point belongs to this column's span
      top = Math.min(top, this.prev.last);
      bottom = Math.max(bottom, this.prev.last);
    } else if (this.pen) this.lineTo(c.x, c.first); // a jump over empty columns stays a line
    if (!this.run || !adjacent) {
      this.endRun();
      this.run = { xs: [], tops: [], bottoms: [] };
    }
    this.run.xs.push(c.x);
    this.run.tops.push(top - half);
    this.run.bottoms.push(bottom + half);
    this.pen = { x: c.x, y: c.last, moved: false }; // the polyline goes on from the column's last point
  }

  private lineTo(x: number, y: number) {
    const pen = this.pen!;
    if (!pen.moved) this.ctx.moveTo(pen.x, pen.y);
    this.ctx.lineTo(x, y);
    pen.x = x;
    pen.y = y;
    pen.moved = true;
  }

  private endRun() {
    if (this.run && this.run.xs.length > 0) this.runs.push(this.run);
    this.run = null;
  }
}

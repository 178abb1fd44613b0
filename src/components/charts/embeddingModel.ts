import { scaleLinear } from 'd3';
import type { ChartTheme } from './chartTheme';
import { seriesColor } from './chartTheme';
import { finiteExtent, formatValue, padDomain } from './format';

/** The pure parts of EmbeddingScatter: scales, label placement, keyboard selection, legend and caption. */

export interface EmbeddingPoint {
  x: number;
  y: number;
  label: string;
  group?: number;
}

/** A point with finite coordinates and its index in the caller's array. */
export interface ValidPoint {
  p: EmbeddingPoint;
  i: number;
}

/** Unzoomed scales over the finite points, with a 6 % margin so no point sits on the frame. */
export function baseScales(valid: readonly ValidPoint[], innerW: number, innerH: number) {
  const xe = padDomain(finiteExtent(valid.map((v) => v.p.x)) ?? [-1, 1]);
  const ye = padDomain(finiteExtent(valid.map((v) => v.p.y)) ?? [-1, 1]);
  const px = (xe[1] - xe[0]) * 0.06;
  const py = (ye[1] - ye[0]) * 0.06;
  return {
    sx: scaleLinear()
      .domain([xe[0] - px, xe[1] + px])
      .range([0, innerW]),
    sy: scaleLinear()
      .domain([ye[0] - py, ye[1] + py])
      .range([innerH, 0]),
  };
}

/** ←/→ walk through the finite points in order (wrapping); the first press selects the first point. */
export function stepSelection(valid: readonly ValidPoint[], sel: number | null, forward: boolean): number {
  const pos = valid.findIndex((v) => v.i === sel);
  const next = pos < 0 ? 0 : (pos + (forward ? 1 : valid.length - 1)) % valid.length;
  return valid[next].i;
}

/** One legend entry per group (sorted), only when the groups are named and there are several. */
export function groupLegend(
  valid: readonly ValidPoint[],
  groupLabels: readonly string[] | undefined,
  theme: ChartTheme,
) {
  const groups = new Set(valid.map((v) => v.p.group ?? 0));
  return groupLabels && groups.size > 1
    ? [...groups].sort().map((g) => ({
        label: groupLabels[g] ?? `group ${g}`,
        color: seriesColor(theme, g),
        shape: 'dot' as const,
      }))
    : undefined;
}

/** "Selected “x”; nearest: …" for the read-out and caption, or '' with nothing selected. */
export function selectionText(
  points: readonly EmbeddingPoint[],
  sel: number | null,
  nn: readonly number[],
): string {
  return sel !== null && points[sel]
    ? `Selected “${points[sel].label}”; nearest: ${nn.map((j) => `“${points[j].label}”`).join(', ') || 'none'}.`
    : '';
}

/** The text alternative: how many points (and how many were left out), the selection, the zoom. */
export function embeddingCaption(o: {
  caption?: string;
  total: number;
  valid: number;
  selText: string;
  zoom: number;
}): string {
  const skipped = o.total - o.valid;
  return (
    `${o.caption ? `${o.caption} ` : ''}${o.valid} points${skipped ? ` (${skipped} with non-finite coordinates left out)` : ''}. ` +
    (o.selText || 'Select a point to highlight its nearest neighbours.') +
    (o.zoom !== 1 ? ` Zoom ×${formatValue(o.zoom, 2)}.` : '')
  );
}

export interface PlacedLabel {
  i: number;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * Greedy label placement: try right-above, left-above, right-below, left-below of each point; a label that would
 * overlap one already placed (or leave the plot) is dropped, unless `mustShow` (the selection and its neighbours).
 */
export function placeLabels(
  items: { i: number; px: number; py: number; text: string }[],
  mustShow: (i: number) => boolean,
  fontSize: number,
  width: number,
  height: number,
): PlacedLabel[] {
  const boxes: [number, number, number, number][] = [];
  const out: PlacedLabel[] = [];
  const ordered = [...items].sort((a, b) => Number(mustShow(b.i)) - Number(mustShow(a.i)));
  for (const it of ordered) {
    if (it.px < -20 || it.px > width + 20 || it.py < -20 || it.py > height + 20) continue;
    const w = it.text.length * fontSize * 0.58 + 2;
    const h = fontSize;
    const candidates: [number, number, 'start' | 'end'][] = [
      [it.px + 7, it.py - 6, 'start'],
      [it.px - 7, it.py - 6, 'end'],
      [it.px + 7, it.py + h + 2, 'start'],
      [it.px - 7, it.py + h + 2, 'end'],
    ];
    let chosen: PlacedLabel | null = null;
    let fallback: PlacedLabel | null = null;
    for (const [x, y, anchor] of candidates) {
      const x0 = anchor === 'start' ? x : x - w;
      const box: [number, number, number, number] = [x0, y - h, x0 + w, y + 2];
      const inside = box[0] >= 0 && box[2] <= width && box[1] >= 0 && box[3] <= height;
      if (!fallback && inside) fallback = { i: it.i, x, y, anchor };
      const free = boxes.every((b) => box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]);
      if (inside && free) {
        chosen = { i: it.i, x, y, anchor };
        boxes.push(box);
        break;
      }
    }
    if (!chosen && mustShow(it.i))
      chosen = fallback ?? { i: it.i, x: it.px + 7, y: it.py - 6, anchor: 'start' };
    if (chosen) out.push(chosen);
  }
  return out.sort((a, b) => a.i - b.i);
}

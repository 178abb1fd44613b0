/**
 * Pure computations behind NetworkDiagram (d3 computes, React renders): where each neuron sits, each edge's colour,
 * width and opacity, keyboard movement between edges, and the caption.
 */
import type { ChartTheme } from './chartTheme';
import { formatValue } from './format';

/** An edge: from neuron i of layer l to neuron o of layer l + 1. */
export interface EdgeSel {
  l: number;
  o: number;
  i: number;
}

export interface NetworkGeometry {
  /** Neurons per layer (bad sizes → 0). */
  sizes: number[];
  /** Neurons drawn per layer (at most maxNeurons; the rest are "+n more"). */
  shown: number[];
  gaps: number;
  colX: (l: number) => number;
  rowY: (l: number, k: number) => number;
  /** Neuron radius in pixels. */
  r: number;
}

export function defaultLayerLabel(l: number, n: number) {
  if (l === 0) return 'input';
  if (l === n - 1) return 'output';
  return n > 3 ? `hidden ${l}` : 'hidden';
}

export function networkGeometry(
  layers: readonly number[],
  maxNeurons: number,
  width: number,
  height: number,
  fontSize: number,
): NetworkGeometry {
  const sizes = layers.map((n) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0));
  const gaps = Math.max(0, sizes.length - 1);
  const top = fontSize * 2.2;
  const bottom = fontSize * 0.8;
  const side = Math.max(40, fontSize * 3.5);
  const shown = sizes.map((n) => Math.min(n, Math.max(1, maxNeurons)));
  const maxShown = Math.max(1, ...shown);
  const avail = height - top - bottom;
  return {
    sizes,
    shown,
    gaps,
    colX: (l) => (gaps === 0 ? width / 2 : side + ((width - 2 * side) * l) / gaps),
    rowY: (l, k) => {
      const n = shown[l] + (sizes[l] > shown[l] ? 1 : 0);
      return top + (avail * (k + 0.5)) / Math.max(n, 1);
    },
    r: Math.max(7, Math.min(fontSize * 1.35, avail / (maxShown * 2.6))),
  };
}

/** The value of an edge in per-gap row-major [out, in] arrays; NaN where there is none. */
export function edgeValue(
  arr: readonly ArrayLike<number>[] | undefined,
  e: EdgeSel,
  sizes: readonly number[],
) {
  const a = arr?.[e.l];
  const idx = e.o * sizes[e.l] + e.i;
  return a && idx < a.length ? a[idx] : NaN;
}

export interface DrawnEdge {
  key: string;
  e: EdgeSel;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  w: number;
  op: number;
}

export interface EdgeStyleInput {
  weights: readonly ArrayLike<number>[];
  grads?: readonly ArrayLike<number>[];
  /** Whether a gap shows gradients (mode or backward animation). */
  showGrads: (gap: number) => boolean;
  /** Largest |w| and |∂L/∂w|, for widths. */
  scales: { w: number; g: number };
  animating: boolean;
}

/** Every drawn edge: colour = sign, width and opacity = magnitude relative to the largest. */
export function buildEdges(geo: NetworkGeometry, input: EdgeStyleInput, theme: ChartTheme): DrawnEdge[] {
  const { shown, sizes, gaps, colX, rowY } = geo;
  const hasGrads = Boolean(input.grads && input.grads.length > 0);
  const edges: DrawnEdge[] = [];
  for (let l = 0; l < gaps; l++) {
    const grad = input.showGrads(l) && hasGrads;
    const s = grad ? input.scales.g : input.scales.w;
    for (let o = 0; o < shown[l + 1]; o++) {
      for (let i = 0; i < shown[l]; i++) {
        const e = { l, o, i };
        const v = edgeValue(grad ? input.grads : input.weights, e, sizes);
        const known = Number.isFinite(v);
        const mag = known ? Math.min(1, Math.abs(v) / s) : 0;
        edges.push({
          key: `${l}-${o}-${i}`,
          e,
          x1: colX(l),
          y1: rowY(l, i),
          x2: colX(l + 1),
          y2: rowY(l + 1, o),
          color: !known ? theme.border : v >= 0 ? theme.positive : theme.negative,
          w: known ? 0.6 + 5.4 * mag * theme.fontScale : 1,
          op: input.animating && !grad ? 0.25 : known ? 0.35 + 0.65 * mag : 0.5,
        });
      }
    }
  }
  return edges;
}

/** Arrow-key movement between edges: left/right change the gap, up/down walk the gap's edges; null = not ours. */
export function nextEdge(key: string, cur: EdgeSel, shown: readonly number[], gaps: number): EdgeSel | null {
  if (key === 'ArrowRight') return { l: Math.min(gaps - 1, cur.l + 1), o: 0, i: 0 };
  if (key === 'ArrowLeft') return { l: Math.max(0, cur.l - 1), o: 0, i: 0 };
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return null;
  const n = shown[cur.l] * shown[cur.l + 1];
  const idx = (cur.o * shown[cur.l] + cur.i + (key === 'ArrowDown' ? 1 : n - 1)) % n;
  return { l: cur.l, o: Math.floor(idx / shown[cur.l]), i: idx % shown[cur.l] };
}

/** What the caption says: the layers, what the edges show now, and how to read colour and width. */
export function networkCaption(opts: {
  caption?: string;
  sizes: readonly number[];
  revealLayer: string | null;
  gradients: boolean;
  scales: { w: number; g: number };
}): string {
  const shows =
    opts.revealLayer !== null
      ? `Backward pass: gradients shown from the output back to layer ${opts.revealLayer}.`
      : opts.gradients
        ? `Edges show gradients ∂L/∂w (largest |∂L/∂w| ${formatValue(opts.scales.g)}).`
        : `Edges show weights (largest |w| ${formatValue(opts.scales.w)}).`;
  return (
    `${opts.caption ? `${opts.caption} ` : ''}Network with layers ${opts.sizes.join('–')}. ` +
    shows +
    ' Blue: positive, orange: negative; thicker: larger magnitude.'
  );
}

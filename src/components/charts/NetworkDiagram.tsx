import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { interpolateLab } from 'd3';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { formatValue, maxAbs } from './format';
import { readableTextOn } from './canvas';

/**
 * NetworkDiagram — layers of neurons joined by edges: colour = sign (--positive / --negative), width = magnitude.
 * In gradient mode the edges show ∂L/∂w instead; "Animate backward pass" reveals the gradients layer by layer from
 * the output back to the input. Hover an edge, or focus the diagram and use the arrow keys, to read a weight and
 * its gradient.
 *
 * Props:
 * - `layers`: neurons per layer, e.g. [2, 3, 1].
 * - `weights`: one array per gap between layers; `weights[l][o * layers[l] + i]` joins neuron i of layer l to
 *   neuron o of layer l+1 (row-major [out, in], like a Linear layer's weight).
 * - `grads`: ∂L/∂w in the same layout. `activations`: optional neuron values per layer (shown in the circles).
 * - `mode`: 'weights' (default) | 'gradients'.
 * - `layerLabels` (default input / hidden n / output), `neuronLabels`: per layer, e.g. [['x₁','x₂'], …].
 * - `maxNeurons` (default 10): larger layers show the first ones and "+n more".
 * - `stepMs` (default 700): time per layer of the backward animation.
 * - `version`: bump when mutating arrays in place. `title`, `height` (default 300), `width`, `caption`.
 */
export interface NetworkDiagramProps {
  layers: readonly number[];
  weights?: readonly ArrayLike<number>[];
  grads?: readonly ArrayLike<number>[];
  activations?: readonly ArrayLike<number>[];
  mode?: 'weights' | 'gradients';
  layerLabels?: readonly string[];
  neuronLabels?: readonly (readonly string[] | undefined)[];
  maxNeurons?: number;
  stepMs?: number;
  version?: number;
  title?: string;
  height?: number;
  width?: number;
  caption?: string;
}

interface EdgeSel {
  l: number;
  o: number;
  i: number;
}

function defaultLayerLabel(l: number, n: number) {
  if (l === 0) return 'input';
  if (l === n - 1) return 'output';
  return n > 3 ? `hidden ${l}` : 'hidden';
}

export function NetworkDiagram({
  layers,
  weights = [],
  grads,
  activations,
  mode = 'weights',
  layerLabels,
  neuronLabels,
  maxNeurons = 10,
  stepMs = 700,
  version,
  title,
  height = 300,
  width: fixedWidth,
  caption,
}: NetworkDiagramProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const [sel, setSel] = useState<EdgeSel | null>(null);
  // backward animation: index of the lowest gap whose gradients are revealed; null = not animating
  const [reveal, setReveal] = useState<number | null>(null);
  const sizes = layers.map((n) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0));
  const gaps = Math.max(0, sizes.length - 1);
  const hasGrads = Boolean(grads && grads.length > 0);

  useEffect(() => {
    if (reveal === null) return;
    const t = setTimeout(() => setReveal(reveal <= 0 ? null : reveal - 1), reveal <= 0 ? stepMs * 2 : stepMs);
    return () => clearTimeout(t);
  }, [reveal, stepMs]);

  const showGrads = (gap: number) => (reveal !== null ? gap >= reveal : mode === 'gradients');

  const f = theme.fontSize;
  const top = f * 2.2;
  const bottom = f * 0.8;
  const side = Math.max(40, f * 3.5);
  const shown = sizes.map((n) => Math.min(n, Math.max(1, maxNeurons)));
  const maxShown = Math.max(1, ...shown);
  const colX = (l: number) => (gaps === 0 ? width / 2 : side + ((width - 2 * side) * l) / gaps);
  const rowY = (l: number, k: number) => {
    const avail = height - top - bottom;
    const n = shown[l] + (sizes[l] > shown[l] ? 1 : 0);
    return top + (avail * (k + 0.5)) / Math.max(n, 1);
  };
  const r = Math.max(7, Math.min(f * 1.35, (height - top - bottom) / (maxShown * 2.6)));

  const scales = useMemo(() => {
    void version;
    return {
      w: Math.max(1e-12, ...weights.map((w) => maxAbs(w))),
      g: Math.max(1e-12, ...(grads ?? []).map((g) => maxAbs(g))),
      a: Math.max(1e-12, ...(activations ?? []).map((a) => maxAbs(a))),
    };
  }, [weights, grads, activations, version]);

  const value = (arr: readonly ArrayLike<number>[] | undefined, e: EdgeSel) => {
    const a = arr?.[e.l];
    const idx = e.o * sizes[e.l] + e.i;
    return a && idx < a.length ? a[idx] : NaN;
  };
  const neuronName = (l: number, k: number) =>
    neuronLabels?.[l]?.[k] ??
    `${(layerLabels?.[l] ?? defaultLayerLabel(l, sizes.length)).split(' ')[0]} ${k + 1}`;
  const layerName = (l: number) => layerLabels?.[l] ?? defaultLayerLabel(l, sizes.length);

  const edges: {
    key: string;
    e: EdgeSel;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    color: string;
    w: number;
    op: number;
  }[] = [];
  for (let l = 0; l < gaps; l++) {
    const grad = showGrads(l) && hasGrads;
    for (let o = 0; o < shown[l + 1]; o++) {
      for (let i = 0; i < shown[l]; i++) {
        const e = { l, o, i };
        const v = grad ? value(grads, e) : value(weights, e);
        const s = grad ? scales.g : scales.w;
        const mag = Number.isFinite(v) ? Math.min(1, Math.abs(v) / s) : 0;
        const known = Number.isFinite(v);
        edges.push({
          key: `${l}-${o}-${i}`,
          e,
          x1: colX(l),
          y1: rowY(l, i),
          x2: colX(l + 1),
          y2: rowY(l + 1, o),
          color: !known ? theme.border : v >= 0 ? theme.positive : theme.negative,
          w: known ? 0.6 + 5.4 * mag * theme.fontScale : 1,
          op: reveal !== null && !grad ? 0.25 : known ? 0.35 + 0.65 * mag : 0.5,
        });
      }
    }
  }

  const onKey = (ev: KeyboardEvent<SVGSVGElement>) => {
    if (gaps === 0) return;
    const cur = sel ?? { l: 0, o: 0, i: 0 };
    const perGap = (l: number) => shown[l] * shown[l + 1];
    let next: EdgeSel;
    if (ev.key === 'ArrowRight') next = { l: Math.min(gaps - 1, cur.l + 1), o: 0, i: 0 };
    else if (ev.key === 'ArrowLeft') next = { l: Math.max(0, cur.l - 1), o: 0, i: 0 };
    else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const n = perGap(cur.l);
      const idx = (cur.o * shown[cur.l] + cur.i + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      next = { l: cur.l, o: Math.floor(idx / shown[cur.l]), i: idx % shown[cur.l] };
    } else if (ev.key === 'Escape') {
      setSel(null);
      return;
    } else return;
    ev.preventDefault();
    ev.stopPropagation();
    setSel(next);
  };

  const readout = sel
    ? `${neuronName(sel.l, sel.i)} → ${neuronName(sel.l + 1, sel.o)}: w = ${formatValue(value(weights, sel))}` +
      (hasGrads ? `, ∂L/∂w = ${formatValue(value(grads, sel))}` : '')
    : hasGrads
      ? 'Hover an edge (or focus the diagram and use the arrow keys) to read its weight and gradient.'
      : 'Hover an edge (or focus the diagram and use the arrow keys) to read its weight.';

  const nodeFill = interpolateLab(theme.bgRaised, theme.positive);
  const nodeFillNeg = interpolateLab(theme.bgRaised, theme.negative);
  const captionText =
    `${caption ? `${caption} ` : ''}Network with layers ${sizes.join('–')}. ` +
    (reveal !== null
      ? `Backward pass: gradients shown from the output back to layer ${layerName(reveal)}.`
      : mode === 'gradients' && hasGrads
        ? `Edges show gradients ∂L/∂w (largest |∂L/∂w| ${formatValue(scales.g)}).`
        : `Edges show weights (largest |w| ${formatValue(scales.w)}).`) +
    ' Blue: positive, orange: negative; thicker: larger magnitude.';

  const legend = [
    {
      label: mode === 'gradients' || reveal !== null ? 'positive' : 'positive weight',
      color: theme.positive,
    },
    {
      label: mode === 'gradients' || reveal !== null ? 'negative' : 'negative weight',
      color: theme.negative,
    },
  ];

  return (
    <ChartFrame
      kind="network"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
      actions={
        hasGrads && gaps > 0 ? (
          <button
            type="button"
            className="chart-button"
            onClick={() => setReveal(reveal === null ? gaps - 1 : null)}
            aria-pressed={reveal !== null}
          >
            {reveal === null ? 'Animate backward pass' : 'Stop animation'}
          </button>
        ) : null
      }
      footer={<div className="chart-readout">{readout}</div>}
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${title ?? 'Network diagram'}: ${captionText}`}
        tabIndex={gaps > 0 ? 0 : undefined}
        onKeyDown={onKey}
        onBlur={() => setSel(null)}
      >
        {sizes.length === 0 && (
          <text className="chart-empty" x={width / 2} y={height / 2} textAnchor="middle" fontSize={f}>
            No layers
          </text>
        )}
        <g className="layer-labels" fontSize={f} fill={theme.fg} textAnchor="middle">
          {sizes.map((n, l) => (
            <text key={l} x={colX(l)} y={f * 1.1} fontWeight={600}>
              {layerName(l)}
              {reveal !== null && l === reveal + 1 ? ' ←' : ''}
            </text>
          ))}
        </g>
        <g className="edges" strokeLinecap="round">
          {edges.map((ed) => (
            <line
              key={ed.key}
              className="edge"
              x1={ed.x1}
              y1={ed.y1}
              x2={ed.x2}
              y2={ed.y2}
              stroke={ed.color}
              strokeWidth={ed.w}
              strokeOpacity={ed.op}
            />
          ))}
        </g>
        <g className="edge-hits" data-export="skip">
          {edges.map((ed) => (
            <line
              key={ed.key}
              x1={ed.x1}
              y1={ed.y1}
              x2={ed.x2}
              y2={ed.y2}
              stroke="transparent"
              strokeWidth={10}
              onPointerEnter={() => setSel(ed.e)}
              onPointerLeave={() => setSel(null)}
            />
          ))}
        </g>
        {sel && sel.l < gaps && sel.i < shown[sel.l] && sel.o < shown[sel.l + 1] && (
          <line
            className="edge-selected"
            data-export="skip"
            x1={colX(sel.l)}
            y1={rowY(sel.l, sel.i)}
            x2={colX(sel.l + 1)}
            y2={rowY(sel.l + 1, sel.o)}
            stroke={theme.focus}
            strokeWidth={3}
            pointerEvents="none"
          />
        )}
        <g className="neurons" fontSize={f * 0.85} textAnchor="middle">
          {sizes.map((n, l) =>
            Array.from({ length: shown[l] }, (_, k) => {
              const a = activations?.[l]?.[k];
              const t = a !== undefined && Number.isFinite(a) ? Math.min(1, Math.abs(a) / scales.a) : 0;
              const fill =
                a === undefined || !Number.isFinite(a)
                  ? theme.bgRaised
                  : a >= 0
                    ? nodeFill(t * 0.8)
                    : nodeFillNeg(t * 0.8);
              const label = neuronLabels?.[l]?.[k];
              return (
                <g key={`${l}-${k}`} className="neuron" transform={`translate(${colX(l)},${rowY(l, k)})`}>
                  <circle r={r} fill={fill} stroke={theme.fg} strokeWidth={1.5} />
                  {(label || a !== undefined) && (
                    <text
                      dy="0.35em"
                      fill={a === undefined || !Number.isFinite(a) ? theme.fg : readableTextOn(fill)}
                    >
                      {label ?? formatValue(a ?? NaN, 2)}
                    </text>
                  )}
                </g>
              );
            }),
          )}
          {sizes.map((n, l) =>
            n > shown[l] ? (
              <text key={`more-${l}`} x={colX(l)} y={rowY(l, shown[l])} dy="0.35em" fill={theme.fgMuted}>
                +{n - shown[l]} more
              </text>
            ) : null,
          )}
        </g>
      </svg>
    </ChartFrame>
  );
}

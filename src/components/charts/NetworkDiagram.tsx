import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { formatValue, maxAbs } from './format';
import {
  buildEdges,
  defaultLayerLabel,
  edgeValue,
  networkCaption,
  networkGeometry,
  nextEdge,
  type EdgeSel,
} from './networkLayout';
import { NetworkEdges, Neurons, SelectedEdge } from './NetworkParts';
import { EmptyPlotNote } from './EmptyPlotNote';

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

/** Backward-pass animation: the lowest gap whose gradients are revealed, stepping down every `stepMs`; null = off. */
function useBackwardReveal(stepMs: number) {
  const [reveal, setReveal] = useState<number | null>(null);
  useEffect(() => {
    if (reveal === null) return;
    const t = setTimeout(() => setReveal(reveal <= 0 ? null : reveal - 1), reveal <= 0 ? stepMs * 2 : stepMs);
    return () => clearTimeout(t);
  }, [reveal, stepMs]);
  return [reveal, setReveal] as const;
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
  const [reveal, setReveal] = useBackwardReveal(stepMs);
  const geo = networkGeometry(layers, maxNeurons, width, height, theme.fontSize);
  const { sizes, gaps } = geo;
  const hasGrads = Boolean(grads && grads.length > 0);

  const scales = useMemo(() => {
    void version;
    return {
      w: Math.max(1e-12, ...weights.map((w) => maxAbs(w))),
      g: Math.max(1e-12, ...(grads ?? []).map((g) => maxAbs(g))),
      a: Math.max(1e-12, ...(activations ?? []).map((a) => maxAbs(a))),
    };
  }, [weights, grads, activations, version]);

  const showGrads = (gap: number) => (reveal !== null ? gap >= reveal : mode === 'gradients');
  const edges = buildEdges(geo, { weights, grads, showGrads, scales, animating: reveal !== null }, theme);
  const layerName = (l: number) => layerLabels?.[l] ?? defaultLayerLabel(l, sizes.length);
  const neuronName = (l: number, k: number) =>
    neuronLabels?.[l]?.[k] ?? `${layerName(l).split(' ')[0]} ${k + 1}`;

  const onKey = (ev: KeyboardEvent<SVGSVGElement>) => {
    if (gaps === 0) return;
    if (ev.key === 'Escape') return setSel(null);
    const next = nextEdge(ev.key, sel ?? { l: 0, o: 0, i: 0 }, geo.shown, gaps);
    if (!next) return;
    ev.preventDefault();
    ev.stopPropagation();
    setSel(next);
  };

  const hint = `Hover an edge (or focus the diagram and use the arrow keys) to read its weight${hasGrads ? ' and gradient' : ''}.`;
  const readout = sel
    ? `${neuronName(sel.l, sel.i)} → ${neuronName(sel.l + 1, sel.o)}: w = ${formatValue(edgeValue(weights, sel, sizes))}` +
      (hasGrads ? `, ∂L/∂w = ${formatValue(edgeValue(grads, sel, sizes))}` : '')
    : hint;
  const captionText = networkCaption({
    caption,
    sizes,
    revealLayer: reveal !== null ? layerName(reveal) : null,
    gradients: mode === 'gradients' && hasGrads,
    scales,
  });
  const signed = mode === 'gradients' || reveal !== null;
  const legend = [
    { label: signed ? 'positive' : 'positive weight', color: theme.positive },
    { label: signed ? 'negative' : 'negative weight', color: theme.negative },
  ];
  const f = theme.fontSize;

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
          <EmptyPlotNote width={width} height={height} fontSize={f}>
            No layers
          </EmptyPlotNote>
        )}
        <g className="layer-labels" fontSize={f} fill={theme.fg} textAnchor="middle">
          {sizes.map((_, l) => (
            <text key={l} x={geo.colX(l)} y={f * 1.1} fontWeight={600}>
              {layerName(l)}
              {reveal !== null && l === reveal + 1 ? ' ←' : ''}
            </text>
          ))}
        </g>
        <NetworkEdges edges={edges} onHover={setSel} />
        {sel && <SelectedEdge sel={sel} geo={geo} theme={theme} />}
        <Neurons
          geo={geo}
          theme={theme}
          activations={activations}
          maxActivation={scales.a}
          neuronLabels={neuronLabels}
        />
      </svg>
    </ChartFrame>
  );
}

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
  type NetworkGeometry,
} from './networkLayout';
import {
  BackwardPassButton,
  LayerLabels,
  NetworkEdges,
  Neurons,
  SelectedEdge,
  signLegend,
} from './NetworkParts';
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

/**
 * Backward-pass animation: the lowest gap whose gradients are revealed, stepping down every `stepMs`; null = off.
 * `toggle` starts it at the last of `gaps` gaps (the output side), or stops it.
 */
function useBackwardReveal(stepMs: number, gaps: number) {
  const [reveal, setReveal] = useState<number | null>(null);
  useEffect(() => {
    if (reveal === null) return;
    const t = setTimeout(() => setReveal(reveal <= 0 ? null : reveal - 1), reveal <= 0 ? stepMs * 2 : stepMs);
    return () => clearTimeout(t);
  }, [reveal, stepMs]);
  const toggle = () => setReveal(reveal === null ? gaps - 1 : null);
  return [reveal, toggle] as const;
}

/** The edge whose weight the read-out shows: hovered, or moved with the arrow keys when the diagram has focus. */
function useEdgeSelection(geo: NetworkGeometry) {
  const [sel, setSel] = useState<EdgeSel | null>(null);
  const onKeyDown = (ev: KeyboardEvent<SVGSVGElement>) => {
    if (geo.gaps === 0) return;
    if (ev.key === 'Escape') return setSel(null);
    const next = nextEdge(ev.key, sel ?? { l: 0, o: 0, i: 0 }, geo.shown, geo.gaps);
    if (!next) return;
    ev.preventDefault();
    ev.stopPropagation();
    setSel(next);
  };
  return { sel, setSel, handlers: { onKeyDown, onBlur: () => setSel(null) } };
}

/** magnitudes(), recomputed when the arrays or the data version change. */
function useMagnitudes(
  weights: readonly ArrayLike<number>[],
  grads: readonly ArrayLike<number>[] | undefined,
  activations: readonly ArrayLike<number>[] | undefined,
  version: number | undefined,
) {
  return useMemo(() => {
    void version; // arrays may be mutated in place
    return magnitudes(weights, grads, activations);
  }, [weights, grads, activations, version]);
}

/** The largest |value| of weights, gradients and activations: the edge widths and circle fills scale by them. */
function magnitudes(
  weights: readonly ArrayLike<number>[],
  grads?: readonly ArrayLike<number>[],
  activations?: readonly ArrayLike<number>[],
) {
  return {
    w: Math.max(1e-12, ...weights.map((w) => maxAbs(w))),
    g: Math.max(1e-12, ...(grads ?? []).map((g) => maxAbs(g))),
    a: Math.max(1e-12, ...(activations ?? []).map((a) => maxAbs(a))),
  };
}

interface EdgeReadoutInput {
  sel: EdgeSel | null;
  names: NeuronNames;
  weights: readonly ArrayLike<number>[];
  grads?: readonly ArrayLike<number>[];
  sizes: readonly number[];
}

/** "x₁ → hidden 2: w = …, ∂L/∂w = …" for the selected edge, else a hint on how to select one. */
function edgeReadout({ sel, names, weights, grads, sizes }: EdgeReadoutInput): string {
  const hasGrads = Boolean(grads && grads.length > 0);
  if (!sel)
    return `Hover an edge (or focus the diagram and use the arrow keys) to read its weight${hasGrads ? ' and gradient' : ''}.`;
  const from = names.neuron(sel.l, sel.i);
  const to = names.neuron(sel.l + 1, sel.o);
  return (
    `${from} → ${to}: w = ${formatValue(edgeValue(weights, sel, sizes))}` +
    (hasGrads ? `, ∂L/∂w = ${formatValue(edgeValue(grads, sel, sizes))}` : '')
  );
}

interface NeuronNames {
  layer: (l: number) => string;
  neuron: (l: number, k: number) => string;
}

/** Layer names (given or input / hidden n / output) and neuron names (given or "<layer's first word> k"). */
function neuronNames(
  layerCount: number,
  layerLabels?: readonly string[],
  neuronLabels?: readonly (readonly string[] | undefined)[],
): NeuronNames {
  const layer = (l: number) => layerLabels?.[l] ?? defaultLayerLabel(l, layerCount);
  const neuron = (l: number, k: number) => neuronLabels?.[l]?.[k] ?? `${layer(l).split(' ')[0]} ${k + 1}`;
  return { layer, neuron };
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
  const geo = networkGeometry(layers, maxNeurons, width, height, theme.fontSize);
  const { sizes, gaps } = geo;
  const [reveal, toggleReveal] = useBackwardReveal(stepMs, gaps);
  const { sel, setSel, handlers } = useEdgeSelection(geo);
  const hasGrads = Boolean(grads && grads.length > 0);
  const scales = useMagnitudes(weights, grads, activations, version);

  const showGrads = (gap: number) => (reveal !== null ? gap >= reveal : mode === 'gradients');
  const edges = buildEdges(geo, { weights, grads, showGrads, scales, animating: reveal !== null }, theme);
  const names = neuronNames(sizes.length, layerLabels, neuronLabels);
  const readout = edgeReadout({ sel, names, weights, grads, sizes });
  const captionText = networkCaption({
    caption,
    sizes,
    revealLayer: reveal !== null ? names.layer(reveal) : null,
    gradients: mode === 'gradients' && hasGrads,
    scales,
  });
  const signed = mode === 'gradients' || reveal !== null;

  return (
    <ChartFrame
      kind="network"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={signLegend(signed, theme)}
      actions={
        hasGrads && gaps > 0 ? (
          <BackwardPassButton animating={reveal !== null} onToggle={toggleReveal} />
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
        {...handlers}
      >
        {sizes.length === 0 && (
          <EmptyPlotNote width={width} height={height} fontSize={theme.fontSize}>
            No layers
          </EmptyPlotNote>
        )}
        <LayerLabels geo={geo} layerName={names.layer} reveal={reveal} theme={theme} />
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

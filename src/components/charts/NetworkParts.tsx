import { interpolateLab } from 'd3';
import { readableTextOn } from './canvas';
import type { ChartTheme } from './chartTheme';
import { formatValue } from './format';
import type { DrawnEdge, EdgeSel, NetworkGeometry } from './networkLayout';

/** NetworkDiagram's SVG layers, each a plain function of its props. */

export function NetworkEdges({
  edges,
  onHover,
}: {
  edges: readonly DrawnEdge[];
  onHover: (e: EdgeSel | null) => void;
}) {
  return (
    <>
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
            onPointerEnter={() => onHover(ed.e)}
            onPointerLeave={() => onHover(null)}
          />
        ))}
      </g>
    </>
  );
}

export function SelectedEdge({ sel, geo, theme }: { sel: EdgeSel; geo: NetworkGeometry; theme: ChartTheme }) {
  const { gaps, shown, colX, rowY } = geo;
  if (!(sel.l < gaps && sel.i < shown[sel.l] && sel.o < shown[sel.l + 1])) return null;
  return (
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
  );
}

export interface NeuronsProps {
  geo: NetworkGeometry;
  theme: ChartTheme;
  activations?: readonly ArrayLike<number>[];
  /** Largest |activation|, for the fill strength. */
  maxActivation: number;
  neuronLabels?: readonly (readonly string[] | undefined)[];
}

/** Circles filled by the neuron's value (blue positive, orange negative), with its label or value inside. */
export function Neurons({ geo, theme, activations, maxActivation, neuronLabels }: NeuronsProps) {
  const { sizes, shown, colX, rowY, r } = geo;
  const nodeFill = interpolateLab(theme.bgRaised, theme.positive);
  const nodeFillNeg = interpolateLab(theme.bgRaised, theme.negative);
  const fillOf = (a: number | undefined) => {
    if (a === undefined || !Number.isFinite(a)) return theme.bgRaised;
    const t = Math.min(1, Math.abs(a) / maxActivation) * 0.8;
    return a >= 0 ? nodeFill(t) : nodeFillNeg(t);
  };
  return (
    <g className="neurons" fontSize={theme.fontSize * 0.85} textAnchor="middle">
      {sizes.map((_, l) =>
        Array.from({ length: shown[l] }, (_, k) => {
          const a = activations?.[l]?.[k];
          const fill = fillOf(a);
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
  );
}

/** Layer names above the columns; during the backward animation an arrow marks the layer the gradients came from. */
export function LayerLabels({
  geo,
  layerName,
  reveal,
  theme,
}: {
  geo: NetworkGeometry;
  layerName: (l: number) => string;
  reveal: number | null;
  theme: ChartTheme;
}) {
  const f = theme.fontSize;
  return (
    <g className="layer-labels" fontSize={f} fill={theme.fg} textAnchor="middle">
      {geo.sizes.map((_, l) => (
        <text key={l} x={geo.colX(l)} y={f * 1.1} fontWeight={600}>
          {layerName(l)}
          {reveal !== null && l === reveal + 1 ? ' ←' : ''}
        </text>
      ))}
    </g>
  );
}

export function BackwardPassButton({ animating, onToggle }: { animating: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="chart-button" onClick={onToggle} aria-pressed={animating}>
      {animating ? 'Stop animation' : 'Animate backward pass'}
    </button>
  );
}

/** Colour = sign; "weight" is named only while the edges show weights (gradients and the animation are signed too). */
export function signLegend(signed: boolean, theme: ChartTheme) {
  return [
    { label: signed ? 'positive' : 'positive weight', color: theme.positive },
    { label: signed ? 'negative' : 'negative weight', color: theme.negative },
  ];
}

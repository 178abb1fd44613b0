/**
 * The encoder–decoder block as a diagram. The sublayer being computed is lit up; its residual + layer norm box too.
 * Pure SVG (React renders it; no d3 needed for fixed boxes). Boxes are buttons: click or Enter selects a sublayer.
 *
 * Props:
 * - `active`: which sublayer is lit (see SUBLAYERS).
 * - `onSelect`: called with a sublayer id when the user picks a box.
 */
import type { KeyboardEvent } from 'react';
import { ArrowMarker } from '../../../components/charts';

export const SUBLAYERS = [
  {
    id: 'enc-mha',
    label: 'Encoder: self-attention',
    tex: "E' = \\mathrm{LayerNorm}\\big(E + \\mathrm{MHA}(E)\\big)",
  },
  {
    id: 'enc-ffn',
    label: 'Encoder: feed-forward',
    tex: "E'' = \\mathrm{LayerNorm}\\big(E' + \\mathrm{FFN}(E')\\big)",
  },
  {
    id: 'dec-self',
    label: 'Decoder: masked self-attention',
    tex: "D' = \\mathrm{LayerNorm}\\big(D + \\mathrm{MHA}_{\\text{masked}}(D)\\big)",
  },
  {
    id: 'dec-cross',
    label: 'Decoder: cross-attention to H',
    tex: "D'' = \\mathrm{LayerNorm}\\big(D' + \\mathrm{MHA}_{\\text{cross}}(D', H)\\big)",
  },
  {
    id: 'dec-ffn',
    label: 'Decoder: feed-forward',
    tex: "D''' = \\mathrm{LayerNorm}\\big(D'' + \\mathrm{FFN}(D'')\\big)",
  },
] as const;

export type SublayerId = (typeof SUBLAYERS)[number]['id'];

interface Box {
  id?: SublayerId;
  norm?: SublayerId;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  kind: 'io' | 'sub' | 'norm' | 'out';
}

const W = 150;
const ENC_X = 30;
const DEC_X = 250;

// Bottom-up, like the data flows.
const BOXES: Box[] = [
  { x: ENC_X, y: 390, w: W, h: 30, text: 'E = √d·X + PE', kind: 'io' },
  { id: 'enc-mha', x: ENC_X, y: 330, w: W, h: 34, text: 'Multi-head attention', kind: 'sub' },
  { norm: 'enc-mha', x: ENC_X, y: 292, w: W, h: 26, text: 'Add & LayerNorm → E′', kind: 'norm' },
  { id: 'enc-ffn', x: ENC_X, y: 240, w: W, h: 34, text: 'Feed-forward', kind: 'sub' },
  { norm: 'enc-ffn', x: ENC_X, y: 202, w: W, h: 26, text: 'Add & LayerNorm → E″', kind: 'norm' },
  { x: ENC_X, y: 150, w: W, h: 30, text: 'H (encoder output)', kind: 'io' },
  { x: DEC_X, y: 430, w: W, h: 30, text: 'D = √d·Y + PE', kind: 'io' },
  { id: 'dec-self', x: DEC_X, y: 374, w: W, h: 34, text: 'Masked self-attention', kind: 'sub' },
  { norm: 'dec-self', x: DEC_X, y: 336, w: W, h: 26, text: 'Add & LayerNorm → D′', kind: 'norm' },
  { id: 'dec-cross', x: DEC_X, y: 284, w: W, h: 34, text: 'Cross-attention', kind: 'sub' },
  { norm: 'dec-cross', x: DEC_X, y: 246, w: W, h: 26, text: 'Add & LayerNorm → D″', kind: 'norm' },
  { id: 'dec-ffn', x: DEC_X, y: 194, w: W, h: 34, text: 'Feed-forward', kind: 'sub' },
  { norm: 'dec-ffn', x: DEC_X, y: 156, w: W, h: 26, text: 'Add & LayerNorm → D‴', kind: 'norm' },
  { x: DEC_X, y: 100, w: W, h: 30, text: 'logits = Z·W_Eᵀ + b', kind: 'out' },
  { x: DEC_X, y: 50, w: W, h: 30, text: 'softmax → next token', kind: 'out' },
];

/** Main flow arrows, bottom-up: [column x, from y, to y]. */
const FLOW_ARROWS: readonly (readonly [number, number, number])[] = [
  [ENC_X, 390, 364],
  [ENC_X, 330, 318],
  [ENC_X, 292, 274],
  [ENC_X, 240, 228],
  [ENC_X, 202, 180],
  [DEC_X, 430, 408],
  [DEC_X, 374, 362],
  [DEC_X, 336, 318],
  [DEC_X, 284, 272],
  [DEC_X, 246, 228],
  [DEC_X, 194, 182],
  [DEC_X, 156, 130],
  [DEC_X, 100, 80],
];

/** Residual paths around each sublayer into its Add & Norm: [column x, from y, to y, sublayer]. */
const RESIDUALS: readonly (readonly [number, number, number, SublayerId])[] = [
  [ENC_X, 378, 305, 'enc-mha'],
  [ENC_X, 286, 215, 'enc-ffn'],
  [DEC_X, 420, 349, 'dec-self'],
  [DEC_X, 330, 259, 'dec-cross'],
  [DEC_X, 240, 169, 'dec-ffn'],
];

export function BlockDiagram({
  active,
  onSelect,
}: {
  active: SublayerId;
  onSelect: (id: SublayerId) => void;
}) {
  const current = SUBLAYERS.find((s) => s.id === active);
  return (
    <svg
      className="tf-block-diagram"
      viewBox="0 0 430 480"
      role="group"
      aria-label={`Encoder and decoder layer; lit: ${current?.label ?? ''}`}
    >
      {/* The arrow head every arrow and residual path ends with. */}
      <ArrowMarker id="tf-arrow" fill="currentColor" markerUnits="userSpaceOnUse" />
      <text x={ENC_X + W / 2} y={470} textAnchor="middle" className="tf-col-title">
        Encoder layer (×N)
      </text>
      <text x={DEC_X + W / 2} y={20} textAnchor="middle" className="tf-col-title">
        Decoder layer (×N)
      </text>
      <rect x={ENC_X - 12} y={192} width={W + 24} height={182} rx={10} className="tf-layer-frame" />
      <rect x={DEC_X - 12} y={146} width={W + 24} height={272} rx={10} className="tf-layer-frame" />
      {FLOW_ARROWS.map(([x, y1, y2], i) => (
        <line
          key={i}
          x1={x + W / 2}
          y1={y1}
          x2={x + W / 2}
          y2={y2}
          className="tf-arrow"
          markerEnd="url(#tf-arrow)"
        />
      ))}
      {RESIDUALS.map(([x, y1, y2, id]) => (
        <path
          key={id}
          d={`M${x + W / 2},${y1} H${x + W + 6} V${y2} H${x + W}`}
          className={id === active ? 'tf-residual tf-lit-line' : 'tf-residual'}
          markerEnd="url(#tf-arrow)"
        />
      ))}
      <CrossAttentionLink lit={active === 'dec-cross'} />
      {BOXES.map((b, i) => (
        <DiagramBox key={i} box={b} lit={b.id === active || b.norm === active} onSelect={onSelect} />
      ))}
    </svg>
  );
}

/** H feeds every decoder layer's cross-attention (lit with it). */
function CrossAttentionLink({ lit }: { lit: boolean }) {
  return (
    <>
      <path
        d={`M${ENC_X + W},165 H${(ENC_X + W + DEC_X) / 2} V301 H${DEC_X}`}
        className={lit ? 'tf-cross tf-lit-line' : 'tf-cross'}
        markerEnd="url(#tf-arrow)"
      />
      <text x={(ENC_X + W + DEC_X) / 2 + 4} y={235} className="tf-small">
        K, V from H
      </text>
    </>
  );
}

/** One box; a sublayer's box and its Add & Norm box are buttons that select the sublayer (click, Enter or Space). */
function DiagramBox({
  box: b,
  lit,
  onSelect,
}: {
  box: Box;
  lit: boolean;
  onSelect: (id: SublayerId) => void;
}) {
  const selectable = b.id ?? b.norm;
  const onKey = (e: KeyboardEvent) => {
    if (selectable && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onSelect(selectable);
    }
  };
  return (
    <g
      className={`tf-box tf-box--${b.kind}${lit ? ' tf-lit' : ''}`}
      role={selectable ? 'button' : undefined}
      tabIndex={selectable ? 0 : undefined}
      aria-pressed={selectable ? lit : undefined}
      aria-label={selectable ? `${b.text}${lit ? ' (lit)' : ''}` : undefined}
      onClick={selectable ? () => onSelect(selectable) : undefined}
      onKeyDown={selectable ? onKey : undefined}
    >
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} />
      <text x={b.x + b.w / 2} y={b.y + b.h / 2} dominantBaseline="central" textAnchor="middle">
        {b.text}
      </text>
    </g>
  );
}

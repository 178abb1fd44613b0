import type { ChartTheme } from './chartTheme';

/** The part of a d3 continuous scale (linear or log) that axes need. */
export interface TickScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (d: number) => string;
  range(): number[];
}

/** Space around the plot area, proportional to the font size so labels never clip at projector scale. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function chartMargins(
  theme: ChartTheme,
  opts: { xLabel?: boolean; yLabel?: boolean; right?: number } = {},
): Margins {
  const f = theme.fontSize;
  return {
    top: Math.round(f * 0.9),
    right: Math.round(opts.right ?? f * 1.2),
    bottom: Math.round(f * 1.9 + (opts.xLabel ? f * 1.5 : 0)),
    left: Math.round(f * 3.6 + (opts.yLabel ? f * 1.8 : 0)),
  };
}

interface AxisProps {
  scale: TickScale;
  theme: ChartTheme;
  /** Offset of the axis line (y for the bottom axis, x for the left axis). */
  offset: number;
  /** Length of the grid lines across the plot (0 = no grid). */
  gridLength?: number;
  label?: string;
  ticks?: number;
  format?: (d: number) => string;
}

function tickCount(length: number, theme: ChartTheme, spacing: number) {
  return Math.max(2, Math.min(10, Math.floor(length / (theme.fontSize * spacing))));
}

/** Horizontal axis at the bottom of the plot, with optional vertical grid lines and a centred label. */
export function AxisBottom({ scale, theme, offset, gridLength = 0, label, ticks, format }: AxisProps) {
  const [r0, r1] = scale.range();
  const n = ticks ?? tickCount(Math.abs(r1 - r0), theme, 6.5);
  const values = scale.ticks(n);
  const fmt = format ?? (isLogScale(scale) ? logTickFormat : scale.tickFormat(n));
  const f = theme.fontSize;
  return (
    <g className="axis axis-x" transform={`translate(0,${offset})`} fontSize={f} fill={theme.fgMuted}>
      <line x1={r0} x2={r1} stroke={theme.border} />
      {values.map((v) => {
        const x = scale(v);
        if (!Number.isFinite(x)) return null;
        return (
          <g key={v} transform={`translate(${x},0)`}>
            {gridLength > 0 && <line y2={-gridLength} stroke={theme.border} strokeOpacity={0.6} />}
            <line y2={5} stroke={theme.fgMuted} />
            <text y={f + 5} textAnchor="middle">
              {fmt(v)}
            </text>
          </g>
        );
      })}
      {label && (
        <text className="axis-label" x={(r0 + r1) / 2} y={f * 2.9 + 4} textAnchor="middle" fill={theme.fg}>
          {label}
        </text>
      )}
    </g>
  );
}

/** Vertical axis on the left of the plot, with optional horizontal grid lines and a rotated label. */
export function AxisLeft({ scale, theme, offset, gridLength = 0, label, ticks, format }: AxisProps) {
  const [r0, r1] = scale.range();
  const n = ticks ?? tickCount(Math.abs(r1 - r0), theme, 2.8);
  let values = scale.ticks(n);
  const fmt = format ?? (isLogScale(scale) ? logTickFormat : scale.tickFormat(n));
  // log scales give many ticks: keep those with a label so they do not overlap
  if (values.length > 12) values = values.filter((v) => fmt(v) !== '');
  const f = theme.fontSize;
  // the label sits left of the widest tick label, whatever the plot's margin
  const widest = Math.max(1, ...values.map((v) => fmt(v).length));
  const labelX = -(widest * f * 0.6 + 8 + f * 0.8);
  const labelSize = label ? fitLabelSize(label, Math.abs(r1 - r0) + f, f) : f;
  return (
    <g className="axis axis-y" transform={`translate(${offset},0)`} fontSize={f} fill={theme.fgMuted}>
      <line y1={r0} y2={r1} stroke={theme.border} />
      {values.map((v) => {
        const y = scale(v);
        if (!Number.isFinite(y)) return null;
        return (
          <g key={v} transform={`translate(0,${y})`}>
            {gridLength > 0 && <line x2={gridLength} stroke={theme.border} strokeOpacity={0.6} />}
            <line x2={-5} stroke={theme.fgMuted} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {fmt(v)}
            </text>
          </g>
        );
      })}
      {label && (
        <text
          className="axis-label"
          transform={`translate(${labelX},${(r0 + r1) / 2}) rotate(-90)`}
          textAnchor="middle"
          dy="0.32em"
          fill={theme.fg}
          fontSize={labelSize < f ? labelSize : undefined}
        >
          {label}
        </text>
      )}
    </g>
  );
}

/**
 * The font size at which a rotated axis label fits the axis's length: the axis font size, or smaller for a label
 * longer than a short chart is tall (it would run into the title above and the x axis below). Widths are estimated
 * at 0.58 em a character, DejaVu Sans's average; never below 60 % of the axis font.
 */
export function fitLabelSize(label: string, length: number, fontSize: number): number {
  const needed = [...label].length * 0.58 * fontSize;
  return needed <= length ? fontSize : Math.max(0.6 * fontSize, (fontSize * length) / needed);
}

function isLogScale(scale: TickScale): boolean {
  return typeof (scale as unknown as { base?: unknown }).base === 'function';
}

/** Log-axis labels as plain decimals at 1, 2 and 5 × 10ⁿ (others blank so they never overlap). */
export function logTickFormat(v: number): string {
  if (!(v > 0)) return '';
  const e = Math.floor(Math.log10(v) + 1e-9);
  const mant = v / 10 ** e;
  if (Math.abs(mant - 1) > 1e-6 && Math.abs(mant - 2) > 1e-6 && Math.abs(mant - 5) > 1e-6) return '';
  if (e >= 6 || e <= -5) return `${Math.round(mant)}e${e}`;
  return String(Number(v.toPrecision(1)));
}

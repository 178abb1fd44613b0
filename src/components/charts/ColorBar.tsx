import { useId } from 'react';
import type { ChartTheme } from './chartTheme';
import { formatValue } from './format';

/**
 * A small colour key for heatmaps: a gradient from `lo` to `hi` with their values (and 0 for signed scales).
 * Rendered as SVG inside the chart's plot, so it is part of SVG/PNG exports.
 */
export interface ColorBarProps {
  color: (v: number) => string;
  lo: number;
  hi: number;
  theme: ChartTheme;
  label?: string;
  width?: number;
}

export function ColorBar({ color, lo, hi, theme, label, width = 180 }: ColorBarProps) {
  const id = `cb-${useId().replace(/[^\w-]/g, '')}`;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return null;
  const f = theme.fontSize * 0.9;
  const labelW = label ? label.length * f * 0.6 + 8 : 0;
  const h = 10;
  const stops = Array.from({ length: 11 }, (_, i) => lo + ((hi - lo) * i) / 10);
  const showZero = lo < 0 && hi > 0;
  const x0 = labelW;
  return (
    <svg
      className="color-bar"
      width={labelW + width + 8}
      height={h + f + 8}
      role="img"
      aria-label={`Colour key from ${formatValue(lo)} to ${formatValue(hi)}`}
    >
      <defs>
        <linearGradient id={id}>
          {stops.map((v, i) => (
            <stop key={i} offset={`${i * 10}%`} stopColor={color(v)} />
          ))}
        </linearGradient>
      </defs>
      {label && (
        <text x={0} y={h - 1} fontSize={f} fill={theme.fgMuted}>
          {label}
        </text>
      )}
      <rect x={x0} y={1} width={width} height={h} fill={`url(#${id})`} stroke={theme.border} />
      <g fontSize={f} fill={theme.fgMuted}>
        <text x={x0} y={h + f + 4} textAnchor="start">
          {formatValue(lo)}
        </text>
        {showZero && (
          <text x={x0 + (width * -lo) / (hi - lo)} y={h + f + 4} textAnchor="middle">
            0
          </text>
        )}
        <text x={x0 + width} y={h + f + 4} textAnchor="end">
          {formatValue(hi)}
        </text>
      </g>
    </svg>
  );
}

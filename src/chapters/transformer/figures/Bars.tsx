/**
 * A small bar chart used until the figure kit's BarChart / Histogram land: one bar per label, values ≥ 0,
 * an optional highlighted bar. SVG rendered by React; the caption states the values for screen readers.
 */
export interface BarsProps {
  labels: readonly string[];
  values: ArrayLike<number>;
  /** Bar drawn in the accent colour (e.g. the chosen token). */
  highlight?: number;
  /** Fixed upper end of the value axis (default: the largest value). */
  max?: number;
  title: string;
  caption: string;
  height?: number;
  /** Shown above each bar when there is room. */
  format?: (v: number) => string;
  testId?: string;
  color?: string;
}

export function Bars({
  labels,
  values,
  highlight,
  max,
  title,
  caption,
  height = 150,
  format,
  testId,
  color,
}: BarsProps) {
  const n = labels.length;
  const top = max ?? Math.max(1e-9, ...Array.from(values));
  const width = Math.max(220, n * 26);
  const plotH = height - 34;
  const bw = width / Math.max(1, n);
  return (
    <figure className="chart tf-bars" data-testid={testId}>
      <div className="chart-title">{title}</div>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={caption}>
        <line x1={0} x2={width} y1={plotH + 2} y2={plotH + 2} className="tf-bars-axis" />
        {labels.map((label, i) => {
          const v = Number.isFinite(values[i]) ? Math.max(0, values[i]) : 0;
          const h = (v / top) * (plotH - 14);
          const x = i * bw + bw * 0.15;
          return (
            <g key={i} className={i === highlight ? 'tf-bar tf-bar--on' : 'tf-bar'}>
              <rect
                x={x}
                y={plotH + 2 - h}
                width={bw * 0.7}
                height={h}
                rx={2}
                style={color && i !== highlight ? { fill: color } : undefined}
              >
                <title>{`${label}: ${format ? format(v) : v.toFixed(3)}`}</title>
              </rect>
              {format && bw >= 24 && v / top > 0.02 && (
                <text x={x + bw * 0.35} y={plotH - h - 2} textAnchor="middle" className="tf-bar-value">
                  {format(v)}
                </text>
              )}
              <text x={x + bw * 0.35} y={height - 16} textAnchor="middle" className="tf-bar-label">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{caption}</figcaption>
    </figure>
  );
}

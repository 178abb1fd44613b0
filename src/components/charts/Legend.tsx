/** A legend as HTML (wraps on narrow screens), one swatch per series. Shown by charts with several series. */
export interface LegendItem {
  label: string;
  color: string;
  /** 'line' (default), 'dashed', 'box', 'hollow' (test points). */
  shape?: 'line' | 'dashed' | 'box' | 'dot' | 'hollow';
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((it, i) => (
        <li key={`${it.label}-${i}`}>
          <svg width="22" height="12" aria-hidden="true">
            {it.shape === 'box' ? (
              <rect x="4" y="1" width="14" height="10" fill={it.color} />
            ) : it.shape === 'dot' ? (
              <circle cx="11" cy="6" r="4.5" fill={it.color} />
            ) : it.shape === 'hollow' ? (
              <circle cx="11" cy="6" r="4" fill="none" stroke={it.color} strokeWidth="2" />
            ) : (
              <line
                x1="1"
                x2="21"
                y1="6"
                y2="6"
                stroke={it.color}
                strokeWidth="3"
                strokeDasharray={it.shape === 'dashed' ? '5 3' : undefined}
              />
            )}
          </svg>
          <span>{it.label}</span>
        </li>
      ))}
    </ul>
  );
}

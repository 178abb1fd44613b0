import { useChartTheme } from '../../../components/charts';

/**
 * DropoutDiagram — the dropout network 1 → w → w → 1 with the units dropped at the last training step greyed out
 * (for training sample 1). Shows at most `maxShown` units per hidden layer. Masks: 1 = kept, 0 = dropped.
 */
export interface DropoutDiagramProps {
  masks: readonly ArrayLike<number>[];
  maxShown?: number;
  height?: number;
}

export function DropoutDiagram({ masks, maxShown = 12, height = 150 }: DropoutDiagramProps) {
  const theme = useChartTheme();
  const width = 320;
  const columns = [[1], ...masks.map((m) => Array.from(m).slice(0, maxShown)), [1]];
  const labels = ['x', 'hidden 1', 'hidden 2', 'h(x)'];
  const colX = (c: number) => 30 + (c * (width - 60)) / (columns.length - 1);
  const top = 10;
  const bottom = height - 24;
  const rowY = (i: number, n: number) =>
    n === 1 ? (top + bottom) / 2 : top + (i * (bottom - top)) / (n - 1);
  const r = Math.min(7, (bottom - top) / (2 * maxShown));
  const dropped = masks.map((m) => Array.from(m).filter((v) => v === 0).length);
  const total = masks.map((m) => m.length);
  const text = `Dropped units at the last step: hidden 1 ${dropped[0] ?? 0} of ${total[0] ?? 0}, hidden 2 ${dropped[1] ?? 0} of ${total[1] ?? 0}.`;
  return (
    <figure className="chart reg-diagram" data-testid="dropout-diagram">
      <div className="chart-head">
        <div className="chart-title">Dropped now (sample 1)</div>
      </div>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={text}>
        {columns
          .slice(0, -1)
          .map((col, c) =>
            col.map((keepA, i) =>
              columns[c + 1].map((keepB, k) => (
                <line
                  key={`${c}-${i}-${k}`}
                  x1={colX(c)}
                  y1={rowY(i, col.length)}
                  x2={colX(c + 1)}
                  y2={rowY(k, columns[c + 1].length)}
                  stroke={keepA && keepB ? theme.fgMuted : 'transparent'}
                  strokeOpacity={0.35}
                  strokeWidth={0.7}
                />
              )),
            ),
          )}
        {columns.map((col, c) =>
          col.map((keep, i) => (
            <circle
              key={`n${c}-${i}`}
              cx={colX(c)}
              cy={rowY(i, col.length)}
              r={r}
              fill={keep ? theme.series[0] : theme.bg}
              stroke={keep ? theme.fg : theme.fgMuted}
              strokeDasharray={keep ? undefined : '2 2'}
              data-dropped={keep ? undefined : 'true'}
            />
          )),
        )}
        {labels.map((label, c) => (
          <text
            key={label}
            x={colX(c)}
            y={height - 6}
            textAnchor="middle"
            fill={theme.fg}
            fontSize={Math.max(11, theme.fontSize)}
          >
            {label}
          </text>
        ))}
      </svg>
      <figcaption className="chart-caption">
        {text} {total[0] && total[0] > maxShown ? `(first ${maxShown} units of each layer shown)` : ''}
      </figcaption>
    </figure>
  );
}

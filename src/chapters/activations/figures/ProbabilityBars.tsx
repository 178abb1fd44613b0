import { useChartTheme } from '../../../components/charts';
import { fmt } from '../../../components/math/fixed';

/** Width of one character of the bars' monospace text at font scale 1 (14 px × DejaVu Sans Mono's 0.6 em advance). */
const CHAR_W = 14 * 0.61;

/**
 * Horizontal bars for values in [0, 1] (probabilities), each with its number, so the numbers are readable at a
 * projector's distance. Each value carries data-testid `${testId}-${i + 1}` for tests.
 */
export function ProbabilityBars({
  labels,
  values,
  testId,
}: {
  labels: readonly string[];
  values: readonly number[];
  testId: string;
}) {
  const { fontScale } = useChartTheme();
  const rowH = 34;
  const W = 460;
  // Label and number columns fit their text at the current font scale (presenter mode enlarges it), so a label is
  // never cut at the left edge; the bars take the rest.
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const labelW = Math.ceil(longest * CHAR_W * fontScale) + 12;
  const barW = W - labelW - Math.ceil(5 * CHAR_W * fontScale) - 12;
  return (
    <svg
      className="act-bars"
      viewBox={`0 0 ${W} ${values.length * rowH + 6}`}
      role="img"
      aria-label={`Probabilities: ${values.map((v, i) => `${labels[i]} ${fmt(v, 3)}`).join(', ')}`}
      data-testid={testId}
    >
      {values.map((v, i) => {
        const clamped = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
        const y = i * rowH + 4;
        return (
          <g key={i}>
            <text x={labelW - 8} y={y + rowH / 2 + 2} textAnchor="end" className="act-bar-label">
              {labels[i]}
            </text>
            <rect x={labelW} y={y} width={barW} height={rowH - 8} className="act-bar-track" rx={4} />
            <rect
              x={labelW}
              y={y}
              width={barW * clamped}
              height={rowH - 8}
              fill={`var(--series-${(i % 6) + 1})`}
              rx={4}
            />
            <text
              x={labelW + barW + 8}
              y={y + rowH / 2 + 2}
              className="act-bar-value"
              data-testid={`${testId}-${i + 1}`}
            >
              {fmt(v, 3)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The note a chart shows in the middle of its plot area while it has nothing to draw ("No data", "No model output
 * yet"). Props: `width` and `height` of the plot area it centres in, `fontSize` (the chart's, so it follows
 * --font-scale), and the note as children. Styled by `.chart-empty` in charts.css; tests find it by that class.
 */
import type { ReactNode } from 'react';

export function EmptyPlotNote({
  width,
  height,
  fontSize,
  children,
}: {
  width: number;
  height: number;
  fontSize: number;
  children: ReactNode;
}) {
  return (
    <text className="chart-empty" x={width / 2} y={height / 2} textAnchor="middle" fontSize={fontSize}>
      {children}
    </text>
  );
}

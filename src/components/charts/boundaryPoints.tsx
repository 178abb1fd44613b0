import type { ScaleLinear } from 'd3';
import type { ChartTheme } from './chartTheme';

/** A data point on a decision-boundary plot; `label` is the class index, `test` draws it hollow. */
export interface BoundaryPoint {
  x: number;
  y: number;
  label: number;
  test?: boolean;
}

/** Data on top of the shading: training points filled, test points hollow, coloured by class. */
export function BoundaryPoints({
  points,
  colors,
  theme,
  sx,
  sy,
}: {
  points: readonly BoundaryPoint[];
  colors: readonly string[];
  theme: ChartTheme;
  sx: ScaleLinear<number, number>;
  sy: ScaleLinear<number, number>;
}) {
  const k = colors.length;
  const r = Math.max(3, 4.2 * theme.fontScale);
  return (
    <g className="points">
      {points.map((p, i) => {
        const c = colors[((Math.floor(p.label) % k) + k) % k] ?? theme.fgMuted;
        // A test point: hollow (the background, half see-through), ringed in its class colour.
        return (
          <circle
            key={i}
            className={p.test ? 'point test' : 'point train'}
            cx={sx(p.x)}
            cy={sy(p.y)}
            r={r}
            fill={p.test ? theme.bgRaised : c}
            fillOpacity={p.test ? 0.6 : undefined}
            stroke={p.test ? c : theme.bgRaised}
            strokeWidth={p.test ? 2.2 : 1.2}
          />
        );
      })}
    </g>
  );
}

/** A ring around one data point (drawn only while that point is finite). */
export function MarkedRing({
  point,
  theme,
  sx,
  sy,
}: {
  point: BoundaryPoint | undefined;
  theme: ChartTheme;
  sx: ScaleLinear<number, number>;
  sy: ScaleLinear<number, number>;
}) {
  if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
  return (
    <circle
      className="marked"
      cx={sx(point.x)}
      cy={sy(point.y)}
      r={Math.max(7, 9 * theme.fontScale)}
      fill="none"
      stroke={theme.fg}
      strokeWidth={2.5}
    />
  );
}

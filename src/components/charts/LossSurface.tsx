import { useMemo, useState } from 'react';
import { scaleLinear } from 'd3';
import { ChartFrame } from './ChartFrame';
import { chartMargins } from './Axes';
import { useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { isValidGrid, sampleGrid, type Grid2D } from './grid';
import { ColorBar } from './ColorBar';
import {
  contourModel as buildContours,
  drawPath,
  gradientArrow,
  pathColor,
  surfaceCaption,
  surfaceColor,
  type OptimiserPath,
} from './lossSurfaceModel';
import { ContourMap } from './LossSurfaceLayers';
import { LossSurface3D } from './LossSurface3D';

export type { OptimiserPath } from './lossSurfaceModel';

/**
 * LossSurface — a loss over two parameters as filled contours (d3-contour), optimiser paths drawn live, each path's
 * current point, the gradient arrow, and click (or arrow keys + Enter) to set a starting point. A second mode shows
 * the same grid as a shaded 3D surface, rotated by dragging or with the arrow keys.
 *
 * Props:
 * - `grid`: Grid2D of loss values (see grid.ts), or `f(x, y)` with `domain` ([[x0,x1],[y0,y1]], default [-2,2]²)
 *   and `resolution` (default 80).
 * - `paths`: `{ label, points, length?, color? }[]` — points flat `[x0, y0, x1, y1, …]` (a Float32Array is ideal),
 *   `length` = number of valid POINTS (default points.length / 2). The last point is the current one.
 * - `gradient`: `{ x, y, dx, dy }` — ∇L at (x, y); drawn as an arrow pointing downhill (−∇L).
 * - `onPickStart(x, y)`: called on click / Enter; without it the surface is not clickable.
 * - `logLevels`: contour levels spaced logarithmically (for steep, ill-conditioned losses). `levels` (default 14).
 * - `mode` / `onModeChange` (controlled) or `defaultMode`: '2d' | '3d'.
 * - `version`: bump when mutating arrays in place. `title`, `xLabel` ('w₁'), `yLabel` ('w₂'), `zLabel` ('loss'),
 *   `height` (default 360), `width`, `caption`.
 * - `aspect`: the plot's height follows its width (inner height = aspect × inner width, at most `height`), so a
 *   surface over two like parameters keeps its shape when the panel widens (presenter mode) instead of flattening.
 */
export interface LossSurfaceProps {
  grid?: Grid2D;
  f?: (x: number, y: number) => number;
  domain?: [[number, number], [number, number]];
  resolution?: number;
  paths?: readonly OptimiserPath[];
  gradient?: { x: number; y: number; dx: number; dy: number };
  onPickStart?: (x: number, y: number) => void;
  logLevels?: boolean;
  levels?: number;
  mode?: '2d' | '3d';
  defaultMode?: '2d' | '3d';
  onModeChange?: (mode: '2d' | '3d') => void;
  version?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  zLabel?: string;
  height?: number;
  width?: number;
  caption?: string;
  aspect?: number;
}

type Domain = [[number, number], [number, number]];
const DEFAULT_DOMAIN: Domain = [
  [-2, 2],
  [-2, 2],
];

/** The grid to draw: the given one, or `f` sampled over `domain` (compared by value, so inline arrays do not resample). */
function useField(grid: Grid2D | undefined, f: LossSurfaceProps['f'], domain: Domain, resolution: number) {
  return useMemo(() => {
    if (grid) return grid;
    if (f) return sampleGrid(f, domain[0], domain[1], Math.min(200, resolution));
    return undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `domain` compared by value
  }, [grid, f, resolution, domain[0][0], domain[0][1], domain[1][0], domain[1][1]]);
}

/** The field when it is a usable grid, and the domains to draw (the field's, else the requested `domain`). */
function useLossField(
  grid: Grid2D | undefined,
  f: LossSurfaceProps['f'],
  domain: Domain,
  resolution: number,
) {
  const field = useField(grid, f, domain, resolution);
  const valid = isValidGrid(field);
  const xd: [number, number] = valid ? field.xDomain : domain[0];
  const yd: [number, number] = valid ? field.yDomain : domain[1];
  return { field: valid ? field : null, xd, yd };
}

/** 2D contours or 3D surface: controlled (`mode`) or the chart's own; every switch is reported to `onModeChange`. */
function useViewMode(
  mode: '2d' | '3d' | undefined,
  defaultMode: '2d' | '3d',
  onModeChange?: (mode: '2d' | '3d') => void,
) {
  const [ownMode, setOwnMode] = useState(defaultMode);
  const current = mode ?? ownMode;
  const setMode = (next: '2d' | '3d') => {
    if (mode === undefined) setOwnMode(next);
    onModeChange?.(next);
  };
  return [current, setMode] as const;
}

/** The chart height at which the plot area's height is `aspect` × its width (never more than `maxHeight`). */
function heightForAspect(width: number, aspect: number, maxHeight: number, theme: ChartTheme): number {
  const m = chartMargins(theme, { xLabel: true, yLabel: true });
  const innerW = Math.max(10, width - m.left - m.right);
  return Math.min(maxHeight, Math.round(m.top + m.bottom + aspect * innerW));
}

/** Margins and scales of the contour map and its contour lines (rebuilt when the data version changes). */
function useContours(
  field: Grid2D | null,
  domains: { xd: [number, number]; yd: [number, number] },
  [width, height, theme]: [number, number, ChartTheme],
  levelOptions: { levels: number; logLevels: boolean; version?: number },
) {
  const { xd, yd } = domains;
  const m = chartMargins(theme, { xLabel: true, yLabel: true });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const { levels, logLevels, version } = levelOptions;
  const sx = useMemo(() => scaleLinear().domain(xd).range([0, innerW]), [xd, innerW]);
  const sy = useMemo(() => scaleLinear().domain(yd).range([innerH, 0]), [yd, innerH]);
  const contours = useMemo(() => {
    void version; // the grid may be mutated in place
    return field ? buildContours(field, sx, sy, levels, logLevels) : null;
  }, [field, version, logLevels, levels, sx, sy]);
  return { m, sx, sy, contours };
}

function ViewToggle({ current, onChange }: { current: '2d' | '3d'; onChange: (mode: '2d' | '3d') => void }) {
  return (
    <button
      type="button"
      className="chart-button"
      aria-pressed={current === '3d'}
      onClick={() => onChange(current === '3d' ? '2d' : '3d')}
      title="Switch between contour map and rotatable 3D surface"
    >
      3D view
    </button>
  );
}

/** What a screen reader hears for each view: the title, the live caption, and how to interact. */
function surfaceAriaLabels(title: string | undefined, captionText: string, pickable: boolean) {
  const name = title ?? 'Loss surface';
  const pickHint = pickable ? ' Click, or use the arrow keys and Enter, to choose a starting point.' : '';
  return {
    surface3d: `${name} in 3D, rotate by dragging or with the arrow keys. ${captionText}`,
    contour: `${name}: ${captionText}${pickHint}`,
  };
}

/** Everything both views draw, derived from the props: the sampled field, scales, contours, paths and captions. */
function useSurfaceModel(props: LossSurfaceProps) {
  const { grid, f, domain = DEFAULT_DOMAIN, resolution = 80, paths = [], gradient, caption, title } = props;
  const {
    logLevels = false,
    levels = 14,
    version,
    height: maxHeight = 360,
    width: fixedWidth,
    aspect,
  } = props;
  const { xLabel = 'w₁', yLabel = 'w₂', zLabel = 'loss' } = props;
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const height = aspect === undefined ? maxHeight : heightForAspect(width, aspect, maxHeight, theme);
  const { field, xd, yd } = useLossField(grid, f, domain, resolution);
  const levelOptions = { levels, logLevels, version };
  const { m, sx, sy, contours } = useContours(field, { xd, yd }, [width, height, theme], levelOptions);
  const colorAt = useMemo(() => surfaceColor(theme), [theme]);
  const labels = useMemo(() => ({ x: xLabel, y: yLabel, z: zLabel }), [xLabel, yLabel, zLabel]);

  const drawn = paths.map((p, i) => drawPath(p, p.color ?? pathColor(theme, i), sx, sy));
  const arrow = gradientArrow(gradient, sx, sy, theme.fontScale);
  const captionText = surfaceCaption(caption, contours, drawn, field, arrow);
  const aria = surfaceAriaLabels(title, captionText, props.onPickStart !== undefined);
  return {
    theme,
    plotRef,
    width,
    height,
    field,
    m,
    sx,
    sy,
    contours,
    colorAt,
    labels,
    drawn,
    arrow,
    captionText,
    aria,
  };
}

export function LossSurface(props: LossSurfaceProps) {
  const { paths = [], onPickStart, mode, defaultMode = '2d', onModeChange, version, title } = props;
  const {
    theme,
    plotRef,
    width,
    height,
    field,
    m,
    sx,
    sy,
    contours,
    colorAt,
    labels,
    drawn,
    arrow,
    captionText,
    aria,
  } = useSurfaceModel(props);
  const [current, setMode] = useViewMode(mode, defaultMode, onModeChange);

  return (
    <ChartFrame
      kind="loss-surface"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={drawn.map((p) => ({ label: p.label, color: p.color }))}
      actions={<ViewToggle current={current} onChange={setMode} />}
    >
      {current === '3d' ? (
        <LossSurface3D
          field={field}
          paths={paths}
          colorAt={colorAt}
          theme={theme}
          width={width}
          height={height}
          labels={labels}
          version={version}
          ariaLabel={aria.surface3d}
        />
      ) : (
        <ContourMap
          width={width}
          height={height}
          margins={m}
          sx={sx}
          sy={sy}
          theme={theme}
          contours={contours}
          colorAt={colorAt}
          drawn={drawn}
          arrow={arrow}
          labels={labels}
          onPickStart={onPickStart}
          ariaLabel={aria.contour}
        />
      )}
      {current === '2d' && contours && (
        <ContourColorBar contours={contours} colorAt={colorAt} theme={theme} label={labels.z} />
      )}
    </ChartFrame>
  );
}

/** The colour key of the contour map, in loss units (log-spaced when the levels are). */
function ContourColorBar({
  contours,
  colorAt,
  theme,
  label,
}: {
  contours: NonNullable<ReturnType<typeof buildContours>>;
  colorAt: (t: number) => string;
  theme: ChartTheme;
  label: string;
}) {
  return (
    <ColorBar
      color={(v) => colorAt(contours.toT(v))}
      lo={contours.lo}
      hi={contours.hi}
      theme={theme}
      label={label}
    />
  );
}

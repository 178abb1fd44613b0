import { interpolateLab, scaleLog } from 'd3';
import { ChartFrame, ColorBar, type ChartTheme } from '../../../components/charts';
import { AxisBottom, AxisLeft, chartMargins } from '../../../components/charts/Axes';
import { useElementWidth } from '../../../components/charts/useElementWidth';

/**
 * One search's trials over the two hyperparameters: x = learning rate α (log), y = L2 strength λ (log). Planned
 * trials not run yet are hollow; a finished trial is filled with the colour of its validation error (shared `colorDomain`
 * so the two searches compare); a trial that blew up is a cross; the search's best trial is ringed.
 *
 * Props: `points` (lr, lambda, val — val shorter than the points while the search runs, ±Infinity = blew up),
 * `best` (index or −1), `space` [lrLo, lrHi, λLo, λHi], `colorDomain` [lo, hi] of validation errors (> 0).
 */
export interface SearchScatterProps {
  title: string;
  lr: ArrayLike<number>;
  lambda: ArrayLike<number>;
  val: ArrayLike<number>;
  best: number;
  space: ArrayLike<number>;
  colorDomain: readonly [number, number] | null;
  theme: ChartTheme;
  height?: number;
  testId?: string;
}

/** Tick labels at powers of ten only (the log axes span few decades; more labels would overlap). */
function decade(v: number): string {
  const e = Math.log10(v);
  if (Math.abs(e - Math.round(e)) > 1e-9) return '';
  return Math.round(e) < -3 ? `1e${Math.round(e)}` : String(Number(v.toPrecision(1)));
}

/** Validation error → colour: low (good) is blue, high is orange (Okabe–Ito, safe for colour-blind readers). */
export function errorColor(theme: ChartTheme, domain: readonly [number, number] | null) {
  const mix = interpolateLab(theme.series[0], theme.series[4] ?? theme.series[1]);
  if (!domain) return () => theme.fgMuted;
  const [lo, hi] = domain.map(Math.log);
  return (v: number) => mix(hi > lo ? Math.min(1, Math.max(0, (Math.log(v) - lo) / (hi - lo))) : 0);
}

/** The scatter's caption (also its aria-label): trials run, blown up, and the best trial's values. */
export function scatterCaption(
  title: string,
  lr: ArrayLike<number>,
  lambda: ArrayLike<number>,
  val: ArrayLike<number>,
  best: number,
): string {
  const blown = Array.from(val).filter((v) => !Number.isFinite(v)).length;
  return (
    `${title}: ${val.length} of ${lr.length} trials run` +
    (blown ? `, ${blown} blew up` : '') +
    (best >= 0 && Number.isFinite(val[best])
      ? `; best α = ${lr[best].toPrecision(3)}, λ = ${lambda[best].toPrecision(2)}, validation error ${val[best].toFixed(4)}.`
      : '.')
  );
}

export function SearchScatter(props: SearchScatterProps) {
  const { title, lr, lambda, val, best, space, colorDomain, theme, testId } = props;
  // Taller when the type is larger (presenter mode), so the λ axis keeps its room under bigger margins.
  const height = props.height ?? Math.round(Math.max(140, theme.fontSize * 10.8));
  // The plot area inside the frame is measured (not the frame), so the plot never sticks out of it.
  const [plotRef, width] = useElementWidth<HTMLDivElement>(undefined, 300);
  const r = Math.max(4, theme.fontSize * 0.42);
  // Room on the right for a trial at the largest learning rate (its ring is 2r wide).
  const m = chartMargins(theme, { xLabel: true, yLabel: true, right: r * 2 + 4 });
  const x = scaleLog()
    .domain([space[0] ?? 0.001, space[1] ?? 1])
    .range([m.left, width - m.right]);
  const y = scaleLog()
    .domain([space[2] ?? 1e-5, space[3] ?? 1e-3])
    .range([height - m.bottom, m.top]);
  const color = errorColor(theme, colorDomain);
  const done = val.length;
  const caption = scatterCaption(title, lr, lambda, val, best);
  return (
    <div data-testid={testId} data-trials={done}>
      <ChartFrame kind="search-scatter" title={title} caption={caption} theme={theme} plotRef={plotRef}>
        <svg width={width} height={height} role="img" aria-label={caption}>
          <AxisBottom
            scale={x}
            theme={theme}
            offset={height - m.bottom}
            label="learning rate α"
            format={decade}
            ticks={10}
          />
          <AxisLeft scale={y} theme={theme} offset={m.left} label="λ" format={decade} ticks={10} />
          {Array.from(lr, (a, i) => (
            <TrialMark
              key={i}
              cx={x(a)}
              cy={y(lambda[i])}
              r={r}
              val={i < done ? val[i] : undefined}
              color={color}
              theme={theme}
            />
          ))}
          {best >= 0 && best < done && Number.isFinite(val[best]) && (
            <circle
              cx={x(lr[best])}
              cy={y(lambda[best])}
              r={r * 2}
              fill="none"
              stroke={theme.fg}
              strokeWidth={2}
              data-best=""
            />
          )}
        </svg>
      </ChartFrame>
    </div>
  );
}

/** One trial: hollow while planned (`val` undefined), a cross when it blew up, else filled with its error's colour. */
function TrialMark({
  cx,
  cy,
  r,
  val,
  color,
  theme,
}: {
  cx: number;
  cy: number;
  r: number;
  val: number | undefined;
  color: (v: number) => string;
  theme: ChartTheme;
}) {
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  if (val === undefined)
    return <circle cx={cx} cy={cy} r={r} fill="none" stroke={theme.fgMuted} strokeDasharray="2 2" />;
  if (!Number.isFinite(val))
    return (
      <path
        d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx - r},${cy + r}L${cx + r},${cy - r}`}
        stroke={theme.negative}
        strokeWidth={2}
        data-blown=""
      />
    );
  return <circle cx={cx} cy={cy} r={r} fill={color(val)} stroke={theme.bgRaised} data-done="" />;
}

/** The shared colour key of the two scatters. */
export function SearchColorKey({
  theme,
  domain,
}: {
  theme: ChartTheme;
  domain: readonly [number, number] | null;
}) {
  if (!domain) return null;
  const [lo, hi] = domain;
  const color = errorColor(theme, domain);
  // The bar is linear in its own coordinate: map it back through the log scale the points use.
  const toValue = (t: number) =>
    Math.exp(Math.log(lo) + (t - lo) * ((Math.log(hi) - Math.log(lo)) / (hi - lo)));
  return (
    <span className="reg-color-key">
      {/* The label is text beside the bar: ColorBar's own label clips at the presenter's font scale. */}
      validation error{' '}
      <ColorBar
        color={(t) => color(toValue(t))}
        lo={lo}
        hi={hi}
        theme={theme}
        width={Math.round(100 * theme.fontScale)}
      />
    </span>
  );
}
